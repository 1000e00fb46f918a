package org.hms.emergency.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hms.contracts.EventEnvelope;
import org.hms.contracts.emergency.AlertAcknowledged;
import org.hms.contracts.emergency.AlertEscalated;
import org.hms.contracts.emergency.AlertRaised;
import org.hms.contracts.emergency.EdVisitArrived;
import org.hms.contracts.emergency.EdVisitDeparted;
import org.hms.contracts.emergency.EdVisitIdentified;
import org.hms.contracts.emergency.EdVisitSeen;
import org.hms.contracts.emergency.EdVisitTriaged;
import org.hms.emergency.config.EmergencyConfig;
import org.hms.platform.events.EventJson;

/**
 * This replica's fan-out of {@code hms.emergency} to its SSE clients (ADR 014). It reads the topic
 * in a consumer group of its own (so every replica sees every event, whichever replica's outbox
 * published it), from the latest offset, committing nothing: a stream is live, and a client that
 * reconnects re-reads the open alerts. Each subscriber gets a bounded buffer; one that falls
 * further behind is cut off (its stream ends) instead of growing memory.
 */
@ApplicationScoped
public class AlertHub {

    private static final Map<String, String> ALERT_TYPES = Map.of(
            AlertRaised.CONTRACT.type(), "alert-raised",
            AlertAcknowledged.CONTRACT.type(), "alert-acknowledged",
            AlertEscalated.CONTRACT.type(), "alert-escalated");
    private static final Map<String, String> BOARD_CHANGES = Map.of(
            EdVisitArrived.CONTRACT.type(), "arrived",
            EdVisitTriaged.CONTRACT.type(), "triaged",
            EdVisitIdentified.CONTRACT.type(), "identified",
            EdVisitSeen.CONTRACT.type(), "seen",
            EdVisitDeparted.CONTRACT.type(), "departed");

    private final BroadcastProcessor<AlertNotice> processor = BroadcastProcessor.create();
    private final EventJson json;
    private final EmergencyConfig config;
    private final Counter cutOff;

    public AlertHub(EventJson json, EmergencyConfig config, MeterRegistry registry) {
        this.json = json;
        this.config = config;
        this.cutOff = registry.counter("hms.emergency.stream.slow-subscribers-cut-off");
    }

    /** One event of hms.emergency; what this hub cannot read is skipped (the stream is best effort). */
    @Incoming("alert-stream")
    public void receive(String message) {
        try {
            AlertNotice notice = notice(json.read(message));
            if (notice != null) {
                synchronized (processor) { // onNext must never run concurrently
                    processor.onNext(notice);
                }
            }
        } catch (RuntimeException e) {
            Log.debugf("skipped an hms.emergency message the stream cannot read: %s", e.getMessage());
        }
    }

    /** The live notices from now on, for one subscriber, with its own bounded buffer. */
    public Multi<AlertNotice> notices() {
        return processor.onOverflow().buffer(config.streamBuffer())
                .onFailure().invoke(e -> cutOff.increment())
                .onFailure().recoverWithCompletion();
    }

    static AlertNotice notice(EventEnvelope event) {
        JsonNode d = event.data();
        String alertType = ALERT_TYPES.get(event.type());
        if (alertType != null) {
            return new AlertNotice(event.id(), alertType, null, uuid(d, "alertId"), uuid(d, "visitId"),
                    uuid(d, "patientId"), text(d, "severity"), text(d, "location"), text(d, "reason"), event.time());
        }
        String change = BOARD_CHANGES.get(event.type());
        if (change != null) {
            return new AlertNotice(event.id(), "board-changed", change, null, uuid(d, "visitId"),
                    uuid(d, "patientId"), null, null, null, event.time());
        }
        return null;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static UUID uuid(JsonNode data, String field) {
        String value = text(data, field);
        return value == null ? null : UUID.fromString(value);
    }
}
