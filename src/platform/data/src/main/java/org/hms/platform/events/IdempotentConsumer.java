package org.hms.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.hms.contracts.EventEnvelope;

/**
 * Applies each event at most once per consumer. The event id is recorded in the same
 * transaction as the effect, so a redelivered event (a relay that sent twice, a consumer
 * that crashed before committing its offset) finds its id and changes nothing.
 *
 * <p>A message that can never be processed ({@link MalformedEventException}, or an effect
 * that still fails after retries) fails the returned {@code Uni}; the channel's
 * {@code failure-strategy=dead-letter-queue} then moves it to {@code <topic>.dlq} with the
 * reason, and the partition goes on.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final EventJson json;
    private final MeterRegistry registry;

    public IdempotentConsumer(EventJson json, MeterRegistry registry) {
        this.json = json;
        this.registry = registry;
    }

    /**
     * Decodes {@code message} and runs {@code effect} once for its event id.
     *
     * @param consumer a stable name for this consumer, e.g. "scheduling.patient-view"
     */
    public Uni<Void> apply(String consumer, String message, Function<EventEnvelope, Uni<Void>> effect) {
        EventEnvelope envelope;
        try {
            envelope = json.read(message);
        } catch (RuntimeException malformed) {
            count(consumer, "failed");
            return Uni.createFrom().failure(malformed); // as documented: a failed Uni, never a throw
        }
        return Panache.withTransaction(() -> claim(consumer, envelope.id())
                        .chain(first -> first ? effect.apply(envelope).replaceWith(true) : Uni.createFrom()
                                .item(false)))
                .invoke(applied -> count(consumer, applied ? "applied" : "duplicate"))
                .onFailure(e -> !(e instanceof MalformedEventException))
                .retry()
                .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2))
                .atMost(4)
                .onFailure()
                .invoke(() -> count(consumer, "failed"))
                .replaceWithVoid();
    }

    private Uni<Boolean> claim(String consumer, UUID eventId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into processed_event (consumer, event_id) values (?1, ?2) on conflict do nothing")
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private void count(String consumer, String outcome) {
        registry.counter("hms.events.consumed", "consumer", consumer, "outcome", outcome)
                .increment();
    }
}
