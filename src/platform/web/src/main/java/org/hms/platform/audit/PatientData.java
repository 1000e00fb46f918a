package org.hms.platform.audit;

import java.util.List;
import java.util.UUID;

/** A response body that holds patient data says whose, so the audit trail can name them. */
public interface PatientData {

    List<UUID> patientIds();
}
