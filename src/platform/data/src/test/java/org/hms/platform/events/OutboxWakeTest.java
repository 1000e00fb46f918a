package org.hms.platform.events;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.hms.platform.testapp.NoteWritten;
import org.hms.platform.testapp.Notes;
import org.hms.platform.testapp.TestDb;
import org.hms.platform.testing.KafkaEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The relay wakes when a transaction that wrote events commits, not at its next poll: with polling
 * set to once an hour, an event reaches Kafka only if the NOTIFY from the outbox trigger woke it.
 */
@QuarkusTest
@TestProfile(OutboxWakeTest.PollingHourly.class)
class OutboxWakeTest {

    public static class PollingHourly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hms.outbox.poll-interval", "1h");
        }
    }

    private static final Duration WITHIN = Duration.ofSeconds(10);

    static final KafkaEvents kafka = new KafkaEvents();

    @Inject
    TestDb db;

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void aCommittedEventIsRelayedWithoutWaitingForThePoll() {
        KafkaEvents.Mark mark = kafka.mark(NoteWritten.TOPIC);
        UUID note = Notes.id(Notes.create(Notes.body()));

        kafka.await(mark, 1, KafkaEvents.key(note), WITHIN);
    }

    @Test
    void aRelayWhoseListeningConnectionDropsListensAgain() {
        await().atMost(WITHIN).until(() -> listeners() == 1);
        db.count("select count(pg_terminate_backend(pid)) from pg_stat_activity where query = $1",
                "LISTEN " + OutboxRelay.CHANNEL);
        await().atMost(WITHIN).until(() -> listeners() == 1);

        KafkaEvents.Mark mark = kafka.mark(NoteWritten.TOPIC);
        UUID note = Notes.id(Notes.create(Notes.body()));

        kafka.await(mark, 1, KafkaEvents.key(note), WITHIN);
    }

    /** Connections of this database listening on the relay's channel (there is one test app). */
    private long listeners() {
        return db.count("select count(*) from pg_stat_activity where datname = current_database() and query = $1",
                "LISTEN " + OutboxRelay.CHANNEL);
    }
}
