package org.hms.scheduling.appointment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Appointments in PostgreSQL; the queries are named on {@link Appointment}. */
@ApplicationScoped
@WithSession
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    /** A practitioner's appointments starting in {@code [from, to)}, erased patients' left out. */
    public Uni<List<Appointment>> ofPractitioner(UUID practitionerId, Instant from, Instant to) {
        return list("#Appointment.ofPractitioner",
                Parameters.with("practitioner", practitionerId).and("from", from).and("to", to));
    }

    /** One page of a patient's appointments from {@code now} on (upcoming) or before it (past). */
    public Uni<List<Appointment>> ofPatient(UUID patientId, boolean upcoming, Instant now, int page, int size) {
        return find(upcoming ? "#Appointment.upcomingOfPatient" : "#Appointment.pastOfPatient",
                Parameters.with("patient", patientId).and("now", now))
                .page(Page.of(page, size))
                .list();
    }

    public Uni<Long> countOfPatient(UUID patientId, boolean upcoming, Instant now) {
        return count(upcoming ? "#Appointment.countUpcomingOfPatient" : "#Appointment.countPastOfPatient",
                Parameters.with("patient", patientId).and("now", now));
    }

    /** Every appointment held under a patient id (erasure, merge). */
    public Uni<List<Appointment>> allOfPatient(UUID patientId) {
        return list("#Appointment.allOfPatient", Parameters.with("patient", patientId));
    }

    /** Whether {@code patientId} has an active appointment overlapping {@code [start, end)}. */
    public Uni<Boolean> patientBusy(UUID patientId, Instant start, Instant end) {
        return count("#Appointment.countActiveOverlapping", Parameters.with("patient", patientId)
                        .and("active", AppointmentStatus.ACTIVE).and("start", start).and("end", end))
                .map(n -> n > 0);
    }
}
