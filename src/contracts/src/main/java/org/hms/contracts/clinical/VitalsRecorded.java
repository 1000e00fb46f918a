package org.hms.contracts.clinical;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A complete set of vital signs was recorded and scored NEWS2. Carries the observations (ED
 * triage reads the danger-zone vitals from it) but nothing that names the patient.
 *
 * @param spo2Scale 1, or 2 for a documented hypercapnic target
 * @param consciousness ACVPU: A, C (new confusion), V, P or U
 * @param news2 the NEWS2 aggregate, 0-20
 * @param risk {@code low}, {@code low-medium}, {@code medium} or {@code high}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VitalsRecorded(
        UUID vitalsId,
        UUID patientId,
        UUID encounterId,
        Instant takenAt,
        int respiratoryRate,
        int spo2,
        int spo2Scale,
        boolean supplementalOxygen,
        int systolicBp,
        int pulse,
        String consciousness,
        BigDecimal temperature,
        int news2,
        String risk)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.clinical.VitalsRecorded", 1, Topics.CLINICAL, VitalsRecorded.class);

    /** Keyed by patient: one patient's clinical events stay in order. */
    @Override
    public String subject() {
        return patientId.toString();
    }
}
