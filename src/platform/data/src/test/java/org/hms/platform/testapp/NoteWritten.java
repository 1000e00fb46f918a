package org.hms.platform.testapp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;

/** The test application's event: a note was written (created or rewritten). Keyed by the note. */
public record NoteWritten(UUID noteId, UUID patientId, long version, String text) implements DomainEvent {

    public static final String TOPIC = "hms.platform-test";

    public static final EventContract CONTRACT =
            new EventContract("org.hms.platform-test.NoteWritten", 1, TOPIC, NoteWritten.class);

    @Override
    @JsonIgnore
    public EventContract contract() {
        return CONTRACT;
    }

    @Override
    @JsonIgnore
    public String subject() {
        return noteId.toString();
    }
}
