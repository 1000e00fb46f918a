package org.hms.scheduling.patient;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.hms.platform.patientview.PatientViewListener;
import org.hms.scheduling.appointment.AppointmentService;

/**
 * Scheduling's reactions to its patient view (hms.patients): an erased patient's future
 * appointments are cancelled and their free text removed; a merged patient's appointments
 * move to the survivor. Each runs in the view's transaction, once per event.
 */
@ApplicationScoped
public class PatientAppointments implements PatientViewListener {

    private final AppointmentService appointments;

    public PatientAppointments(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @Override
    public Uni<Void> erased(UUID patientId) {
        return appointments.forgetPatient(patientId);
    }

    @Override
    public Uni<Void> merged(UUID retiredId, UUID survivorId) {
        return appointments.moveToSurvivor(retiredId, survivorId);
    }
}
