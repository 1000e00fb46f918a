package org.hms.platform.testapp;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hms.contracts.EventEnvelope;
import org.hms.platform.events.IdempotentConsumer;

/**
 * The test application's consumer of {@code hms.platform-test.inbox}: each event, applied
 * once, leaves one {@code test_effect} row.
 */
@ApplicationScoped
public class TestInbox {

    public static final String TOPIC = "hms.platform-test.inbox";
    public static final String CONSUMER = "platform-test";
    public static final String POISON = "poison";
    public static final String FLAKY = "flaky";

    private final Set<UUID> failedOnce = ConcurrentHashMap.newKeySet();

    private final IdempotentConsumer consumer;

    public TestInbox(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("platform-test-in")
    public Uni<Void> consume(String message) {
        return consumer.apply(CONSUMER, message, this::recordEffect);
    }

    /**
     * Inserts the effect row. Then an event whose text starts with "poison" fails, every time;
     * one whose text starts with "flaky" fails the first time only.
     */
    private Uni<Void> recordEffect(EventEnvelope event) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into test_effect (event_id, subject, payload) values (?1, ?2, ?3)")
                        .setParameter(1, event.id())
                        .setParameter(2, event.subject())
                        .setParameter(3, event.data().toString())
                        .executeUpdate())
                .invoke(() -> {
                    String text = event.data().path("text").asText();
                    if (text.startsWith(POISON) || (text.startsWith(FLAKY) && failedOnce.add(event.id()))) {
                        throw new IllegalStateException("effect of " + event.id() + " failed after its insert");
                    }
                })
                .replaceWithVoid();
    }
}
