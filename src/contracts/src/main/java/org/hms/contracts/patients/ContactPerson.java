package org.hms.contracts.patients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Whom to call in an emergency. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactPerson(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 50) String relationship,
        @Pattern(regexp = PatientDetails.PHONE, message = "must be a phone number") String phone) {}
