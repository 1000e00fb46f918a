package org.hms.platform.patientview;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a service knows locally about one patient, as of the last {@code hms.patients} event it
 * applied. Merged and erased patients keep their id (and MRN) but no personal data.
 *
 * @param patientId the record looked at: for a lookup of a retired id, the survivor
 * @param displayName given names then family name, for display; null unless active
 * @param gender FHIR administrative gender code (male, female, other, unknown)
 * @param mergedInto for status {@code MERGED}: the record it was retired into
 * @param version the patient's version in the patients service
 */
public record PatientFact(
        UUID patientId,
        String mrn,
        String displayName,
        LocalDate birthDate,
        String gender,
        Status status,
        UUID mergedInto,
        long version) {

    public enum Status {
        ACTIVE,
        MERGED,
        ERASED
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }
}
