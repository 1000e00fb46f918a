package org.hms.scheduling.appointment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;

/**
 * A patient's appointment with a practitioner. Its status moves only along the lifecycle
 * (booked → checked-in → completed; booked → no-show; booked or checked-in → cancelled); any
 * other move is refused with a 409 naming the current status. Never serialised to clients.
 */
@Entity
@Table(name = "appointment")
// named: Hibernate parses them when it starts, not on an event loop at the first request
@NamedQuery(name = "Appointment.ofPractitioner", query = "from Appointment where practitionerId = :practitioner"
        + " and startAt >= :from and startAt < :to and patientErased = false order by startAt, id")
@NamedQuery(name = "Appointment.upcomingOfPatient", query = "from Appointment where patientId = :patient"
        + " and patientErased = false and startAt >= :now order by startAt, id")
@NamedQuery(name = "Appointment.pastOfPatient", query = "from Appointment where patientId = :patient"
        + " and patientErased = false and startAt < :now order by startAt desc, id")
@NamedQuery(name = "Appointment.countUpcomingOfPatient", query = "select count(*) from Appointment"
        + " where patientId = :patient and patientErased = false and startAt >= :now")
@NamedQuery(name = "Appointment.countPastOfPatient", query = "select count(*) from Appointment"
        + " where patientId = :patient and patientErased = false and startAt < :now")
@NamedQuery(name = "Appointment.allOfPatient", query = "from Appointment where patientId = :patient order by startAt, id")
@NamedQuery(name = "Appointment.countActiveOverlapping", query = "select count(*) from Appointment"
        + " where patientId = :patient and status in :active and startAt < :end and endAt > :start")
public class Appointment {

    @Id
    public UUID id;

    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "practitioner_id")
    public UUID practitionerId;

    @Column(name = "start_at")
    public Instant startAt;

    @Column(name = "end_at")
    public Instant endAt;

    public int minutes;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public AppointmentStatus status;

    public String type;

    public String reason;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "patient_erased")
    public boolean patientErased;

    @Version
    public long version;

    @Column(name = "booked_at")
    public Instant bookedAt;

    @Column(name = "checked_in_at")
    public Instant checkedInAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    static Appointment book(UUID patientId, UUID practitionerId, Instant start, int minutes, String type, String reason) {
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.patientId = patientId;
        a.practitionerId = practitionerId;
        a.at(start, minutes);
        a.type = type;
        a.reason = reason;
        a.status = AppointmentStatus.BOOKED;
        a.bookedAt = Instant.now();
        a.updatedAt = a.bookedAt;
        return a;
    }

    void reschedule(Instant newStart, int newMinutes) {
        require("reschedule", AppointmentStatus.BOOKED);
        at(newStart, newMinutes);
        updatedAt = Instant.now();
    }

    void checkIn() {
        move("check in", AppointmentStatus.CHECKED_IN, Set.of(AppointmentStatus.BOOKED));
        checkedInAt = updatedAt;
    }

    void complete() {
        move("complete", AppointmentStatus.COMPLETED, Set.of(AppointmentStatus.CHECKED_IN));
        completedAt = updatedAt;
    }

    void noShow() {
        move("mark as no-show", AppointmentStatus.NO_SHOW, Set.of(AppointmentStatus.BOOKED));
    }

    void cancel(String why) {
        move("cancel", AppointmentStatus.CANCELLED, AppointmentStatus.ACTIVE);
        cancelReason = why;
        cancelledAt = updatedAt;
    }

    /** The patient's personal data was erased: free text goes, the row leaves every list. */
    void forgetPatientText() {
        reason = null;
        cancelReason = null;
        patientErased = true;
        updatedAt = Instant.now();
    }

    /** The patient's record was merged into {@code survivorId}: the appointment is theirs now. */
    void moveTo(UUID survivorId) {
        patientId = survivorId;
        updatedAt = Instant.now();
    }

    boolean isActive() {
        return AppointmentStatus.ACTIVE.contains(status);
    }

    private void at(Instant newStart, int newMinutes) {
        startAt = newStart;
        minutes = newMinutes;
        endAt = newStart.plusSeconds(60L * newMinutes);
    }

    private void move(String action, AppointmentStatus to, Set<AppointmentStatus> from) {
        if (!from.contains(status)) {
            throw refused(action);
        }
        status = to;
        updatedAt = Instant.now();
    }

    private void require(String action, AppointmentStatus allowed) {
        if (status != allowed) {
            throw refused(action);
        }
    }

    private ProblemException refused(String action) {
        return new ProblemException(Problem.of("invalid-status", "Conflict", 409,
                        "cannot " + action + " appointment " + id + ": it is " + status.code())
                .with("currentStatus", status.code()));
    }
}
