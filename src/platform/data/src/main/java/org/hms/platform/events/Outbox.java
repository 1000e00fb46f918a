package org.hms.platform.events;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.EventEnvelope;
import org.hms.platform.config.PlatformConfig;

/**
 * Where services put the events their changes cause. {@link #add} writes to the outbox table
 * in the caller's transaction: the change and its event commit together or not at all, and
 * the {@link OutboxRelay} publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final EventJson json;
    private final String source;

    public Outbox(EventJson json, PlatformConfig config) {
        this.json = json;
        this.source = "/hms/" + config.serviceName();
    }

    /** Stores the event in the current transaction; call it inside {@code @WithTransaction}. */
    public Uni<EventEnvelope> add(DomainEvent event) {
        EventEnvelope envelope = envelope(event);
        OutboxMessage message = new OutboxMessage();
        message.id = envelope.id();
        message.topic = event.contract().topic();
        message.key = envelope.subject();
        message.type = envelope.type();
        message.envelope = json.write(envelope);
        message.createdAt = envelope.time();
        return Panache.getSession().chain(session -> session.persist(message)).replaceWith(envelope);
    }

    /**
     * Erasure: removes, in the current transaction, what the outbox still holds of one subject's
     * personal data — its already-published rows (any type) and its unsent or parked rows of the
     * given types. Unsent rows of other types (the erasure event itself, audit events) stay and
     * go out. The number of rows removed.
     */
    public Uni<Integer> forget(String subject, Collection<String> typesWithPersonalData) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from outbox where message_key = ?1"
                                + " and (sent_at is not null or type in (?2))")
                        .setParameter(1, subject)
                        .setParameter(2, List.copyOf(typesWithPersonalData))
                        .executeUpdate());
    }

    /** The CloudEvents envelope of an event, stamped with the current trace context. */
    public EventEnvelope envelope(DomainEvent event) {
        EventContract contract = event.contract();
        Map<String, String> trace = currentTraceContext();
        return new EventEnvelope(
                EventEnvelope.SPEC_VERSION,
                UUID.randomUUID(),
                contract.type(),
                source,
                event.subject(),
                Instant.now(),
                "application/json",
                contract.dataSchema(),
                contract.schemaVersion(),
                trace.get("traceparent"),
                trace.get("tracestate"),
                json.mapper().valueToTree(event));
    }

    private static Map<String, String> currentTraceContext() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier;
    }
}
