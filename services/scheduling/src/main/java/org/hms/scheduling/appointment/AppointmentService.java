package org.hms.scheduling.appointment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hms.contracts.DomainEvent;
import org.hms.platform.audit.Audit;
import org.hms.platform.audit.AuditEntry;
import org.hms.platform.events.Outbox;
import org.hms.platform.idempotency.IdempotencyKeys;
import org.hms.platform.patientview.PatientFact;
import org.hms.platform.patientview.PatientView;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;
import org.hms.platform.web.Page;
import org.hms.platform.web.Versions;
import org.hms.scheduling.appointment.AppointmentRequests.Booking;
import org.hms.scheduling.appointment.AppointmentRequests.Reschedule;
import org.hms.scheduling.practitioner.Practitioner;
import org.hms.scheduling.practitioner.PractitionerRepository;
import org.hms.scheduling.slot.SlotCalendar;

/**
 * The booking desk's rules: book, reschedule, cancel, check in, mark a no-show, complete. Each
 * change, its event and its audit record commit in one transaction. Double bookings are
 * refused by PostgreSQL (ADR 012), whatever the number of replicas: this class only turns the
 * constraint's refusal into a 409.
 */
@ApplicationScoped
public class AppointmentService {

    public static final String RESOURCE = "Appointment";

    /**
     * Audit actions: the audit trail's vocabulary (AuditRecorded's schema) has create and
     * update; which step of the lifecycle it was is in the audited request's path.
     */
    public static final String CREATE = "create";
    public static final String UPDATE = "update";

    private final AppointmentRepository appointments;
    private final PractitionerRepository practitioners;
    private final PatientView patients;
    private final Outbox outbox;
    private final Audit audit;
    private final IdempotencyKeys idempotencyKeys;
    private final Counter bookings;
    private final Counter conflicts;

    public AppointmentService(
            AppointmentRepository appointments,
            PractitionerRepository practitioners,
            PatientView patients,
            Outbox outbox,
            Audit audit,
            IdempotencyKeys idempotencyKeys,
            MeterRegistry registry) {
        this.idempotencyKeys = idempotencyKeys;
        this.appointments = appointments;
        this.practitioners = practitioners;
        this.patients = patients;
        this.outbox = outbox;
        this.audit = audit;
        this.bookings = registry.counter("hms.scheduling.bookings");
        this.conflicts = registry.counter("hms.scheduling.booking.conflicts");
    }

    /**
     * Books for the patient as the view knows them (a merged id books the survivor). Refused
     * with 422 when the patient or practitioner is unknown or the time lies outside the
     * practitioner's sessions; 409 when the practitioner or the patient is taken then.
     */
    @WithSpan
    public Uni<AppointmentResponse> book(Booking booking) {
        requireFuture(booking.start());
        return bookablePatient(booking.patientId())
                .chain(patientId -> recordBooking(patientId, booking))
                .map(AppointmentResponse::of);
    }

    @WithTransaction
    Uni<Appointment> recordBooking(UUID patientId, Booking b) {
        return bookablePractitioner(b.practitionerId(), b.start(), b.minutes())
                .map(p -> Appointment.book(patientId, p.id, b.start(), b.minutes(), b.type(), b.reason()))
                .call(appointments::persist)
                .call(this::flush)
                .call(a -> outbox.add(AppointmentEvents.booked(a)))
                .call(a -> audit.record(entry(CREATE, a, 201)))
                .invoke(() -> bookings.increment());
    }

    /** Moves a booked appointment; If-Match's version must be current (412). */
    @WithSpan
    @WithTransaction
    public Uni<AppointmentResponse> reschedule(UUID id, long expectedVersion, Reschedule change, Consumer<UUID> mayTouch) {
        requireFuture(change.start());
        return find(id)
                .invoke(a -> mayTouch.accept(a.patientId))
                .invoke(AppointmentService::requireNotErased)
                .invoke(a -> Versions.requireCurrent(expectedVersion, a.version))
                .call(a -> bookablePractitioner(a.practitionerId, change.start(), change.minutes()))
                .chain(a -> {
                    Instant previous = a.startAt;
                    a.reschedule(change.start(), change.minutes());
                    return flush(a)
                            .chain(() -> outbox.add(AppointmentEvents.rescheduled(a, previous)))
                            .replaceWith(a);
                })
                .call(a -> audit.record(entry(UPDATE, a, 200)))
                .map(AppointmentResponse::of);
    }

    @WithSpan
    public Uni<AppointmentResponse> cancel(UUID id, String reason, Consumer<UUID> mayTouch) {
        return transition(id, mayTouch, a -> a.cancel(reason),
                a -> AppointmentEvents.cancelled(a, AppointmentEvents.REQUESTED));
    }

    @WithSpan
    public Uni<AppointmentResponse> checkIn(UUID id) {
        return transition(id, any -> {}, Appointment::checkIn, AppointmentEvents::checkedIn);
    }

    @WithSpan
    public Uni<AppointmentResponse> noShow(UUID id) {
        return transition(id, any -> {}, Appointment::noShow, AppointmentEvents::noShow);
    }

    @WithSpan
    public Uni<AppointmentResponse> complete(UUID id) {
        return transition(id, any -> {}, Appointment::complete, AppointmentEvents::completed);
    }

    @WithSpan
    public Uni<AppointmentResponse> get(UUID id, Consumer<UUID> mayRead) {
        return Panache.withSession(() -> find(id))
                .invoke(a -> mayRead.accept(a.patientId))
                .invoke(AppointmentService::requireNotErased)
                .map(AppointmentResponse::of);
    }

    /** A practitioner's appointments on one date of their time zone (UTC when they have none). */
    @WithSpan
    public Uni<Page<AppointmentResponse>> day(UUID practitionerId, LocalDate date) {
        return Panache.withSession(() -> practitioners.findById(practitionerId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("practitioner", practitionerId))
                .chain(p -> {
                    ZoneId zone = p.availability == null ? ZoneOffset.UTC : p.availability.zone();
                    return appointments.ofPractitioner(p.id, date.atStartOfDay(zone).toInstant(),
                            date.plusDays(1).atStartOfDay(zone).toInstant());
                }))
                .map(found -> {
                    List<AppointmentResponse> items = found.stream().map(AppointmentResponse::of).toList();
                    return new Page<>(items, 0, Math.max(items.size(), 1), items.size());
                });
    }

    /** One page of a patient's upcoming (soonest first) or past (latest first) appointments. */
    @WithSpan
    public Uni<Page<AppointmentResponse>> ofPatient(UUID patientId, boolean upcoming, int page, int size) {
        Instant now = Instant.now();
        return Panache.withSession(() -> appointments.countOfPatient(patientId, upcoming, now)
                .chain(total -> appointments.ofPatient(patientId, upcoming, now, page, size)
                        .map(found -> new Page<>(found.stream().map(AppointmentResponse::of).toList(), page, size,
                                total))));
    }

    /**
     * Erasure (in the patient view's transaction): future appointments that still hold time are
     * cancelled (AppointmentCancelled, cause patient-erased), every row loses its free text and
     * leaves the lists, and stored Idempotency-Key responses naming the patient are redacted.
     * Repeating it leaves the same state and publishes nothing more.
     */
    public Uni<Void> forgetPatient(UUID patientId) {
        Instant now = Instant.now();
        return appointments.allOfPatient(patientId)
                .chain(all -> Multi.createFrom().iterable(all)
                        .onItem().transformToUniAndConcatenate(a -> a.isActive() && a.startAt.isAfter(now)
                                ? cancelFor(a, AppointmentEvents.PATIENT_ERASED)
                                : Uni.createFrom().voidItem())
                        .collect().last()
                        .invoke(() -> all.forEach(Appointment::forgetPatientText)))
                .chain(() -> Panache.getSession().chain(s -> s.flush()))
                .chain(() -> idempotencyKeys.forgetPatient(patientId))
                .replaceWithVoid();
    }

    /**
     * Merge (in the patient view's transaction): the retired record's appointments move to the
     * survivor. One that would overlap an active appointment of the survivor (the same person
     * booked twice under two records) is cancelled first (cause patient-merged), so the move
     * never breaks the exclusion constraint.
     */
    public Uni<Void> moveToSurvivor(UUID retiredId, UUID survivorId) {
        return appointments.allOfPatient(retiredId)
                .chain(all -> Multi.createFrom().iterable(all)
                        .onItem().transformToUniAndConcatenate(a -> !a.isActive()
                                ? Uni.createFrom().voidItem()
                                : appointments.patientBusy(survivorId, a.startAt, a.endAt).chain(busy -> busy
                                        ? cancelFor(a, AppointmentEvents.PATIENT_MERGED)
                                        : Uni.createFrom().voidItem()))
                        .collect().last()
                        .invoke(() -> all.forEach(a -> a.moveTo(survivorId))))
                .chain(() -> Panache.getSession().chain(s -> s.flush()));
    }

    private Uni<Void> cancelFor(Appointment a, String cause) {
        a.cancel(null);
        return flush(a).chain(() -> outbox.add(AppointmentEvents.cancelled(a, cause))).replaceWithVoid();
    }

    /** One step of the lifecycle: the change (409 when impossible), its event, its audit. */
    @WithTransaction
    Uni<AppointmentResponse> transition(UUID id, Consumer<UUID> mayTouch, Consumer<Appointment> change,
            Function<Appointment, DomainEvent> event) {
        return find(id)
                .invoke(a -> mayTouch.accept(a.patientId))
                .invoke(AppointmentService::requireNotErased)
                .invoke(change)
                .call(this::flush)
                .call(a -> outbox.add(event.apply(a)))
                .call(a -> audit.record(entry(UPDATE, a, 200)))
                .map(AppointmentResponse::of);
    }

    private Uni<UUID> bookablePatient(UUID id) {
        return patients.find(id).map(fact -> {
            if (fact == null || fact.status() != PatientFact.Status.ACTIVE) {
                throw unprocessable("patient-not-bookable", "patientId", fact == null
                        ? "patient " + id + " is not known here (yet)"
                        : "patient " + id + " is " + fact.status().name().toLowerCase());
            }
            return fact.patientId();
        });
    }

    private Uni<Practitioner> bookablePractitioner(UUID id, Instant start, int minutes) {
        return practitioners.findById(id).map(p -> {
            if (p == null) {
                throw unprocessable("unknown-practitioner", "practitionerId", "practitioner " + id + " does not exist");
            }
            if (p.availability == null || !SlotCalendar.withinSessions(p.availability, start, minutes)) {
                throw unprocessable("outside-availability", "start",
                        "practitioner " + id + " has no session covering " + start + " for " + minutes + " minutes");
            }
            return p;
        });
    }

    private Uni<Appointment> find(UUID id) {
        return appointments.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("appointment", id));
    }

    /** Writes now: the version the event carries is the new one, and a double booking fails here. */
    private Uni<Void> flush(Appointment ignored) {
        return Panache.getSession()
                .chain(s -> s.flush())
                .onFailure(DoubleBookings::isDoubleBooking)
                .transform(e -> {
                    conflicts.increment();
                    return DoubleBookings.conflict(e);
                });
    }

    private static AuditEntry entry(String action, Appointment a, int status) {
        return new AuditEntry(action, RESOURCE, a.id.toString(), List.of(a.patientId), status, null, null);
    }

    private static void requireFuture(Instant start) {
        if (start != null && !start.isAfter(Instant.now())) {
            throw ProblemException.badRequest("start", "must be in the future");
        }
    }

    private static void requireNotErased(Appointment a) {
        if (a.patientErased) {
            throw new ProblemException(Problem.of("patient-erased", "Gone", 410,
                    "the patient of appointment " + a.id + " was erased"));
        }
    }

    private static ProblemException unprocessable(String slug, String field, String detail) {
        return new ProblemException(Problem.of(slug, "Unprocessable request", 422, detail).with("field", field));
    }
}
