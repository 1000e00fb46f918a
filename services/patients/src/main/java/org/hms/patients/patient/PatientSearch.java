package org.hms.patients.patient;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.LocalDate;

/**
 * What the desk or the ward searches by; every field is optional and they combine with AND.
 *
 * @param name part of a name: prefix of any name, or a misspelling close enough (trigrams);
 *     case and accents do not matter
 * @param identifier {@code system|value} (FHIR token style), or a bare value matching any
 *     system or the MRN
 * @param phone any formatting; the last nine digits are compared
 */
public record PatientSearch(String name, LocalDate birthDate, String identifier, String phone, int page, int size) {

    /** The system of {@code system|value}, or null for a bare value. */
    String identifierSystem() {
        int bar = identifier.indexOf('|');
        return bar <= 0 ? null : identifier.substring(0, bar);
    }

    static String jsonString(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    String identifierValue() {
        int bar = identifier.indexOf('|');
        return bar < 0 ? identifier : identifier.substring(bar + 1);
    }

    String phoneDigits() {
        return phone.replaceAll("[^0-9]", "");
    }

    /** The name with LIKE's wildcards escaped, so "50%" searches for "50%". */
    String nameForLike() {
        return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
