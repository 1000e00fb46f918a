package org.hms.contracts.patients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A business identifier of a patient within a naming system ("national-id", "passport", ...). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Identifier(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9:._/-]*", message = "must be a lower-case system name")
                String system,
        @NotBlank @Size(max = 64) String value) {}
