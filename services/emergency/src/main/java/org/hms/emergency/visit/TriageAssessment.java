package org.hms.emergency.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hms.emergency.triage.EmergencySeverityIndex;

/** One triage of a visit, as the nurse answered it: the visit's history keeps every one. */
@Entity
@Table(name = "triage_assessment")
public class TriageAssessment {

    @Id
    public UUID id;

    @Column(name = "visit_id")
    public UUID visitId;

    @JdbcTypeCode(SqlTypes.JSON)
    public EmergencySeverityIndex.Assessment inputs;

    @Column(name = "computed_level")
    public int computedLevel;

    public int level;

    public String reason;

    @Column(name = "override_reason")
    public String overrideReason;

    @Column(name = "triaged_by")
    public String triagedBy;

    @Column(name = "triaged_at")
    public Instant triagedAt;

    static TriageAssessment of(UUID visitId, EdVisit visit, EmergencySeverityIndex.Assessment inputs, String by) {
        TriageAssessment t = new TriageAssessment();
        t.id = UUID.randomUUID();
        t.visitId = visitId;
        t.inputs = inputs;
        t.computedLevel = visit.esiComputed;
        t.level = visit.esiLevel;
        t.reason = visit.esiReason;
        t.overrideReason = visit.esiOverrideReason;
        t.triagedBy = by;
        t.triagedAt = Instant.now();
        return t;
    }
}
