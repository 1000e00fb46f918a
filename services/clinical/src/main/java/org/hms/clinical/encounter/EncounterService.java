package org.hms.clinical.encounter;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hms.clinical.UniqueViolations;
import org.hms.clinical.chart.ChartCache;
import org.hms.clinical.chart.ChartVersions;
import org.hms.clinical.encounter.EncounterRequests.Discharge;
import org.hms.clinical.encounter.EncounterRequests.OpenEncounter;
import org.hms.clinical.encounter.EncounterRequests.Transfer;
import org.hms.clinical.patient.ClinicalPatients;
import org.hms.contracts.clinical.EncounterOpened;
import org.hms.contracts.clinical.PatientAdmitted;
import org.hms.contracts.clinical.PatientDischarged;
import org.hms.contracts.clinical.PatientTransferred;
import org.hms.contracts.scheduling.AppointmentCheckedIn;
import org.hms.platform.audit.Audit;
import org.hms.platform.audit.AuditEntry;
import org.hms.platform.events.Outbox;
import org.hms.platform.patientview.PatientFact;
import org.hms.platform.patientview.PatientView;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;
import org.hms.platform.web.Page;

/**
 * Encounters: outpatient visits (from a check-in, or by hand), admissions to a ward's bed,
 * transfers and discharges. Each change, its events, its audit and the chart's new version
 * commit together; the chart cache is dropped after the commit.
 */
@ApplicationScoped
public class EncounterService {

    static final String BED_TAKEN = "encounter_bed_taken";
    static final String ONE_ADMISSION = "encounter_one_admission";

    private final EncounterRepository encounters;
    private final ClinicalPatients patients;
    private final PatientView view;
    private final ChartVersions charts;
    private final ChartCache chartCache;
    private final Outbox outbox;
    private final Audit audit;

    public EncounterService(EncounterRepository encounters, ClinicalPatients patients, PatientView view,
            ChartVersions charts, ChartCache chartCache, Outbox outbox, Audit audit) {
        this.encounters = encounters;
        this.patients = patients;
        this.view = view;
        this.charts = charts;
        this.chartCache = chartCache;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** An encounter and the chart version its change produced. */
    record Changed(Encounter encounter, long chartVersion) {}

    @WithSpan
    public Uni<EncounterResponse> open(OpenEncounter request) {
        boolean inpatient = "inpatient".equals(request.encounterClass());
        requireLocation(inpatient, request.ward(), request.bed());
        return recordOpen(request, inpatient).call(this::dropChart).map(c -> EncounterResponse.of(c.encounter()));
    }

    @WithTransaction
    Uni<Changed> recordOpen(OpenEncounter request, boolean inpatient) {
        Instant now = Instant.now();
        return patients.requireActive(request.patientId(), "patientId")
                .chain(patient -> inpatient
                        ? claimableBed(request.ward(), request.bed()).map(bed -> Encounter.admission(patient.patientId(),
                                request.ward(), request.bed(), request.practitionerId(), request.reason(), now))
                        : Uni.createFrom().item(Encounter.outpatient(patient.patientId(), null,
                                request.practitionerId(), request.reason(), now)))
                .call(e -> encounters.persist(e).chain(this::flush))
                .onFailure().transform(EncounterService::conflict)
                .call(e -> outbox.add(opened(e)))
                .call(e -> inpatient
                        ? outbox.add(new PatientAdmitted(e.id, e.patientId, e.ward, e.bed, e.startedAt, e.version))
                        : Uni.createFrom().voidItem())
                .call(e -> audit.record(AuditEntry.patient(inpatient ? "admit" : "open-encounter", e.patientId, 201)))
                .chain(e -> charts.raise(e.patientId).map(v -> new Changed(e, v)));
    }

    /**
     * Opens the outpatient encounter of a checked-in appointment, once: inside the consumer's
     * transaction; an appointment that has one already (a redelivery, a replay) opens none.
     * A patient erased meanwhile gets none; a merged one's visit goes to the survivor.
     */
    public Uni<Void> openFromCheckIn(AppointmentCheckedIn checkIn) {
        return encounters.byAppointment(checkIn.appointmentId())
                .chain(existing -> existing != null ? Uni.createFrom().voidItem() : view.find(checkIn.patientId())
                        .chain(fact -> openVisit(checkIn, fact)));
    }

    private Uni<Void> openVisit(AppointmentCheckedIn checkIn, PatientFact fact) {
        if (fact != null && fact.status() == PatientFact.Status.ERASED) {
            Log.infof("check-in of appointment %s: patient erased, no encounter opened", checkIn.appointmentId());
            return Uni.createFrom().voidItem();
        }
        UUID patientId = fact == null ? checkIn.patientId() : fact.patientId();
        Instant at = checkIn.checkedInAt() == null ? Instant.now() : checkIn.checkedInAt();
        Encounter visit = Encounter.outpatient(patientId, checkIn.appointmentId(), checkIn.practitionerId(),
                checkIn.type(), at);
        return encounters.persist(visit)
                .call(() -> outbox.add(opened(visit)))
                .call(() -> audit.record(AuditEntry.patient("open-encounter", patientId, 201)))
                .call(() -> charts.raise(patientId).chain(v -> chartCache.changed(patientId, v)))
                .replaceWithVoid();
    }

    @WithSpan
    public Uni<EncounterResponse> transfer(UUID id, Transfer request) {
        return recordTransfer(id, request).call(this::dropChart).map(c -> EncounterResponse.of(c.encounter()));
    }

    @WithTransaction
    Uni<Changed> recordTransfer(UUID id, Transfer request) {
        return find(id).chain(e -> {
            String fromWard = e.ward;
            String fromBed = e.bed;
            if (request.ward().equals(fromWard) && request.bed().equals(fromBed)) {
                throw ProblemException.badRequest("bed", "is the bed the patient is in");
            }
            return claimableBed(request.ward(), request.bed())
                    .invoke(() -> e.moveTo(request.ward(), request.bed()))
                    .call(this::flush)
                    .onFailure().transform(EncounterService::conflict)
                    .call(() -> toCleaning(fromWard, fromBed))
                    .call(() -> outbox.add(new PatientTransferred(e.id, e.patientId, fromWard, fromBed, e.ward, e.bed,
                            Instant.now(), e.version)))
                    .call(() -> audit.record(AuditEntry.patient("transfer", e.patientId, 200)))
                    .chain(() -> charts.raise(e.patientId).map(v -> new Changed(e, v)));
        });
    }

    @WithSpan
    public Uni<EncounterResponse> discharge(UUID id, Discharge request) {
        return recordDischarge(id, request).call(this::dropChart).map(c -> EncounterResponse.of(c.encounter()));
    }

    @WithTransaction
    Uni<Changed> recordDischarge(UUID id, Discharge request) {
        return find(id).invoke(e -> e.discharge(request.summary(), Instant.now()))
                .call(this::flush)
                .call(e -> toCleaning(e.ward, e.bed))
                .call(e -> outbox.add(new PatientDischarged(e.id, e.patientId, e.ward, e.bed, e.endedAt, e.version)))
                .call(e -> audit.record(AuditEntry.patient("discharge", e.patientId, 200)))
                .chain(e -> charts.raise(e.patientId).map(v -> new Changed(e, v)));
    }

    @WithSpan
    @WithSession
    public Uni<EncounterResponse> read(UUID id) {
        return encounters.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("encounter", id))
                .map(EncounterResponse::of);
    }

    @WithSpan
    @WithSession
    public Uni<Page<EncounterResponse>> ofPatient(UUID patientId, int page, int size) {
        return encounters.ofPatient(patientId, page, size)
                .chain(found -> encounters.countOfPatient(patientId)
                        .map(total -> new Page<>(found.stream().map(EncounterResponse::of).toList(), page, size, total)));
    }

    private Uni<Encounter> find(UUID id) {
        return encounters.forUpdate(id).onItem().ifNull().failWith(() -> ProblemException.notFound("encounter", id));
    }

    /** The bed exists and is not being cleaned; whether it is free the unique index decides. */
    private Uni<Bed> claimableBed(String ward, String label) {
        return encounters.bed(ward, label).invoke(bed -> {
            if (bed == null) {
                throw ProblemException.badRequest("bed", "ward " + ward + " has no bed " + label);
            }
            if (bed.status == Bed.Status.CLEANING) {
                throw new ProblemException(Problem.of("bed-not-free", "Conflict", 409,
                                "bed " + label + " of ward " + ward + " is being cleaned")
                        .with("status", "cleaning"));
            }
        });
    }

    private Uni<Void> toCleaning(String ward, String label) {
        if (ward == null) {
            return Uni.createFrom().voidItem();
        }
        return encounters.bed(ward, label).invoke(bed -> bed.status = Bed.Status.CLEANING).replaceWithVoid();
    }

    private static void requireLocation(boolean inpatient, String ward, String bed) {
        if (inpatient && (ward == null || bed == null)) {
            throw ProblemException.badRequest(ward == null ? "ward" : "bed", "is required for an inpatient admission");
        }
        if (!inpatient && (ward != null || bed != null)) {
            throw ProblemException.badRequest(ward != null ? "ward" : "bed", "must be absent for an outpatient visit");
        }
    }

    /** A race lost to another admission: the bed (or the patient) is taken. */
    static Throwable conflict(Throwable failure) {
        String constraint = UniqueViolations.constraint(failure);
        if (BED_TAKEN.equals(constraint)) {
            return new ProblemException(Problem.of("bed-occupied", "Conflict", 409, "the bed is occupied")
                    .with("status", "occupied"));
        }
        if (ONE_ADMISSION.equals(constraint)) {
            return new ProblemException(Problem.of("patient-already-admitted", "Conflict", 409,
                            "the patient is admitted already; transfer them instead")
                    .with("status", "admitted"));
        }
        return failure;
    }

    private static EncounterOpened opened(Encounter e) {
        return new EncounterOpened(e.id, e.patientId, e.encounterClass.code(), e.appointmentId, e.practitionerId,
                e.startedAt, e.version);
    }

    private Uni<Void> flush(Object ignored) {
        return Panache.getSession().chain(s -> s.flush());
    }

    private Uni<Void> dropChart(Changed changed) {
        return chartCache.changed(changed.encounter().patientId, changed.chartVersion());
    }

    /** The wards, for the board's picker. */
    @WithSession
    public Uni<List<Ward>> wards() {
        return encounters.wards();
    }
}
