package org.hms.emergency.alert;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hms.contracts.EventEnvelope;
import org.hms.contracts.clinical.VitalsAlertRaised;
import org.hms.platform.events.EventJson;
import org.hms.platform.events.IdempotentConsumer;
import org.hms.platform.events.MalformedEventException;

/**
 * Turns clinical's {@code VitalsAlertRaised} (on {@code hms.clinical}) into alerts: each event
 * once (its id recorded with the alert, so a redelivery raises nothing), what cannot be read to
 * {@code hms.clinical.dlq} with the reason. Other clinical events are recorded and ignored.
 */
@ApplicationScoped
public class VitalsAlerts {

    static final String CONSUMER = "emergency.clinical-alerts";
    private static final String VITALS_ALERT = VitalsAlertRaised.CONTRACT.type();

    private final IdempotentConsumer consumer;
    private final EventJson json;
    private final AlertService alerts;

    public VitalsAlerts(IdempotentConsumer consumer, EventJson json, AlertService alerts) {
        this.consumer = consumer;
        this.json = json;
        this.alerts = alerts;
    }

    @Incoming("clinical-alerts")
    public Uni<Void> consume(String message) {
        return consumer.apply(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(EventEnvelope event) {
        if (!VITALS_ALERT.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        VitalsAlertRaised vitals = json.payload(event, VitalsAlertRaised.class);
        if (vitals.vitalsId() == null || vitals.patientId() == null || vitals.drivers() == null) {
            throw new MalformedEventException("VitalsAlertRaised without vitalsId, patientId or drivers");
        }
        return alerts.fromVitals(vitals);
    }
}
