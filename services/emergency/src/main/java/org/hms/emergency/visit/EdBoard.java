package org.hms.emergency.visit;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hms.platform.audit.PatientData;

/**
 * The ED board: everyone in the department, untriaged first (they have not been assessed yet, so
 * any of them may be the sickest), then by ESI level (1 first), then longest waiting first.
 */
public record EdBoard(Instant asOf, int count, List<Entry> patients) implements PatientData {

    /**
     * One patient on the board.
     *
     * @param esiLevel null until triaged
     * @param waitingSeconds since arrival
     * @param timeToTriageSeconds arrival to first triage, null until triaged
     * @param timeToClinicianSeconds arrival to being seen by a clinician, null until seen
     */
    public record Entry(
            UUID visitId,
            UUID patientId,
            String temporaryIdentity,
            String chiefComplaint,
            Integer esiLevel,
            String status,
            Instant arrivedAt,
            long waitingSeconds,
            Long timeToTriageSeconds,
            Long timeToClinicianSeconds) {}

    /** Untriaged first, then ESI 1 to 5, then earliest arrival first. */
    static final Comparator<EdVisit> ORDER = Comparator.<EdVisit, Integer>comparing(
                    v -> v.esiLevel == null ? 0 : v.esiLevel)
            .thenComparing(v -> v.arrivedAt);

    static EdBoard of(List<EdVisit> visits, Instant now) {
        List<Entry> entries = visits.stream()
                .sorted(ORDER)
                .map(v -> new Entry(v.id, v.patientId, v.temporaryIdentity, v.chiefComplaint, v.esiLevel,
                        v.status.name().toLowerCase(), v.arrivedAt, seconds(v.arrivedAt, now),
                        v.triagedAt == null ? null : seconds(v.arrivedAt, v.triagedAt),
                        v.seenAt == null ? null : seconds(v.arrivedAt, v.seenAt)))
                .toList();
        return new EdBoard(now, entries.size(), entries);
    }

    @Override
    public List<UUID> patientIds() {
        return patients.stream().map(Entry::patientId).filter(Objects::nonNull).distinct().toList();
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
