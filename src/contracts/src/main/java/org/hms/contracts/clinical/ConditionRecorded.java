package org.hms.contracts.clinical;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A problem or diagnosis was recorded on a patient's problem list. The ICD-10 code only; the
 * clinician's wording stays in clinical.
 *
 * @param code ICD-10 code, e.g. J18.9
 * @param clinicalStatus FHIR condition clinical status: active, recurrence, relapse, inactive, remission, resolved
 * @param onset when it began, if known
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConditionRecorded(
        UUID conditionId,
        UUID patientId,
        String code,
        String clinicalStatus,
        LocalDate onset,
        Instant recordedAt)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.clinical.ConditionRecorded", 1, Topics.CLINICAL, ConditionRecorded.class);

    /** Keyed by patient: one patient's clinical events stay in order. */
    @Override
    public String subject() {
        return patientId.toString();
    }
}
