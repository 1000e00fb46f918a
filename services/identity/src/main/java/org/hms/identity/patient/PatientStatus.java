package org.hms.identity.patient;

import java.util.UUID;

/** What the patients service says, right now, about a patient id. */
public sealed interface PatientStatus {

    /** The patient exists and is active. */
    record Active(UUID patientId, String mrn) implements PatientStatus {}

    /** The id was a duplicate retired into {@code survivorId}. */
    record Merged(UUID patientId, UUID survivorId) implements PatientStatus {}

    /** The patient's personal data was erased. */
    record Erased(UUID patientId) implements PatientStatus {}

    /** No patient has this id. */
    record Unknown(UUID patientId) implements PatientStatus {}

    /** The patients service could not be asked (the fallback); try again after {@code retryAfterSeconds}. */
    record Unavailable(UUID patientId, long retryAfterSeconds) implements PatientStatus {}
}
