package org.hms.identity.patient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * What identity reads of the patients service's answer: its own small record of the fields it
 * needs (not a type of src/contracts, not the patients module's class), so either side may add
 * fields. For a merged record (301) {@code mergedInto} names the survivor.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PatientRecord(UUID id, String mrn, String status, UUID mergedInto) {}
