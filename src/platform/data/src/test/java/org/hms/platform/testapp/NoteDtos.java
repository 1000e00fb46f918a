package org.hms.platform.testapp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hms.platform.audit.PatientData;

/** Request and response bodies of the test notes resource. */
public final class NoteDtos {

    private NoteDtos() {}

    /**
     * A note to write. {@code failAfterInsert} makes the service fail once the row and its
     * event are written, to show that both roll back together.
     */
    public record NoteRequest(
            @NotNull UUID patientId,
            @NotNull @Valid Name name,
            @NotNull @Past LocalDate birthDate,
            List<@NotNull @Valid Identifier> identifiers,
            @NotBlank @Size(max = 500) String text,
            boolean failAfterInsert,
            Urgency urgency) {}

    /** How soon a note should be read (optional): an enum with JSON names of its own. */
    public enum Urgency {
        ROUTINE,
        URGENT;

        @JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Name(@NotBlank String family, List<@NotBlank String> given) {}

    public record Identifier(@NotBlank String system, @NotBlank String value) {}

    public record NoteUpdate(@NotBlank @Size(max = 500) String text) {}

    public record NoteView(UUID id, UUID patientId, String family, LocalDate birthDate, String text, long version)
            implements PatientData {

        static NoteView of(TestNote note) {
            return new NoteView(note.id, note.patientId, note.family, note.birthDate, note.text, note.version);
        }

        @Override
        @JsonIgnore
        public List<UUID> patientIds() {
            return List.of(patientId);
        }
    }
}
