package org.hms.contracts.clinical;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * An allergy or intolerance was recorded. Pharmacy checks prescriptions against the substance.
 *
 * @param substanceSystem the code system: rxnorm, atc, snomed or unii
 * @param substanceCode the substance's code in that system
 * @param category allergy or intolerance
 * @param criticality low, high or unable-to-assess (FHIR AllergyIntolerance)
 * @param severity of the reaction seen: mild, moderate, severe, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AllergyRecorded(
        UUID allergyId,
        UUID patientId,
        String substanceSystem,
        String substanceCode,
        String category,
        String criticality,
        String severity,
        Instant recordedAt)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.clinical.AllergyRecorded", 1, Topics.CLINICAL, AllergyRecorded.class);

    /** Keyed by patient: one patient's clinical events stay in order. */
    @Override
    public String subject() {
        return patientId.toString();
    }
}
