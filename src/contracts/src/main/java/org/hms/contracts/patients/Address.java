package org.hms.contracts.patients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A postal address; {@code country} is an ISO 3166-1 alpha-2 code. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Address(
        @Size(max = 4) List<@Size(max = 200) String> line,
        @Size(max = 100) String city,
        @Size(max = 20) String postalCode,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String country) {

    public Address {
        line = line == null ? List.of() : List.copyOf(line);
    }
}
