package org.hms.clinical.encounter;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.hms.platform.problem.ProblemException;

/**
 * Where a patient is for a new record: the encounter it belongs to (the one named, else the
 * current one, an admission before a visit) and the ward and bed of a current admission.
 *
 * @param wardName the ward's name (as alerts show it), or null when not admitted
 */
public record Location(UUID patientId, UUID encounterId, String ward, String wardName, String bed) {

    /** One query: the patient's in-progress encounters (and the named one), with the ward's name. */
    public static Uni<Location> of(EncounterRepository encounters, UUID patientId, UUID encounterId) {
        return encounters.whereabouts(patientId, encounterId).map(rows -> of(patientId, encounterId, rows));
    }

    private static Location of(UUID patientId, UUID named, List<Object[]> rows) {
        // rows: id, class, status, ward code, ward name, bed; admissions first, then newest first
        Object[] admission = rows.stream()
                .filter(r -> "INPATIENT".equals(r[1]) && "IN_PROGRESS".equals(r[2]))
                .findFirst()
                .orElse(null);
        UUID encounter = named;
        if (named != null && rows.stream().noneMatch(r -> named.equals(r[0]))) {
            throw ProblemException.badRequest("encounterId", "is not an encounter of this patient");
        }
        if (named == null) {
            encounter = rows.stream().filter(r -> "IN_PROGRESS".equals(r[2])).map(r -> (UUID) r[0]).findFirst()
                    .orElse(null);
        }
        return admission == null
                ? new Location(patientId, encounter, null, null, null)
                : new Location(patientId, encounter, (String) admission[3], (String) admission[4], (String) admission[5]);
    }
}
