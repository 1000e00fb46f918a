package org.hms.clinical.condition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hms.platform.audit.PatientData;

/** The bodies of the problem list. */
public final class ConditionDtos {

    /** An ICD-10 code: a letter, two characters, optionally a dot and up to four more. */
    public static final String ICD10 = "[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?";

    private ConditionDtos() {}

    public record NewCondition(
            @NotNull UUID patientId,
            UUID encounterId,
            @NotNull @Pattern(regexp = ICD10, message = "must be an ICD-10 code such as J44.1")
                    @Schema(description = "ICD-10 code", example = "J44.1") String code,
            @NotBlank @Size(max = 300) @Schema(example = "COPD with acute exacerbation") String display,
            @PastOrPresent LocalDate onset,
            @NotNull @Pattern(regexp = "active|recurrence|relapse|inactive|remission|resolved",
                            message = "must be a FHIR clinical status")
                    @Schema(enumeration = {"active", "recurrence", "relapse", "inactive", "remission", "resolved"})
                    String clinicalStatus) {}

    public record ConditionResponse(
            UUID id,
            UUID patientId,
            UUID encounterId,
            @Schema(description = "ICD-10 code") String code,
            String display,
            LocalDate onset,
            String clinicalStatus,
            String recordedBy,
            Instant recordedAt)
            implements PatientData {

        static ConditionResponse of(Condition c) {
            return new ConditionResponse(c.id, c.patientId, c.encounterId, c.code, c.display, c.onset,
                    c.clinicalStatus, c.recordedBy, c.recordedAt);
        }

        @Override
        public List<UUID> patientIds() {
            return List.of(patientId);
        }
    }
}
