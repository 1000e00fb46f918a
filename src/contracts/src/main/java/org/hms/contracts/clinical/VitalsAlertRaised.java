package org.hms.contracts.clinical;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A set of vitals scored NEWS2 7 or more, or 3 in a single parameter: the patient needs an urgent
 * clinical review. Emergency turns it into an alert on its board and stream.
 *
 * @param vitalsId the recorded set of vitals
 * @param encounterId the encounter the set was taken in, or null
 * @param ward where the patient is (the encounter's ward), or null when not admitted
 * @param bed the bed within the ward, or null
 * @param score the NEWS2 aggregate, 0–20
 * @param risk {@code low}, {@code low-medium}, {@code medium} or {@code high}
 * @param parameters each parameter's NEWS2 score, by the request's field names
 * @param drivers the parameters that drove the alert: those scoring 3, or every scoring one when
 *     the aggregate is 7 or more
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VitalsAlertRaised(
        UUID vitalsId,
        UUID patientId,
        UUID encounterId,
        String ward,
        String bed,
        Instant takenAt,
        int score,
        String risk,
        Map<String, Integer> parameters,
        List<String> drivers,
        Instant raisedAt)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.clinical.VitalsAlertRaised", 1, Topics.CLINICAL, VitalsAlertRaised.class);

    /** Keyed by patient: one patient's alerts stay in order. */
    @Override
    public String subject() {
        return patientId.toString();
    }
}
