package org.hms.scheduling.appointment;

import io.vertx.pgclient.PgException;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;

/**
 * The refusals of the exclusion constraints (SQLState 23P01, ADR 012) as the 409 a client can
 * act on: which of the two is taken, the practitioner or the patient.
 */
final class DoubleBookings {

    static final String EXCLUSION_VIOLATION = "23P01";
    static final String PRACTITIONER_TAKEN = "appointment_practitioner_taken";
    static final String PATIENT_TAKEN = "appointment_patient_taken";

    private DoubleBookings() {}

    static boolean isDoubleBooking(Throwable failure) {
        return exclusion(failure) != null;
    }

    static ProblemException conflict(Throwable failure) {
        PgException e = exclusion(failure);
        boolean patient = PATIENT_TAKEN.equals(e.getConstraint())
                || e.getConstraint() == null && String.valueOf(e.getMessage()).contains(PATIENT_TAKEN);
        return patient
                ? new ProblemException(Problem.of("patient-busy", "Conflict", 409,
                        "the patient already has an appointment at that time").with("taken", "patient"))
                : new ProblemException(Problem.of("slot-taken", "Conflict", 409,
                        "the practitioner is already booked at that time").with("taken", "practitioner"));
    }

    private static PgException exclusion(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && EXCLUSION_VIOLATION.equals(pg.getSqlState())) {
                return pg;
            }
        }
        return null;
    }
}
