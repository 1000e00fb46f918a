package org.hms.contracts.patients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A person's name as FHIR writes it: family name and given names in order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HumanName(
        @NotBlank @Size(max = 100) String family,
        @Size(max = 5) List<@NotBlank @Size(max = 100) String> given) {

    public HumanName {
        given = given == null ? List.of() : List.copyOf(given);
    }

    /** "Zofia Maria Kowalska": given names first, as people say them. */
    public String text() {
        return given.isEmpty() ? family : String.join(" ", given) + " " + family;
    }
}
