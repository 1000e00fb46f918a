package org.hms.clinical.note;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hms.platform.audit.PatientData;

/** The bodies of clinical notes. */
public final class NoteDtos {

    private NoteDtos() {}

    /** The SOAP sections; a note needs at least one. */
    public record Soap(
            @Size(max = 20_000) String subjective,
            @Size(max = 20_000) String objective,
            @Size(max = 20_000) String assessment,
            @Size(max = 20_000) String plan) {

        boolean isEmpty() {
            return blank(subjective) && blank(objective) && blank(assessment) && blank(plan);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    public record NewNote(
            @NotNull UUID patientId,
            UUID encounterId,
            @NotNull @Pattern(regexp = "progress|nursing", message = "must be progress or nursing")
                    @Schema(enumeration = {"progress", "nursing"}, description = "progress: a physician's;"
                            + " nursing: a nurse's or a physician's") String kind,
            @NotNull @Valid Soap soap) {}

    public record NoteResponse(
            UUID id,
            UUID patientId,
            UUID encounterId,
            @Schema(enumeration = {"progress", "nursing"}) String kind,
            @Schema(description = "For an amendment: the note it corrects") UUID amends,
            Soap soap,
            String author,
            @Schema(enumeration = {"draft", "signed"}) String status,
            Instant createdAt,
            Instant signedAt,
            long version,
            @Schema(description = "Amendments of this note, oldest first (the history of corrections)")
                    List<NoteResponse> amendments)
            implements PatientData {

        static NoteResponse of(Note n, List<NoteResponse> amendments) {
            return new NoteResponse(n.id, n.patientId, n.encounterId, n.kind, n.amends,
                    new Soap(n.subjective, n.objective, n.assessment, n.plan), n.author, n.status, n.createdAt,
                    n.signedAt, n.version, amendments);
        }

        static NoteResponse of(Note n) {
            return of(n, List.of());
        }

        @Override
        public List<UUID> patientIds() {
            return List.of(patientId);
        }
    }
}
