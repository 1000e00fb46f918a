package org.hms.scheduling.appointment;

import java.sql.SQLException;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;

/**
 * The refusals of the exclusion constraints (SQLState 23P01, ADR 012) as the 409 a client can
 * act on: which of the two is taken, the practitioner or the patient. Hibernate Reactive
 * reports them as a {@link ConstraintViolationException} over an {@link SQLException}.
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
        Throwable e = exclusion(failure);
        String constraint = e instanceof ConstraintViolationException c && c.getConstraintName() != null
                ? c.getConstraintName()
                : String.valueOf(e.getMessage());
        return constraint.contains(PATIENT_TAKEN)
                ? new ProblemException(Problem.of("patient-busy", "Conflict", 409,
                        "the patient already has an appointment at that time").with("taken", "patient"))
                : new ProblemException(Problem.of("slot-taken", "Conflict", 409,
                        "the practitioner is already booked at that time").with("taken", "practitioner"));
    }

    /** The exclusion violation in the failure's causes, or null. */
    private static Throwable exclusion(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof JDBCException j ? j.getSQLState() : t instanceof SQLException s ? s.getSQLState() : null;
            if (EXCLUSION_VIOLATION.equals(state)
                    || state == null && String.valueOf(t.getMessage()).contains("(" + EXCLUSION_VIOLATION + ")")) {
                return t;
            }
        }
        return null;
    }
}
