package org.hms.scheduling.appointment;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;

/**
 * Where an appointment is in its life. Booked and checked-in appointments hold their time (the
 * exclusion constraints count only them); the others are history.
 */
public enum AppointmentStatus {
    BOOKED("booked"),
    CHECKED_IN("checked-in"),
    COMPLETED("completed"),
    CANCELLED("cancelled"),
    NO_SHOW("no-show");

    /** The statuses that hold the practitioner's and the patient's time. */
    public static final Set<AppointmentStatus> ACTIVE = Set.of(BOOKED, CHECKED_IN);

    private final String code;

    AppointmentStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
