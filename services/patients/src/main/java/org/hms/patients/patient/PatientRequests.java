package org.hms.patients.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hms.platform.audit.PatientData;

/** The smaller request and response bodies of the patients API. */
public final class PatientRequests {

    private PatientRequests() {}

    /** Body of a merge: the record that absorbs the one addressed in the path. */
    public record MergeRequest(@NotNull UUID survivorId) {}

    /** Body of an erasure: why (the legal basis or the request reference). */
    public record ErasureRequest(@NotBlank @Size(max = 500) String reason) {}

    /** A record that may be the same person as the one being registered. */
    public record DuplicateCandidate(UUID id, String mrn, String name, LocalDate birthDate, String matchedOn) {}

    /** What an erased record still says: that it existed and when it was erased. */
    public record ErasedPatient(UUID id, String mrn, String status, Instant erasedAt, long version)
            implements PatientData {
        @Override
        public List<UUID> patientIds() {
            return List.of(id);
        }
    }

    /** A retired duplicate, pointing at the record that absorbed it. */
    public record MergedPointer(UUID id, String status, UUID mergedInto) {}

    /** Everything held about a patient (GDPR art. 15 / HIPAA right of access). */
    public record PatientExport(
            Instant exportedAt,
            PatientResponse patient,
            String status,
            Instant createdAt,
            Instant updatedAt,
            List<MergedRecord> mergedRecords)
            implements PatientData {
        @Override
        public List<UUID> patientIds() {
            return List.of(patient.id());
        }
    }

    /** A duplicate that was merged into the exported patient. */
    public record MergedRecord(UUID id, String mrn, Instant mergedAt) {}
}
