package org.hms.contracts.patients;

import com.fasterxml.jackson.annotation.JsonValue;

/** FHIR R4 administrative gender. */
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
