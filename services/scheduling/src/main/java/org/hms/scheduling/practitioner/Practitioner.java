package org.hms.scheduling.practitioner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hms.scheduling.practitioner.PractitionerRequests.PersonName;
import org.hms.scheduling.slot.Availability;

/** A practitioner who can be booked. Never serialised to clients: see {@link PractitionerResponse}. */
@Entity
@Table(name = "practitioner")
// named: Hibernate parses them when it starts, not on an event loop at the first request
@NamedQuery(name = "Practitioner.all", query = "from Practitioner order by createdAt, id")
@NamedQuery(name = "Practitioner.ofSpecialty", query = "from Practitioner where specialty = :specialty"
        + " order by createdAt, id")
@NamedQuery(name = "Practitioner.countAll", query = "select count(*) from Practitioner")
@NamedQuery(name = "Practitioner.countOfSpecialty", query = "select count(*) from Practitioner"
        + " where specialty = :specialty")
public class Practitioner {

    @Id
    public UUID id;

    @JdbcTypeCode(SqlTypes.JSON)
    public PersonName name;

    public String specialty;

    @Column(name = "user_id")
    public UUID userId;

    /** Null until the practitioner's availability is set: such a practitioner has no slots. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Availability availability;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    static Practitioner create(PersonName name, String specialty, UUID userId) {
        Practitioner p = new Practitioner();
        p.id = UUID.randomUUID();
        p.name = name;
        p.specialty = specialty;
        p.userId = userId;
        p.createdAt = Instant.now();
        p.updatedAt = p.createdAt;
        return p;
    }

    void replaceAvailability(Availability availability) {
        this.availability = availability;
        this.updatedAt = Instant.now();
    }
}
