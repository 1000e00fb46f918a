package org.hms.emergency.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hms.emergency.triage.EmergencySeverityIndex;

/** A patient's stay in the emergency department, from arrival to departure. Never on the wire. */
@Entity
@Table(name = "ed_visit")
public class EdVisit {

    /** Where the visit is: the board shows every status but DEPARTED. */
    public enum Status {
        ARRIVED,
        TRIAGED,
        SEEN,
        DEPARTED
    }

    @Id
    public UUID id;

    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "temporary_identity")
    public String temporaryIdentity;

    @Column(name = "unidentified_sex")
    public String unidentifiedSex;

    @Column(name = "unidentified_age_years")
    public Integer unidentifiedAgeYears;

    @Column(name = "chief_complaint")
    public String chiefComplaint;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public Status status;

    @Column(name = "esi_computed")
    public Integer esiComputed;

    @Column(name = "esi_level")
    public Integer esiLevel;

    @Column(name = "esi_reason")
    public String esiReason;

    @Column(name = "esi_override_reason")
    public String esiOverrideReason;

    @Column(name = "arrived_at")
    public Instant arrivedAt;

    @Column(name = "triaged_at")
    public Instant triagedAt;

    @Column(name = "seen_at")
    public Instant seenAt;

    @Column(name = "departed_at")
    public Instant departedAt;

    public String disposition;

    @Column(name = "identified_at")
    public Instant identifiedAt;

    @Version
    public long version;

    static EdVisit arrive(UUID patientId, String temporaryIdentity, String sex, Integer ageYears, String complaint) {
        EdVisit visit = new EdVisit();
        visit.id = UUID.randomUUID();
        visit.patientId = patientId;
        visit.temporaryIdentity = temporaryIdentity;
        visit.unidentifiedSex = sex;
        visit.unidentifiedAgeYears = ageYears;
        visit.chiefComplaint = complaint;
        visit.status = Status.ARRIVED;
        visit.arrivedAt = Instant.now();
        return visit;
    }

    /** The level in force is the nurse's override when she gave one; the computed one is kept too. */
    void triage(EmergencySeverityIndex.Level computed, Integer overrideLevel, String overrideReason, Instant at) {
        esiComputed = computed.level();
        esiLevel = overrideLevel != null ? overrideLevel : computed.level();
        esiReason = computed.reason();
        esiOverrideReason = overrideLevel != null ? overrideReason : null;
        if (triagedAt == null) {
            triagedAt = at; // time-to-triage counts to the first triage
        }
        if (status == Status.ARRIVED) {
            status = Status.TRIAGED;
        }
    }

    void seen(Instant at) {
        seenAt = at;
        status = Status.SEEN;
    }

    void depart(String disposition, Instant at) {
        this.disposition = disposition;
        departedAt = at;
        status = Status.DEPARTED;
    }

    /** The unidentified patient is now known: the visit, and all that hangs off it, is theirs. */
    void identify(UUID patientId, Instant at) {
        this.patientId = patientId;
        identifiedAt = at;
    }

    boolean isUnidentified() {
        return patientId == null;
    }

    /** Who the visit is about, for the audit trail and the events: the patient, else the visit. */
    String subjectLabel() {
        return patientId != null ? patientId.toString() : temporaryIdentity;
    }
}
