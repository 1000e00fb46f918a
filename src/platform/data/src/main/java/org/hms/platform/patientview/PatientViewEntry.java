package org.hms.platform.patientview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hms.platform.patientview.PatientFact.Status;

/** One row of {@code patient_view}; only {@link PatientView} reads and writes it. */
@Entity
@Table(name = "patient_view")
class PatientViewEntry {

    @Id
    @Column(name = "patient_id")
    UUID patientId;

    String mrn;

    @Column(name = "display_name")
    String displayName;

    @Column(name = "birth_date")
    LocalDate birthDate;

    String gender;

    String status;

    @Column(name = "merged_into")
    UUID mergedInto;

    long version;

    @Column(name = "updated_at")
    Instant updatedAt;

    static PatientViewEntry of(UUID patientId) {
        PatientViewEntry entry = new PatientViewEntry();
        entry.patientId = patientId;
        return entry;
    }

    Status status() {
        return Status.valueOf(status.toUpperCase());
    }

    void active(String mrn, String displayName, LocalDate birthDate, String gender, long version) {
        this.mrn = mrn;
        this.displayName = displayName;
        this.birthDate = birthDate;
        this.gender = gender;
        this.status = "active";
        this.mergedInto = null;
        stamp(version);
    }

    /** Retired into {@code survivor}: its personal data lives on in the survivor's row. */
    void merged(UUID survivor, long version) {
        forgetPersonalData();
        this.status = "merged";
        this.mergedInto = survivor;
        stamp(version);
    }

    /** Erased: the id and MRN stay, so a late event finds the row and cannot bring the data back. */
    void erased(long version) {
        forgetPersonalData();
        this.status = "erased";
        stamp(version);
    }

    PatientFact fact() {
        return new PatientFact(patientId, mrn, displayName, birthDate, gender, status(), mergedInto, version);
    }

    private void forgetPersonalData() {
        displayName = null;
        birthDate = null;
        gender = null;
    }

    private void stamp(long version) {
        this.version = version;
        this.updatedAt = Instant.now();
    }
}
