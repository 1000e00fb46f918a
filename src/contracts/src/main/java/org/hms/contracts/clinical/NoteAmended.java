package org.hms.contracts.clinical;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A signed note was corrected by an amendment (itself a signed note); the original is kept.
 *
 * @param noteId the amendment
 * @param amendedNoteId the note it corrects
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoteAmended(
        UUID noteId,
        UUID amendedNoteId,
        UUID patientId,
        String signedBy,
        Instant signedAt)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.clinical.NoteAmended", 1, Topics.CLINICAL, NoteAmended.class);

    /** Keyed by patient: one patient's clinical events stay in order. */
    @Override
    public String subject() {
        return patientId.toString();
    }
}
