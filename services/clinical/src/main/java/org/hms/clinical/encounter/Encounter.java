package org.hms.clinical.encounter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;

/**
 * A patient's contact with the hospital (FHIR Encounter): an outpatient visit or an inpatient
 * stay in a ward's bed. In progress until discharged; a finished encounter does not change.
 */
@Entity
@Table(name = "encounter")
// named: parsed once at start-up, never on an event loop serving the first request
@NamedQuery(name = "Encounter.inProgress", query = "from Encounter where patientId = ?1 and status = ?2"
        + " order by (case when encounterClass = ?3 then 0 else 1 end), startedAt desc")
@NamedQuery(name = "Encounter.ofPatient", query = "from Encounter where patientId = ?1 order by startedAt desc, id desc")
@NamedQuery(name = "Encounter.countOfPatient", query = "select count(*) from Encounter where patientId = ?1")
@NamedQuery(name = "Encounter.byAppointment", query = "from Encounter where appointmentId = ?1")
public class Encounter {

    public enum EncounterClass {
        OUTPATIENT,
        INPATIENT;

        public String code() {
            return name().toLowerCase();
        }
    }

    public enum Status {
        IN_PROGRESS,
        FINISHED;

        public String code() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    @Id
    public UUID id;

    @Column(name = "patient_id")
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "encounter_class", columnDefinition = "text")
    public EncounterClass encounterClass;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public Status status;

    @Column(name = "appointment_id")
    public UUID appointmentId;

    @Column(name = "practitioner_id")
    public UUID practitionerId;

    public String reason;

    @Column(name = "ward_code")
    public String ward;

    @Column(name = "bed_label")
    public String bed;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "discharge_summary")
    public String dischargeSummary;

    public long version;

    static Encounter outpatient(UUID patientId, UUID appointmentId, UUID practitionerId, String reason, Instant at) {
        Encounter e = start(patientId, EncounterClass.OUTPATIENT, at);
        e.appointmentId = appointmentId;
        e.practitionerId = practitionerId;
        e.reason = reason;
        return e;
    }

    static Encounter admission(UUID patientId, String ward, String bed, UUID practitionerId, String reason, Instant at) {
        Encounter e = start(patientId, EncounterClass.INPATIENT, at);
        e.ward = ward;
        e.bed = bed;
        e.practitionerId = practitionerId;
        e.reason = reason;
        return e;
    }

    private static Encounter start(UUID patientId, EncounterClass encounterClass, Instant at) {
        Encounter e = new Encounter();
        e.id = UUID.randomUUID();
        e.patientId = patientId;
        e.encounterClass = encounterClass;
        e.status = Status.IN_PROGRESS;
        e.startedAt = at;
        return e;
    }

    void moveTo(String ward, String bed) {
        requireAdmitted("transfer");
        this.ward = ward;
        this.bed = bed;
        version++;
    }

    void discharge(String summary, Instant at) {
        requireInProgress("discharge");
        status = Status.FINISHED;
        dischargeSummary = summary;
        endedAt = at;
        version++;
    }

    private void requireAdmitted(String action) {
        requireInProgress(action);
        if (encounterClass != EncounterClass.INPATIENT) {
            throw new ProblemException(Problem.of("encounter-not-inpatient", "Conflict", 409,
                            "cannot " + action + " encounter " + id + ": it is an outpatient visit")
                    .with("encounterClass", encounterClass.code()));
        }
    }

    private void requireInProgress(String action) {
        if (status != Status.IN_PROGRESS) {
            throw new ProblemException(Problem.of("encounter-finished", "Conflict", 409,
                            "cannot " + action + " encounter " + id + ": it is " + status.code())
                    .with("status", status.code()));
        }
    }
}
