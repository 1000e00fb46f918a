package org.hms.clinical.allergy;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hms.clinical.allergy.AllergyDtos.AllergyResponse;
import org.hms.clinical.allergy.AllergyDtos.NewAllergy;
import org.hms.clinical.chart.ChartCache;
import org.hms.clinical.chart.ChartVersions;
import org.hms.clinical.patient.ClinicalPatients;
import org.hms.contracts.clinical.AllergyRecorded;
import org.hms.platform.audit.Audit;
import org.hms.platform.audit.AuditEntry;
import org.hms.platform.events.Outbox;

/** Allergies and intolerances: recorded with their event (pharmacy checks prescriptions against them). */
@ApplicationScoped
public class AllergyService {

    private final ClinicalPatients patients;
    private final ChartVersions charts;
    private final ChartCache chartCache;
    private final Outbox outbox;
    private final Audit audit;

    public AllergyService(ClinicalPatients patients, ChartVersions charts, ChartCache chartCache, Outbox outbox,
            Audit audit) {
        this.patients = patients;
        this.charts = charts;
        this.chartCache = chartCache;
        this.outbox = outbox;
        this.audit = audit;
    }

    private record Recorded(Allergy allergy, long chartVersion) {}

    @WithSpan
    public Uni<AllergyResponse> record(NewAllergy request, String recordedBy) {
        return recordInTransaction(request, recordedBy)
                .call(r -> chartCache.changed(r.allergy().patientId, r.chartVersion()))
                .map(r -> AllergyResponse.of(r.allergy()));
    }

    @WithTransaction
    Uni<Recorded> recordInTransaction(NewAllergy request, String recordedBy) {
        return patients.requireActive(request.patientId(), "patientId")
                .map(patient -> {
                    Allergy a = new Allergy();
                    a.id = UUID.randomUUID();
                    a.patientId = patient.patientId();
                    a.substanceSystem = request.substance().system();
                    a.substanceCode = request.substance().code();
                    a.substanceDisplay = request.substance().display();
                    a.category = request.category();
                    a.reaction = request.reaction();
                    a.severity = request.severity();
                    a.criticality = request.criticality();
                    a.recordedBy = recordedBy;
                    a.recordedAt = Instant.now();
                    return a;
                })
                .call(a -> Panache.getSession().chain(s -> s.persist(a)))
                .call(a -> outbox.add(new AllergyRecorded(a.id, a.patientId, a.substanceSystem, a.substanceCode,
                        a.category, a.criticality, a.severity, a.recordedAt)))
                .call(a -> audit.record(AuditEntry.patient("record-allergy", a.patientId, 201)))
                .chain(a -> charts.raise(a.patientId).map(v -> new Recorded(a, v)));
    }

    @WithSpan
    @WithSession
    public Uni<List<AllergyResponse>> ofPatient(UUID patientId) {
        return listOf(patientId);
    }

    /** Every allergy of the patient, newest first (inside the caller's session). */
    public Uni<List<AllergyResponse>> listOf(UUID patientId) {
        return Panache.getSession()
                .chain(s -> s.createNamedQuery("Allergy.ofPatient", Allergy.class)
                        .setParameter(1, patientId)
                        .getResultList())
                .map(found -> found.stream().map(AllergyResponse::of).toList());
    }
}
