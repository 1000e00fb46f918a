package org.hms.clinical.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hms.clinical.encounter.EncounterService;
import org.hms.contracts.EventEnvelope;
import org.hms.contracts.scheduling.AppointmentCheckedIn;
import org.hms.platform.events.EventJson;
import org.hms.platform.events.IdempotentConsumer;
import org.hms.platform.events.MalformedEventException;

/**
 * Appointment check-ins on {@code hms.scheduling}: each opens the patient's outpatient
 * encounter, once per event (IdempotentConsumer) and once per appointment (the service). Other
 * scheduling events are recorded as processed and ignored; what cannot be read is dead-lettered.
 */
@ApplicationScoped
public class CheckInConsumer {

    static final String CONSUMER = "clinical.check-ins";
    private static final String CHECKED_IN = AppointmentCheckedIn.CONTRACT.type();

    private final IdempotentConsumer consumer;
    private final EventJson json;
    private final EncounterService encounters;

    public CheckInConsumer(IdempotentConsumer consumer, EventJson json, EncounterService encounters) {
        this.consumer = consumer;
        this.json = json;
        this.encounters = encounters;
    }

    @Incoming("check-ins")
    public Uni<Void> consume(String message) {
        return consumer.apply(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(EventEnvelope event) {
        if (!CHECKED_IN.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        AppointmentCheckedIn checkIn = json.payload(event, AppointmentCheckedIn.class);
        if (checkIn.appointmentId() == null || checkIn.patientId() == null) {
            throw new MalformedEventException("check-in without appointmentId or patientId");
        }
        return encounters.openFromCheckIn(checkIn);
    }
}
