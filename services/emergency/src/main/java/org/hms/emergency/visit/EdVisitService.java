package org.hms.emergency.visit;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hms.contracts.emergency.EdVisitArrived;
import org.hms.contracts.emergency.EdVisitDeparted;
import org.hms.contracts.emergency.EdVisitIdentified;
import org.hms.contracts.emergency.EdVisitSeen;
import org.hms.contracts.emergency.EdVisitTriaged;
import org.hms.emergency.alert.Alert;
import org.hms.emergency.alert.AlertRepository;
import org.hms.emergency.alert.AlertService;
import org.hms.emergency.triage.EmergencySeverityIndex;
import org.hms.platform.audit.Audit;
import org.hms.platform.audit.AuditEntry;
import org.hms.platform.events.Outbox;
import org.hms.platform.patientview.PatientFact;
import org.hms.platform.patientview.PatientView;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;

/**
 * The ED's rules: arrival (identified or not), triage with ESI v4 (ESI 1–2 raise an alert), seen
 * by a clinician, departure, and the reconciliation of an unidentified patient. Each change, its
 * event and its audit record commit in one transaction.
 */
@ApplicationScoped
public class EdVisitService {

    static final String VISIT = "EdVisit";
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EdVisitRepository visits;
    private final AlertRepository alertRows;
    private final AlertService alerts;
    private final PatientView patients;
    private final Outbox outbox;
    private final Audit audit;
    private final MeterRegistry registry;

    public EdVisitService(EdVisitRepository visits, AlertRepository alertRows, AlertService alerts,
            PatientView patients, Outbox outbox, Audit audit, MeterRegistry registry) {
        this.visits = visits;
        this.alertRows = alertRows;
        this.alerts = alerts;
        this.patients = patients;
        this.outbox = outbox;
        this.audit = audit;
        this.registry = registry;
    }

    /** A registered patient arrives (known to the patient view), or an unidentified one with a temporary identity. */
    @WithSpan
    @WithTransaction
    public Uni<EdVisitResponse> arrive(UUID patientId, String sex, Integer ageYears, String complaint) {
        Uni<EdVisit> visit = patientId == null
                ? Uni.createFrom().item(EdVisit.arrive(null, temporaryIdentity(), sex, ageYears, complaint))
                : activePatient(patientId).map(p -> EdVisit.arrive(p.patientId(), null, null, null, complaint));
        return visit.call(visits::persist)
                .call(v -> outbox.add(new EdVisitArrived(v.id, v.patientId, v.temporaryIdentity, v.arrivedAt)))
                .call(v -> audit.record(entry("create", v, 201)))
                .invoke(v -> registry.counter("hms.emergency.arrivals", "identified", String.valueOf(!v.isUnidentified()))
                        .increment())
                .chain(this::response);
    }

    @WithSpan
    public Uni<EdVisitResponse> read(UUID id) {
        return Panache.withSession(() -> find(id).chain(this::response));
    }

    /**
     * Triage: the ESI level computed from the nurse's answers, or her override (with her reason);
     * both kept, with the assessment, in the visit's history. A final level of 1 or 2 raises an
     * alert (critical for 1, high for 2) unless the visit has an open triage alert already.
     */
    @WithSpan
    @WithTransaction
    public Uni<EdVisitResponse> triage(UUID id, EmergencySeverityIndex.Assessment assessment, Integer overrideLevel,
            String overrideReason, String nurse) {
        EmergencySeverityIndex.Level computed = EmergencySeverityIndex.assess(assessment);
        return inDepartment(id)
                .invoke(v -> v.triage(computed, overrideLevel, overrideReason, Instant.now()))
                .call(EdVisitService::flush)
                .call(v -> Panache.getSession().chain(s -> s.persist(TriageAssessment.of(v.id, v, assessment, nurse))))
                .call(v -> outbox.add(new EdVisitTriaged(v.id, v.patientId, v.esiComputed, v.esiLevel, v.esiReason,
                        v.esiOverrideReason != null, Instant.now())))
                .call(this::alertIfUrgent)
                .call(v -> audit.record(entry("triage", v, 200)))
                .chain(this::response);
    }

    @WithSpan
    @WithTransaction
    public Uni<EdVisitResponse> seen(UUID id) {
        return inDepartment(id)
                .invoke(v -> {
                    if (v.seenAt != null) {
                        throw lifecycle(v, "was seen by a clinician at " + v.seenAt);
                    }
                })
                .invoke(v -> v.seen(Instant.now()))
                .call(EdVisitService::flush)
                .call(v -> outbox.add(new EdVisitSeen(v.id, v.patientId, v.seenAt)))
                .call(v -> audit.record(entry("seen", v, 200)))
                .chain(this::response);
    }

    @WithSpan
    @WithTransaction
    public Uni<EdVisitResponse> depart(UUID id, String disposition) {
        return inDepartment(id)
                .invoke(v -> v.depart(disposition, Instant.now()))
                .call(EdVisitService::flush)
                .call(v -> outbox.add(new EdVisitDeparted(v.id, v.patientId, v.disposition, v.departedAt)))
                .call(v -> audit.record(entry("depart", v, 200)))
                .chain(this::response);
    }

    /**
     * Reconciles an unidentified patient's visit to a registered patient: the visit, its triage
     * history and its alerts are theirs from now on (a merged id resolves to its survivor).
     */
    @WithSpan
    @WithTransaction
    public Uni<EdVisitResponse> identify(UUID id, UUID patientId) {
        return findForChange(id)
                .invoke(v -> {
                    if (!v.isUnidentified()) {
                        throw lifecycle(v, "is already identified as patient " + v.patientId);
                    }
                })
                .chain(v -> activePatient(patientId).invoke(p -> v.identify(p.patientId(), Instant.now())).replaceWith(v))
                .call(EdVisitService::flush)
                .call(v -> alertRows.update("patientId = ?1 where visitId = ?2", v.patientId, v.id))
                .call(v -> outbox.add(new EdVisitIdentified(v.id, v.patientId, v.temporaryIdentity, v.identifiedAt)))
                .call(v -> audit.record(entry("identify", v, 200)))
                .chain(this::response);
    }

    @WithSpan
    public Uni<EdBoard> board() {
        return visits.inDepartment().map(found -> EdBoard.of(found, Instant.now()));
    }

    private Uni<Void> alertIfUrgent(EdVisit v) {
        if (v.esiLevel > 2) {
            return Uni.createFrom().voidItem();
        }
        return alertRows.openTriageAlertExists(v.id).chain(open -> open
                ? Uni.createFrom().voidItem()
                : alerts.raise(Alert.raise(v.patientId, v.id, v.esiLevel == 1 ? Alert.CRITICAL : Alert.HIGH,
                                Alert.TRIAGE, UUID.randomUUID(), "ED", "ESI " + v.esiLevel + ": " + v.esiReason))
                        .replaceWithVoid());
    }

    /** The patient as the view knows them, following a merge to the survivor; else 400 naming patientId. */
    private Uni<PatientFact> activePatient(UUID patientId) {
        return patients.find(patientId).invoke(p -> {
            if (p == null) {
                throw ProblemException.badRequest("patientId", "is not a patient known to the emergency department"
                        + " (registered a moment ago? try again shortly)");
            }
            if (!p.isActive()) {
                throw ProblemException.badRequest("patientId", "is a patient record that was " + p.status().name()
                        .toLowerCase());
            }
        });
    }

    private Uni<EdVisit> find(UUID id) {
        return visits.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("ED visit", id));
    }

    /**
     * The visit, locked until the change commits: two nurses triaging the same patient at once
     * apply one after the other (each kept in the history) instead of one failing on the version.
     */
    private Uni<EdVisit> findForChange(UUID id) {
        return visits.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("ED visit", id));
    }

    private Uni<EdVisit> inDepartment(UUID id) {
        return findForChange(id).invoke(v -> {
            if (v.status == EdVisit.Status.DEPARTED) {
                throw lifecycle(v, "departed (" + v.disposition + ") at " + v.departedAt);
            }
        });
    }

    private Uni<EdVisitResponse> response(EdVisit v) {
        return visits.triageHistory(v.id).map(history -> EdVisitResponse.of(v, history));
    }

    private static ProblemException lifecycle(EdVisit v, String what) {
        return new ProblemException(Problem.of("visit-state", "Conflict", 409, "ED visit " + v.id + " " + what)
                .with("status", v.status.name().toLowerCase()));
    }

    static AuditEntry entry(String action, EdVisit v, int status) {
        return new AuditEntry(action, VISIT, v.id.toString(), v.patientId == null ? List.of() : List.of(v.patientId),
                status, null, null);
    }

    /** "UNKNOWN-" and six characters that cannot be misread (no I or O): what the board shows. */
    static String temporaryIdentity() {
        StringBuilder id = new StringBuilder("UNKNOWN-");
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** Writes pending changes now, so the version the response carries is the committed one. */
    private static Uni<Void> flush(EdVisit ignored) {
        return Panache.getSession().chain(s -> s.flush());
    }
}
