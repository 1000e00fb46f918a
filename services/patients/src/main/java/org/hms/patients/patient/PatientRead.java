package org.hms.patients.patient;

import java.util.UUID;
import org.hms.patients.patient.PatientRequests.ErasedPatient;

/** What reading a patient id can find. */
public sealed interface PatientRead {

    /** The current record, as the JSON clients get, and its version for the ETag. */
    record Current(String json, long version) implements PatientRead {}

    /** The id was a duplicate, retired into another record. */
    record Merged(UUID id, UUID survivorId) implements PatientRead {}

    /** The patient's data was erased; only the fact remains. */
    record Erased(ErasedPatient patient) implements PatientRead {}
}
