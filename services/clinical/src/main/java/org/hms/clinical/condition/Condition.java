package org.hms.clinical.condition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A problem or diagnosis on a patient's problem list (FHIR Condition, ICD-10 coded). */
@Entity
@Table(name = "condition")
@NamedQuery(name = "Condition.ofPatient", query = "from Condition where patientId = ?1 order by recordedAt desc, id")
@NamedQuery(name = "Condition.activeOfPatient", query = "from Condition where patientId = ?1"
        + " and clinicalStatus in ?2 order by recordedAt desc, id")
public class Condition {

    /** Clinical statuses that put a condition on the active problem list. */
    public static final List<String> ACTIVE = List.of("active", "recurrence", "relapse");

    @Id
    public UUID id;

    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "encounter_id")
    public UUID encounterId;

    public String code;

    public String display;

    public LocalDate onset;

    @Column(name = "clinical_status")
    public String clinicalStatus;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
