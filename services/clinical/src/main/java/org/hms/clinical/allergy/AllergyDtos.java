package org.hms.clinical.allergy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hms.platform.audit.PatientData;

/** The bodies of allergies and intolerances. */
public final class AllergyDtos {

    private AllergyDtos() {}

    /** A coded substance: RxNorm or ATC for drugs, SNOMED CT or UNII otherwise. */
    public record Substance(
            @NotNull @Pattern(regexp = "rxnorm|atc|snomed|unii", message = "must be rxnorm, atc, snomed or unii")
                    @Schema(enumeration = {"rxnorm", "atc", "snomed", "unii"}, example = "rxnorm") String system,
            @NotNull @Pattern(regexp = "[A-Za-z0-9.-]{1,40}", message = "must be a code of the system")
                    @Schema(example = "7980") String code,
            @NotBlank @Size(max = 200) @Schema(example = "penicillin G") String display) {}

    public record NewAllergy(
            @NotNull UUID patientId,
            @NotNull @Valid Substance substance,
            @NotNull @Pattern(regexp = "allergy|intolerance", message = "must be allergy or intolerance")
                    @Schema(enumeration = {"allergy", "intolerance"}) String category,
            @Size(max = 500) @Schema(example = "urticaria and wheeze") String reaction,
            @Pattern(regexp = "mild|moderate|severe", message = "must be mild, moderate or severe")
                    @Schema(enumeration = {"mild", "moderate", "severe"}) String severity,
            @NotNull @Pattern(regexp = "low|high|unable-to-assess", message = "must be low, high or unable-to-assess")
                    @Schema(enumeration = {"low", "high", "unable-to-assess"}) String criticality) {}

    public record AllergyResponse(
            UUID id,
            UUID patientId,
            Substance substance,
            String category,
            String reaction,
            String severity,
            String criticality,
            String recordedBy,
            Instant recordedAt)
            implements PatientData {

        static AllergyResponse of(Allergy a) {
            return new AllergyResponse(a.id, a.patientId, new Substance(a.substanceSystem, a.substanceCode,
                    a.substanceDisplay), a.category, a.reaction, a.severity, a.criticality, a.recordedBy, a.recordedAt);
        }

        @Override
        public List<UUID> patientIds() {
            return List.of(patientId);
        }
    }
}
