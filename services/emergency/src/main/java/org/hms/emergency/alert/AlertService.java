package org.hms.emergency.alert;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hms.contracts.clinical.VitalsAlertRaised;
import org.hms.contracts.emergency.AlertAcknowledged;
import org.hms.contracts.emergency.AlertEscalated;
import org.hms.contracts.emergency.AlertRaised;
import org.hms.emergency.config.EmergencyConfig;
import org.hms.emergency.visit.EdVisitRepository;
import org.hms.platform.audit.Audit;
import org.hms.platform.audit.AuditEntry;
import org.hms.platform.events.Outbox;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;
import org.hms.platform.web.Page;

/**
 * The hospital's alerts: raised by triage (ESI 1–2) and by clinical vitals (NEWS2), acknowledged
 * by a clinician, escalated once when a critical one stays unacknowledged too long. Every change
 * and its event commit together (the outbox), and the live stream learns of them from
 * {@code hms.emergency} ({@link AlertHub}).
 */
@ApplicationScoped
public class AlertService {

    static final String ED = "ED";
    private static final int ESCALATION_BATCH = 100;

    private final AlertRepository alerts;
    private final EdVisitRepository visits;
    private final Outbox outbox;
    private final Audit audit;
    private final EmergencyConfig config;
    private final MeterRegistry registry;

    public AlertService(AlertRepository alerts, EdVisitRepository visits, Outbox outbox, Audit audit,
            EmergencyConfig config, MeterRegistry registry) {
        this.alerts = alerts;
        this.visits = visits;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.registry = registry;
    }

    /** Stores a new alert and its AlertRaised in the caller's transaction. */
    public Uni<Alert> raise(Alert alert) {
        return alerts.persist(alert)
                .call(a -> outbox.add(new AlertRaised(a.id, a.patientId, a.visitId, a.severity, a.source, a.location,
                        a.reason, a.raisedAt)))
                .invoke(a -> registry.counter("hms.emergency.alerts.raised", "source", a.source, "severity",
                                a.severity)
                        .increment());
    }

    /**
     * A NEWS2 alert from clinical, in the consumer's transaction (applied once per event): 7 or
     * more is critical, a single parameter scoring 3 is high. A patient in the ED is located there.
     */
    public Uni<Void> fromVitals(VitalsAlertRaised vitals) {
        String severity = vitals.score() >= 7 ? Alert.CRITICAL : Alert.HIGH;
        String reason = "NEWS2 " + vitals.score() + " (" + vitals.risk() + "): " + String.join(", ", vitals.drivers());
        return visits.openVisitOf(vitals.patientId())
                .chain(visit -> raise(Alert.raise(vitals.patientId(), visit == null ? null : visit.id, severity,
                        Alert.NEWS2, vitals.vitalsId(), visit == null ? ward(vitals) : ED, reason)))
                .replaceWithVoid();
    }

    @WithSpan
    public Uni<Page<AlertResponse>> list(Alert.Status status, UUID visitId, int page, int size) {
        return alerts.search(status, visitId, page, size)
                .map(found -> new Page<>(found.alerts().stream().map(AlertResponse::of).toList(), page, size,
                        found.total()));
    }

    /** A clinician takes charge; a second acknowledgement is refused naming who acknowledged it. */
    @WithSpan
    @WithTransaction
    public Uni<AlertResponse> acknowledge(UUID id, String by) {
        return alerts.findById(id, LockModeType.PESSIMISTIC_WRITE) // two clinicians at once: one wins, one gets 409
                .onItem().ifNull().failWith(() -> ProblemException.notFound("alert", id))
                .invoke(AlertService::requireOpen)
                .invoke(a -> a.acknowledge(by, Instant.now()))
                .call(a -> Panache.getSession().chain(s -> s.flush()))
                .call(a -> outbox.add(new AlertAcknowledged(a.id, a.patientId, by, a.acknowledgedAt)))
                .call(a -> audit.record(entry("acknowledge", a, 200)))
                .map(AlertResponse::of);
    }

    /**
     * Escalates each open critical alert older than the escalation time, once: claimed rows are
     * stamped and their AlertEscalated written in one transaction. Safe on every replica at once.
     */
    public Uni<Integer> escalateOverdue() {
        Instant before = Instant.now().minus(config.escalateAfter());
        return Panache.withTransaction(() -> alerts.claimOverdue(before, ESCALATION_BATCH)
                .chain(overdue -> Multi.createFrom().iterable(overdue)
                        .onItem().transformToUniAndConcatenate(this::escalate)
                        .collect().asList())
                .map(List::size));
    }

    private Uni<Alert> escalate(Alert a) {
        a.escalatedAt = Instant.now();
        long open = Duration.between(a.raisedAt, a.escalatedAt).toSeconds();
        return outbox.add(new AlertEscalated(a.id, a.patientId, a.severity, open, a.escalatedAt))
                .invoke(() -> registry.counter("hms.emergency.alerts.escalated").increment())
                .replaceWith(a);
    }

    private static void requireOpen(Alert a) {
        if (a.status != Alert.Status.OPEN) {
            throw new ProblemException(Problem.of("alert-acknowledged", "Conflict", 409,
                            "alert " + a.id + " was acknowledged by " + a.acknowledgedBy + " at " + a.acknowledgedAt)
                    .with("status", "acknowledged")
                    .with("acknowledgedBy", a.acknowledgedBy));
        }
    }

    static AuditEntry entry(String action, Alert a, int status) {
        return a.patientId == null
                ? AuditEntry.of(action, "Alert", a.id, status)
                : new AuditEntry(action, "Alert", a.id.toString(), List.of(a.patientId), status, null, null);
    }

    private static String ward(VitalsAlertRaised vitals) {
        if (vitals.ward() == null) {
            return "not admitted";
        }
        return vitals.bed() == null ? vitals.ward() : vitals.ward() + ", bed " + vitals.bed();
    }
}
