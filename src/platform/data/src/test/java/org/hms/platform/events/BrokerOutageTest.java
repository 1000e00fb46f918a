package org.hms.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hms.contracts.EventSchemas;
import org.hms.platform.testapp.TestDb;
import org.hms.platform.testing.KafkaEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The relay against a broker that really dies: this test runs its own broker (never the
 * shared one), SIGKILLs it while the relay is sending a large backlog, and starts it again.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.OwnBroker.class)
class BrokerOutageTest {

    static final String TOPIC = "hms.platform-test.outage";
    static final int EVENTS = 5000;
    static final KillableBroker broker = new KillableBroker();

    /** The relay publishes to the killable broker; a failed send is given up after 3 s. */
    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.hms-outbox.bootstrap.servers", KillableBroker.BOOTSTRAP,
                    "mp.messaging.outgoing.hms-outbox.delivery.timeout.ms", "3000",
                    "mp.messaging.outgoing.hms-outbox.request.timeout.ms", "1500",
                    "mp.messaging.outgoing.hms-outbox.max.block.ms", "500",
                    "hms.outbox.batch-size", "100",
                    "hms.outbox.send-window", "32",
                    "hms.outbox.backoff-initial", "200ms",
                    "hms.outbox.backoff-max", "5s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StartedBroker.class));
        }
    }

    /** Formats and starts the broker before the application (and its producer) starts. */
    public static class StartedBroker implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            broker.format();
            broker.start();
            try (KafkaEvents kafka = new KafkaEvents(KillableBroker.BOOTSTRAP)) {
                kafka.companion().topics().createAndWait(TOPIC, 3);
            }
            return Map.of();
        }

        @Override
        public void stop() {
            broker.kill();
        }
    }

    @Inject
    TestDb db;

    @Inject
    OutboxRelay relay;

    @AfterAll
    static void killBroker() {
        broker.kill();
    }

    @Test
    void aBrokerKilledMidBatchLosesNoEventAndTheRelayBacksOffUntilItReturns() throws Exception {
        String run = UUID.randomUUID().toString();
        relay.pause();
        try {
            db.rows("insert into outbox (id, topic, message_key, type, envelope)"
                    + " select id, $1, 'outage-' || (n % 7), 'test.Outage',"
                    + " '{\"id\":\"' || id || '\",\"run\":\"' || $2 || '\",\"n\":' || n || '}'"
                    + " from (select gen_random_uuid() as id, n from generate_series(1, $3) n) rows",
                    TOPIC, run, EVENTS);
        } finally {
            relay.resume();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2)).until(() -> sent(run) >= 300);

        broker.kill();
        long sentWhenKilled = sent(run);
        assertThat(sentWhenKilled).as("killed mid-backlog").isLessThan(EVENTS);

        // sends fail (after the delivery timeout): the relay waits longer after each failed pass
        await().atMost(Duration.ofSeconds(120)).until(() -> relay.currentBackoff().toMillis() >= 800);
        assertThat(sent(run)).as("nothing is stamped sent while the broker is dead").isLessThan(EVENTS);

        broker.start();
        await().atMost(Duration.ofSeconds(120)).until(() -> sent(run) == EVENTS);
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.currentBackoff().isZero());
        assertThat(db.count("select count(*) from outbox where envelope like $1 and parked_at is not null",
                "%" + run + "%")).isZero();

        try (KafkaEvents kafka = new KafkaEvents(KillableBroker.BOOTSTRAP)) {
            List<ConsumerRecord<String, String>> records = kafka.since(kafka.beginning(TOPIC)).stream()
                    .filter(KafkaEvents.containing(run))
                    .toList();
            Set<String> ids = new HashSet<>();
            for (ConsumerRecord<String, String> record : records) {
                ids.add(EventSchemas.JSON.readTree(record.value()).path("id").asText());
            }
            Set<String> stored = new HashSet<>();
            db.rows("select id::text from outbox where type = 'test.Outage' and envelope like $1", "%" + run + "%")
                    .forEach(row -> stored.add(row.getString(0)));
            assertThat(ids).as("every event arrived; a repeat is the same event id, which consumers drop")
                    .hasSize(EVENTS)
                    .isEqualTo(stored);
        }
    }

    private long sent(String run) {
        return db.count("select count(*) from outbox where envelope like $1 and sent_at is not null", "%" + run + "%");
    }
}
