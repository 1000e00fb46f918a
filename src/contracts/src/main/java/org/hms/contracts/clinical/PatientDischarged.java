package org.hms.contracts.clinical;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * An encounter ended: an inpatient left the bed (to be cleaned), or an outpatient visit was
 * closed. The discharge summary stays in clinical (it is not in the event).
 *
 * @param ward the ward left, or null for an outpatient visit
 * @param bed the bed left, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientDischarged(
        UUID encounterId,
        UUID patientId,
        String ward,
        String bed,
        Instant dischargedAt,
        long version)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.clinical.PatientDischarged", 1, Topics.CLINICAL, PatientDischarged.class);

    /** Keyed by patient: one patient's clinical events stay in order. */
    @Override
    public String subject() {
        return patientId.toString();
    }
}
