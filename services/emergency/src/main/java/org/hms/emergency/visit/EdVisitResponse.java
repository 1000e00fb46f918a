package org.hms.emergency.visit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hms.platform.audit.PatientData;

/**
 * An ED visit as clients see it.
 *
 * @param status arrived, triaged, seen or departed
 * @param temporaryIdentity the name an unidentified patient goes by (kept after identification)
 * @param esi the level in force, or null before triage
 * @param triageHistory every triage of the visit, oldest first
 */
public record EdVisitResponse(
        UUID id,
        UUID patientId,
        String temporaryIdentity,
        UnidentifiedPatient unidentified,
        String chiefComplaint,
        String status,
        Esi esi,
        Instant arrivedAt,
        Instant triagedAt,
        Instant seenAt,
        Instant departedAt,
        String disposition,
        Instant identifiedAt,
        List<TriageRecord> triageHistory,
        long version)
        implements PatientData {

    /** What was known of an unidentified patient at arrival. */
    public record UnidentifiedPatient(String sex, Integer estimatedAgeYears) {}

    /**
     * The triage level in force.
     *
     * @param level the final level (the override when there is one)
     * @param reason the ESI decision point that gave the computed level
     * @param computedLevel what the ESI decision points give
     */
    public record Esi(int level, String reason, int computedLevel, boolean overridden, String overrideReason) {}

    /** One triage of the visit. */
    public record TriageRecord(
            int computedLevel, int level, String reason, String overrideReason, String triagedBy, Instant triagedAt) {}

    @Override
    public List<UUID> patientIds() {
        return patientId == null ? List.of() : List.of(patientId);
    }

    static EdVisitResponse of(EdVisit v, List<TriageAssessment> history) {
        return new EdVisitResponse(
                v.id,
                v.patientId,
                v.temporaryIdentity,
                v.unidentifiedSex == null && v.unidentifiedAgeYears == null
                        ? null
                        : new UnidentifiedPatient(v.unidentifiedSex, v.unidentifiedAgeYears),
                v.chiefComplaint,
                v.status.name().toLowerCase(),
                v.esiLevel == null
                        ? null
                        : new Esi(v.esiLevel, v.esiReason, v.esiComputed, v.esiOverrideReason != null,
                                v.esiOverrideReason),
                v.arrivedAt,
                v.triagedAt,
                v.seenAt,
                v.departedAt,
                v.disposition,
                v.identifiedAt,
                history.stream()
                        .map(t -> new TriageRecord(t.computedLevel, t.level, t.reason, t.overrideReason, t.triagedBy,
                                t.triagedAt))
                        .toList(),
                v.version);
    }
}
