package org.hms.patients.patient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of a registration or an update: what the registration desk records about a
 * patient. The API's own type: the event payload (src/contracts PatientDetails) is a separate
 * record, filled by {@link PatientMapper}, so the API and the events change independently.
 * The nested records are the API's too, with the names and JSON clients already use.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientDemographics(
        @NotNull @Valid HumanName name,
        @NotNull @PastOrPresent LocalDate birthDate,
        @NotNull Gender gender,
        @Size(max = 10) List<@NotNull @Valid Identifier> identifiers,
        @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
        @Email @Size(max = 200) @Schema(format = "email") String email,
        @Valid Address address,
        @Valid ContactPerson emergencyContact,
        @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?", message = "must be a language tag such as pl or en-GB")
                String preferredLanguage) {

    /** Digits with optional leading +, spaces, dashes and brackets: what people write on forms. */
    public static final String PHONE = "\\+?[0-9][0-9 ()-]{4,24}";

    public PatientDemographics {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** A person's name as FHIR writes it: family name and given names in order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HumanName(
            @NotBlank @Size(max = 100) String family,
            @Size(max = 5) List<@NotBlank @Size(max = 100) String> given) {

        public HumanName {
            given = given == null ? List.of() : List.copyOf(given);
        }
    }

    /** FHIR R4 administrative gender, written in lower case. */
    public enum Gender {
        MALE,
        FEMALE,
        OTHER,
        UNKNOWN;

        @JsonValue
        public String code() {
            return name().toLowerCase();
        }
    }

    /** A business identifier of a patient within a naming system ("national-id", "passport", ...). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Identifier(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9:._/-]*",
                    message = "must be a lower-case system name") String system,
            @NotBlank @Size(max = 64) String value) {}

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

    /** Whom to call in an emergency. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactPerson(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 50) String relationship,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone) {}
}
