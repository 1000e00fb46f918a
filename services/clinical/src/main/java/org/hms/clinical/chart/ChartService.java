package org.hms.clinical.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.hms.clinical.allergy.AllergyService;
import org.hms.clinical.chart.ChartResponse.CurrentEncounter;
import org.hms.clinical.condition.ConditionService;
import org.hms.clinical.chart.ChartResponse.Demographics;
import org.hms.clinical.encounter.EncounterRepository;
import org.hms.clinical.patient.ClinicalPatients;
import org.hms.clinical.vitals.VitalsService;
import org.hms.platform.patientview.PatientFact;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;

/**
 * The chart: one Redis read when cached; otherwise assembled from the patient view and this
 * service's records in one session, and cached under the chart's version (read before the
 * records, so a change committing meanwhile can never be hidden by an older copy).
 */
@ApplicationScoped
public class ChartService {

    private final ChartCache cache;
    private final ChartVersions versions;
    private final ClinicalPatients patients;
    private final EncounterRepository encounters;
    private final VitalsService vitals;
    private final ConditionService conditions;
    private final AllergyService allergies;
    private final ObjectMapper json;

    public ChartService(ChartCache cache, ChartVersions versions, ClinicalPatients patients,
            EncounterRepository encounters, VitalsService vitals, ConditionService conditions,
            AllergyService allergies, ObjectMapper json) {
        this.conditions = conditions;
        this.allergies = allergies;
        this.cache = cache;
        this.versions = versions;
        this.patients = patients;
        this.encounters = encounters;
        this.vitals = vitals;
        this.json = json;
    }

    /** The chart's JSON. */
    @WithSpan
    public Uni<String> chart(UUID patientId) {
        return cache.get(patientId).chain(cached -> cached != null
                ? Uni.createFrom().item(cached.json())
                : assemble(patientId).call(c -> cache.put(patientId, c.version(), c.json())).map(Assembled::json));
    }

    private record Assembled(long version, String json) {}

    private Uni<Assembled> assemble(UUID patientId) {
        return Panache.withSession(() -> patients.find(patientId).chain(fact -> {
            requireNotErased(fact);
            UUID id = fact.patientId();
            // one session, so one statement after another
            return versions.current(id).chain(version -> conditions.activeOfPatient(id)
                    .chain(problems -> allergies.listOf(id).chain(allergyList -> vitals.latest(id)
                            .chain(latest -> vitals.documentedScale(id).chain(scale -> encounters.inProgress(id)
                                    .map(current -> new ChartResponse(demographics(fact), problems, allergyList,
                                            current.isEmpty() ? null : currentEncounter(current.get(0)), latest,
                                            scale == null ? 1 : scale.scale(), version))))))
                    .chain(this::withWardName)
                    .map(chart -> new Assembled(version, write(chart))));
        }));
    }

    private Uni<ChartResponse> withWardName(ChartResponse chart) {
        CurrentEncounter e = chart.currentEncounter();
        if (e == null || e.ward() == null) {
            return Uni.createFrom().item(chart);
        }
        return encounters.ward(e.ward()).map(ward -> new ChartResponse(chart.patient(), chart.activeProblems(),
                chart.allergies(), new CurrentEncounter(e.id(), e.encounterClass(), e.ward(), ward == null ? null : ward.name, e.bed(),
                        e.startedAt()),
                chart.latestVitals(), chart.spo2Scale(), chart.version()));
    }

    private static CurrentEncounter currentEncounter(org.hms.clinical.encounter.Encounter e) {
        return new CurrentEncounter(e.id, e.encounterClass.code(), e.ward, null, e.bed, e.startedAt);
    }

    private static Demographics demographics(PatientFact fact) {
        return new Demographics(fact.patientId(), fact.mrn(), fact.displayName(), fact.birthDate(), fact.gender());
    }

    private static void requireNotErased(PatientFact fact) {
        if (fact.status() == PatientFact.Status.ERASED) {
            throw new ProblemException(Problem.of("patient-erased", "Gone", 410,
                    "the personal data of patient " + fact.patientId() + " was erased"));
        }
    }

    private String write(ChartResponse chart) {
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
