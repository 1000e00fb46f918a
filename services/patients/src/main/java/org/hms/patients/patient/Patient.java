package org.hms.patients.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hms.contracts.patients.Address;
import org.hms.contracts.patients.ContactPerson;
import org.hms.contracts.patients.Gender;
import org.hms.contracts.patients.HumanName;
import org.hms.contracts.patients.Identifier;
import org.hms.contracts.patients.PatientDetails;

/** A patient in the master patient index. Never serialised to clients: see {@link PatientResponse}. */
@Entity
@Table(name = "patient")
public class Patient {

    public enum Status {
        ACTIVE,
        MERGED,
        ERASED
    }

    @Id
    public UUID id;

    public String mrn;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public Status status = Status.ACTIVE;

    @Column(name = "merged_into")
    public UUID mergedInto;

    @JdbcTypeCode(SqlTypes.JSON)
    public HumanName name;

    /** "Zofia Maria Kowalska"; the database folds it into the indexed search_name. */
    @Column(name = "name_text")
    public String nameText;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    public String gender;

    @JdbcTypeCode(SqlTypes.JSON)
    public Identifiers identifiers = new Identifiers(List.of());

    public String phone;

    public String email;

    @JdbcTypeCode(SqlTypes.JSON)
    public Address address;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "emergency_contact")
    public ContactPerson emergencyContact;

    @Column(name = "preferred_language")
    public String preferredLanguage;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "merged_at")
    public Instant mergedAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "erased_by")
    public String erasedBy;

    @Column(name = "erasure_reason")
    public String erasureReason;

    static Patient register(UUID id, String mrn, PatientDetails details) {
        Patient patient = new Patient();
        patient.id = id;
        patient.mrn = mrn;
        patient.createdAt = Instant.now();
        patient.record(details);
        return patient;
    }

    /** Replaces the demographics with what the desk entered. */
    void record(PatientDetails details) {
        name = details.name();
        nameText = details.name().text();
        birthDate = details.birthDate();
        gender = details.gender().code();
        identifiers = new Identifiers(details.identifiers());
        phone = details.phone();
        email = details.email();
        address = details.address();
        emergencyContact = details.emergencyContact();
        preferredLanguage = details.preferredLanguage();
        updatedAt = Instant.now();
    }

    /** This record was a duplicate of {@code survivor}: it retires, its identifiers move over. */
    void mergeInto(Patient survivor) {
        LinkedHashSet<Identifier> union = new LinkedHashSet<>(survivor.identifiers.items());
        union.addAll(identifiers.items());
        survivor.identifiers = new Identifiers(new ArrayList<>(union));
        survivor.updatedAt = Instant.now();
        status = Status.MERGED;
        mergedInto = survivor.id;
        mergedAt = Instant.now();
        updatedAt = mergedAt;
    }

    /** Removes every personal datum; keeps the id, the MRN and the fact of erasure. */
    void erase(String by, String reason) {
        status = Status.ERASED;
        name = null;
        nameText = null;
        birthDate = null;
        gender = null;
        identifiers = new Identifiers(List.of());
        phone = null;
        email = null;
        address = null;
        emergencyContact = null;
        preferredLanguage = null;
        erasedAt = Instant.now();
        erasedBy = by;
        erasureReason = reason;
        updatedAt = erasedAt;
    }

    PatientDetails details() {
        return new PatientDetails(name, birthDate, Gender.valueOf(gender.toUpperCase()), identifiers.items(), phone, email,
                address, emergencyContact, preferredLanguage);
    }

    boolean isActive() {
        return status == Status.ACTIVE;
    }
}
