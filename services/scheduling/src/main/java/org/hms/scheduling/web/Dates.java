package org.hms.scheduling.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.hms.platform.problem.ProblemException;

/** ISO dates from query parameters, a 400 naming the parameter when unreadable. */
public final class Dates {

    private Dates() {}

    /** The date, or null when unreadable (the caller names the field, with the others). */
    public static LocalDate tryParse(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static final String MESSAGE = "must be an ISO date such as 2026-12-01";

    public static LocalDate parse(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO date such as 2026-12-01");
        }
    }
}
