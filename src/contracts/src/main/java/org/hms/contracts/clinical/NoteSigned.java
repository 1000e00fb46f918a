package org.hms.contracts.clinical;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A clinical note was signed and is final from now on. The note's text stays in clinical.
 *
 * @param kind progress (a physician's) or nursing
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoteSigned(
        UUID noteId,
        UUID patientId,
        UUID encounterId,
        String kind,
        String signedBy,
        Instant signedAt)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.clinical.NoteSigned", 1, Topics.CLINICAL, NoteSigned.class);

    /** Keyed by patient: one patient's clinical events stay in order. */
    @Override
    public String subject() {
        return patientId.toString();
    }
}
