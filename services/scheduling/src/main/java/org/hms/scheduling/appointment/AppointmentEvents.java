package org.hms.scheduling.appointment;

import java.time.Instant;
import org.hms.contracts.scheduling.AppointmentBooked;
import org.hms.contracts.scheduling.AppointmentCancelled;
import org.hms.contracts.scheduling.AppointmentCheckedIn;
import org.hms.contracts.scheduling.AppointmentCompleted;
import org.hms.contracts.scheduling.AppointmentNoShow;
import org.hms.contracts.scheduling.AppointmentRescheduled;

/**
 * The one place an appointment becomes an event payload. No event carries the reason for the
 * visit nor a cancellation's reason: both are free text (personal health information) that no
 * consumer needs; a clinician reads them here, audited.
 */
final class AppointmentEvents {

    /** Causes of a cancellation, as AppointmentCancelled names them. */
    static final String REQUESTED = "requested";
    static final String PATIENT_ERASED = "patient-erased";
    static final String PATIENT_MERGED = "patient-merged";

    private AppointmentEvents() {}

    static AppointmentBooked booked(Appointment a) {
        return new AppointmentBooked(a.id, a.patientId, a.practitionerId, a.startAt, a.minutes, a.type, a.bookedAt,
                a.version);
    }

    static AppointmentRescheduled rescheduled(Appointment a, Instant previousStart) {
        return new AppointmentRescheduled(a.id, a.patientId, a.practitionerId, previousStart, a.startAt, a.minutes,
                a.version);
    }

    static AppointmentCancelled cancelled(Appointment a, String cause) {
        return new AppointmentCancelled(a.id, a.patientId, a.practitionerId, a.startAt, a.minutes, cause, a.cancelledAt,
                a.version);
    }

    static AppointmentCheckedIn checkedIn(Appointment a) {
        return new AppointmentCheckedIn(a.id, a.patientId, a.practitionerId, a.startAt, a.minutes, a.type, a.checkedInAt,
                a.version);
    }

    static AppointmentNoShow noShow(Appointment a) {
        return new AppointmentNoShow(a.id, a.patientId, a.practitionerId, a.startAt, a.minutes, a.type, a.updatedAt,
                a.version);
    }

    static AppointmentCompleted completed(Appointment a) {
        return new AppointmentCompleted(a.id, a.patientId, a.practitionerId, a.startAt, a.minutes, a.type,
                a.completedAt, a.version);
    }
}
