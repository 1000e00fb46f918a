package org.hms.clinical.vitals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hms.clinical.chart.ChartCache;
import org.hms.clinical.chart.ChartVersions;
import org.hms.clinical.encounter.EncounterRepository;
import org.hms.clinical.encounter.Location;
import org.hms.clinical.patient.ClinicalPatients;
import org.hms.contracts.clinical.VitalsAlertRaised;
import org.hms.contracts.clinical.VitalsRecorded;
import org.hms.platform.audit.Audit;
import org.hms.platform.audit.AuditEntry;
import org.hms.platform.events.Outbox;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;
import org.hms.platform.web.Page;

/**
 * Recording vitals: score the set (NEWS2), store it, and in the same transaction publish it
 * and, when it needs an urgent review, raise the alert. A hot path: one transaction, a handful
 * of statements.
 */
@ApplicationScoped
public class VitalsService {

    /** How far ahead of the server's clock takenAt may be (clocks of bedside devices drift). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final VitalsRepository vitals;
    private final EncounterRepository encounters;
    private final ClinicalPatients patients;
    private final ChartVersions charts;
    private final ChartCache chartCache;
    private final Outbox outbox;
    private final Audit audit;
    private final Counter recorded;
    private final Counter alerts;

    public VitalsService(VitalsRepository vitals, EncounterRepository encounters, ClinicalPatients patients,
            ChartVersions charts, ChartCache chartCache, Outbox outbox, Audit audit, MeterRegistry registry) {
        this.vitals = vitals;
        this.encounters = encounters;
        this.patients = patients;
        this.charts = charts;
        this.chartCache = chartCache;
        this.outbox = outbox;
        this.audit = audit;
        this.recorded = registry.counter("hms.clinical.vitals.recorded");
        this.alerts = registry.counter("hms.clinical.vitals.alerts");
    }

    private record Recorded(Vitals vitals, long chartVersion) {}

    @WithSpan
    public Uni<VitalsResponse> recordVitals(VitalsRequest request, String recordedBy) {
        if (request.takenAt().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw ProblemException.badRequest("takenAt", "must not be in the future");
        }
        return record(request, recordedBy)
                .call(r -> chartCache.changed(r.vitals().patientId, r.chartVersion()))
                .map(r -> VitalsResponse.of(r.vitals()));
    }

    @WithTransaction
    Uni<Recorded> record(VitalsRequest request, String recordedBy) {
        return patients.requireActive(request.patientId(), "patientId")
                .call(patient -> request.spo2Scale() == 2 ? requireScale2(patient.patientId()) : Uni.createFrom().voidItem())
                .chain(patient -> Location.of(encounters, patient.patientId(), request.encounterId()))
                .map(location -> newSet(request, location, recordedBy))
                .chain(set -> vitals.persist(set.vitals())
                        .call(() -> outbox.add(recordedEvent(set.vitals())))
                        .call(() -> set.score().alert() ? raiseAlert(set) : Uni.createFrom().voidItem())
                        .call(() -> audit.record(AuditEntry.patient("record-vitals", set.vitals().patientId, 201)))
                        .chain(() -> charts.raise(set.vitals().patientId))
                        .map(version -> new Recorded(set.vitals(), version)))
                .invoke(() -> recorded.increment());
    }

    /** A scored set and where the patient was when it was taken. */
    private record ScoredSet(Vitals vitals, News2.Score score, Location location) {}

    private static ScoredSet newSet(VitalsRequest r, Location location, String recordedBy) {
        Vitals v = new Vitals();
        v.id = UUID.randomUUID();
        v.patientId = location.patientId();
        v.encounterId = location.encounterId();
        v.takenAt = r.takenAt();
        v.recordedAt = Instant.now();
        v.recordedBy = recordedBy;
        v.respiratoryRate = r.respiratoryRate();
        v.spo2 = r.spo2();
        v.spo2Scale = r.spo2Scale().shortValue();
        v.supplementalOxygen = r.supplementalOxygen();
        v.systolicBp = r.systolicBp();
        v.pulse = r.pulse();
        v.consciousness = r.consciousness();
        v.temperature = r.temperature();
        News2.Score score = News2.score(r.observations());
        v.news2Score = score.total();
        v.news2Risk = score.risk();
        return new ScoredSet(v, score, location);
    }

    private Uni<Void> raiseAlert(ScoredSet set) {
        Vitals v = set.vitals();
        News2.Score s = set.score();
        alerts.increment();
        return outbox.add(new VitalsAlertRaised(v.id, v.patientId, v.encounterId, set.location().wardName(),
                        set.location().bed(), v.takenAt, s.total(), s.risk(), s.parameters(), s.drivers(), Instant.now()))
                .replaceWithVoid();
    }

    private static VitalsRecorded recordedEvent(Vitals v) {
        return new VitalsRecorded(v.id, v.patientId, v.encounterId, v.takenAt, v.respiratoryRate, v.spo2, v.spo2Scale,
                v.supplementalOxygen, v.systolicBp, v.pulse, v.consciousness, v.temperature, v.news2Score, v.news2Risk);
    }

    /** Scale 2 is for a documented hypercapnic target only: refused (422) for anyone else. */
    private Uni<Void> requireScale2(UUID patientId) {
        return vitals.documentedScale(patientId).invoke(documented -> {
            if (documented == null || documented.scale != 2) {
                throw new ProblemException(Problem.of("spo2-scale-not-documented", "Unprocessable request", 422,
                                "SpO2 scale 2 needs a documented hypercapnic respiratory failure target for this"
                                        + " patient (PUT /api/v1/patients/" + patientId + "/vitals/spo2-scale)")
                        .with("field", "spo2Scale"));
            }
        }).replaceWithVoid();
    }

    /** A physician documents (or withdraws) the hypercapnic target that allows scale 2. */
    @WithSpan
    @WithTransaction
    public Uni<Spo2ScaleResponse> documentScale(UUID patientId, int scale, String reason, String physician) {
        return patients.requireActive(patientId, "patientId")
                .chain(patient -> vitals.documentedScale(patient.patientId()).chain(found -> {
                    Spo2Scale documented = found != null ? found : new Spo2Scale();
                    documented.patientId = patient.patientId();
                    documented.scale = (short) scale;
                    documented.reason = reason;
                    documented.setBy = physician;
                    documented.setAt = Instant.now();
                    return (found != null ? Uni.createFrom().item(documented)
                                    : Panache.getSession().chain(s -> s.persist(documented)).replaceWith(documented))
                            .call(() -> audit.record(AuditEntry.patient("document-spo2-scale", patient.patientId(), 200)));
                }))
                .map(Spo2ScaleResponse::of);
    }

    @WithSpan
    @WithSession
    public Uni<Page<VitalsResponse>> ofPatient(UUID patientId, int page, int size) {
        return vitals.ofPatient(patientId, page, size)
                .chain(found -> vitals.countOfPatient(patientId).map(total -> new Page<>(
                        found.stream().map(VitalsResponse::of).toList(), page, size, total)));
    }

    /** The patient's latest set, or null: for the chart. */
    public Uni<VitalsResponse> latest(UUID patientId) {
        return vitals.latest(patientId).map(v -> v == null ? null : VitalsResponse.of(v));
    }

    /** The documented scale, or null: for the chart. */
    public Uni<Spo2ScaleResponse> documentedScale(UUID patientId) {
        return vitals.documentedScale(patientId).map(s -> s == null ? null : Spo2ScaleResponse.of(s));
    }

}
