package org.hms.scheduling.appointment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Appointments in PostgreSQL. */
@ApplicationScoped
@WithSession
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    /** A practitioner's appointments starting in {@code [from, to)}, erased patients' left out. */
    public Uni<List<Appointment>> ofPractitioner(UUID practitionerId, Instant from, Instant to) {
        return list("practitionerId = ?1 and startAt >= ?2 and startAt < ?3 and patientErased = false",
                Sort.by("startAt").and("id"), practitionerId, from, to);
    }

    /** One page of a patient's appointments from {@code now} on (upcoming) or before it (past). */
    public Uni<List<Appointment>> ofPatient(UUID patientId, boolean upcoming, Instant now, int page, int size) {
        Sort order = upcoming ? Sort.by("startAt").and("id") : Sort.descending("startAt").and("id");
        return find(patientQuery(upcoming), order, patientId, now).page(Page.of(page, size)).list();
    }

    public Uni<Long> countOfPatient(UUID patientId, boolean upcoming, Instant now) {
        return count(patientQuery(upcoming), patientId, now);
    }

    /** Every appointment held under a patient id (erasure, merge). */
    public Uni<List<Appointment>> allOfPatient(UUID patientId) {
        return list("patientId = ?1", Sort.by("startAt").and("id"), patientId);
    }

    /** Whether {@code patientId} has an active appointment overlapping {@code [start, end)}. */
    public Uni<Boolean> patientBusy(UUID patientId, Instant start, Instant end) {
        return count("patientId = ?1 and status in ?2 and startAt < ?3 and endAt > ?4", patientId,
                List.of(AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN), end, start)
                .map(n -> n > 0);
    }

    private static String patientQuery(boolean upcoming) {
        return "patientId = ?1 and patientErased = false and startAt " + (upcoming ? ">=" : "<") + " ?2";
    }
}
