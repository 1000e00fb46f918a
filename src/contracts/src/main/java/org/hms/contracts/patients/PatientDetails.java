package org.hms.contracts.patients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the registration desk records about a patient: the body of a registration or
 * an update, and the demographics carried by patient events.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientDetails(
        @NotNull @Valid HumanName name,
        @NotNull @PastOrPresent LocalDate birthDate,
        @NotNull Gender gender,
        @Size(max = 10) List<@NotNull @Valid Identifier> identifiers,
        @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
        @Email @Size(max = 200) String email,
        @Valid Address address,
        @Valid ContactPerson emergencyContact,
        @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?", message = "must be a language tag such as pl or en-GB")
                String preferredLanguage) {

    /** Digits with optional leading +, spaces, dashes and brackets: what people write on forms. */
    public static final String PHONE = "\\+?[0-9][0-9 ()-]{4,24}";

    public PatientDetails {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }
}
