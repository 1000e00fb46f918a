package org.hms.clinical.chart;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hms.clinical.allergy.AllergyDtos.AllergyResponse;
import org.hms.clinical.condition.ConditionDtos.ConditionResponse;
import org.hms.clinical.vitals.VitalsResponse;
import org.hms.platform.audit.PatientData;

/**
 * A patient's chart at a glance: who (from the patient view), where (the current encounter),
 * how they are (the latest vitals and NEWS2), and what a clinician must know before acting.
 */
public record ChartResponse(
        Demographics patient,
        @Schema(description = "Active problems (clinical status active, recurrence or relapse), newest first")
                List<ConditionResponse> activeProblems,
        @Schema(description = "Allergies and intolerances, newest first") List<AllergyResponse> allergies,
        CurrentEncounter currentEncounter,
        VitalsResponse latestVitals,
        @Schema(description = "The SpO2 scale vitals are scored on (2: documented hypercapnic target)") int spo2Scale,
        @Schema(description = "The chart's version; it changes with every record that alters it") long version)
        implements PatientData {

    /** As the patient view holds them; an erased patient has no chart. */
    public record Demographics(UUID id, String mrn, String name, LocalDate birthDate, String gender) {}

    /** The encounter in progress (an admission before a visit), with the ward and bed when admitted. */
    public record CurrentEncounter(
            UUID id,
            @Schema(enumeration = {"outpatient", "inpatient"}) String encounterClass,
            String ward,
            String wardName,
            String bed,
            Instant startedAt) {}

    @Override
    public List<UUID> patientIds() {
        return List.of(patient.id());
    }
}
