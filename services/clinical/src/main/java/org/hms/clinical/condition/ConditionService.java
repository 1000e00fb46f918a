package org.hms.clinical.condition;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hms.clinical.chart.ChartCache;
import org.hms.clinical.chart.ChartVersions;
import org.hms.clinical.condition.ConditionDtos.ConditionResponse;
import org.hms.clinical.condition.ConditionDtos.NewCondition;
import org.hms.clinical.encounter.EncounterRepository;
import org.hms.clinical.encounter.Location;
import org.hms.clinical.patient.ClinicalPatients;
import org.hms.contracts.clinical.ConditionRecorded;
import org.hms.platform.audit.Audit;
import org.hms.platform.audit.AuditEntry;
import org.hms.platform.events.Outbox;

/** The problem list: recording conditions, with their event and the chart's new version. */
@ApplicationScoped
public class ConditionService {

    private final ClinicalPatients patients;
    private final EncounterRepository encounters;
    private final ChartVersions charts;
    private final ChartCache chartCache;
    private final Outbox outbox;
    private final Audit audit;

    public ConditionService(ClinicalPatients patients, EncounterRepository encounters, ChartVersions charts,
            ChartCache chartCache, Outbox outbox, Audit audit) {
        this.patients = patients;
        this.encounters = encounters;
        this.charts = charts;
        this.chartCache = chartCache;
        this.outbox = outbox;
        this.audit = audit;
    }

    private record Recorded(Condition condition, long chartVersion) {}

    @WithSpan
    public Uni<ConditionResponse> record(NewCondition request, String recordedBy) {
        return recordInTransaction(request, recordedBy)
                .call(r -> chartCache.changed(r.condition().patientId, r.chartVersion()))
                .map(r -> ConditionResponse.of(r.condition()));
    }

    @WithTransaction
    Uni<Recorded> recordInTransaction(NewCondition request, String recordedBy) {
        return patients.requireActive(request.patientId(), "patientId")
                .chain(patient -> Location.of(encounters, patient.patientId(), request.encounterId()))
                .map(location -> {
                    Condition c = new Condition();
                    c.id = UUID.randomUUID();
                    c.patientId = location.patientId();
                    c.encounterId = location.encounterId();
                    c.code = request.code();
                    c.display = request.display();
                    c.onset = request.onset();
                    c.clinicalStatus = request.clinicalStatus();
                    c.recordedBy = recordedBy;
                    c.recordedAt = Instant.now();
                    return c;
                })
                .call(c -> Panache.getSession().chain(s -> s.persist(c)))
                .call(c -> outbox.add(new ConditionRecorded(c.id, c.patientId, c.code, c.clinicalStatus, c.onset,
                        c.recordedAt)))
                .call(c -> audit.record(AuditEntry.patient("record-condition", c.patientId, 201)))
                .chain(c -> charts.raise(c.patientId).map(v -> new Recorded(c, v)));
    }

    @WithSpan
    @WithSession
    public Uni<List<ConditionResponse>> ofPatient(UUID patientId) {
        return Panache.getSession()
                .chain(s -> s.createNamedQuery("Condition.ofPatient", Condition.class)
                        .setParameter(1, patientId)
                        .getResultList())
                .map(found -> found.stream().map(ConditionResponse::of).toList());
    }

    /** The active problem list, for the chart (inside the caller's session). */
    public Uni<List<ConditionResponse>> activeOfPatient(UUID patientId) {
        return Panache.getSession()
                .chain(s -> s.createNamedQuery("Condition.activeOfPatient", Condition.class)
                        .setParameter(1, patientId)
                        .setParameter(2, Condition.ACTIVE)
                        .getResultList())
                .map(found -> found.stream().map(ConditionResponse::of).toList());
    }
}
