package org.hms.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hms.contracts.Topics;
import org.hms.platform.testapp.NoteWritten;
import org.hms.platform.testapp.TestDb;
import org.hms.platform.testapp.TestInbox;
import org.hms.platform.testing.KafkaEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The test application's consumer ({@link TestInbox}) applies each event once, whatever Kafka redelivers. */
@QuarkusTest
class IdempotentConsumerTest {

    static final String DLQ = Topics.deadLetter(TestInbox.TOPIC);
    static final KafkaEvents kafka = new KafkaEvents();

    @Inject
    TestDb db;

    @Inject
    Outbox outbox;

    @Inject
    EventJson json;

    @Inject
    IdempotentConsumer consumer;

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void anEventDeliveredSeveralTimesIsAppliedOnce() {
        UUID subject = UUID.randomUUID();
        String twice = event(subject, "applied once");
        String other = event(subject, "another event");
        String last = event(subject, "sentinel");

        kafka.send(inbox(subject, twice), inbox(subject, twice), inbox(subject, other), inbox(subject, twice),
                inbox(subject, last));

        // one partition (same key), applied in order: once the last is in, the others were handled
        awaitEffect(last);
        assertThat(effects(twice)).isOne();
        assertThat(effects(other)).isOne();
        assertThat(db.count("select count(*) from processed_event where consumer = $1 and event_id = $2",
                        TestInbox.CONSUMER, idOf(twice)))
                .isOne();
        assertThat(db.count("select count(*) from test_effect where subject = $1", subject.toString()))
                .isEqualTo(3);
    }

    static List<Arguments> malformedMessages() {
        return List.of(
                arguments("not JSON", "this is not JSON", "not valid JSON"),
                arguments(
                        "JSON without id, type and data", "{\"note\": \"an envelope it is not\"}", "id, type and data"),
                arguments("JSON null", "null", "id, type and data"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedMessages")
    void aMalformedMessageGoesToTheDeadLetterTopicWithTheReasonAndThePartitionGoesOn(
            String kind, String message, String reason) {
        UUID subject = UUID.randomUUID();
        KafkaEvents.Mark dlq = kafka.mark(DLQ);
        String after = event(subject, "sent after the malformed one");

        kafka.send(inbox(subject, message), inbox(subject, after));

        ConsumerRecord<String, String> dead = kafka.awaitOne(dlq, KafkaEvents.key(subject));
        assertThat(dead.value()).isEqualTo(message);
        assertThat(KafkaEvents.header(dead, "dead-letter-reason")).contains(reason);
        awaitEffect(after);
        assertThat(db.count("select count(*) from test_effect where subject = $1", subject.toString())).isOne();
    }

    @Test
    void anEffectThatFailsOnceIsRetriedAndAppliedOnce() {
        UUID subject = UUID.randomUUID();
        String flaky = event(subject, TestInbox.FLAKY + " database hiccup");

        kafka.send(inbox(subject, flaky));

        awaitEffect(flaky);
        assertThat(db.count("select count(*) from processed_event where consumer = $1 and event_id = $2",
                        TestInbox.CONSUMER, idOf(flaky)))
                .isOne();
    }

    @Test
    void anEventWhoseEffectKeepsFailingIsDeadLetteredAndLeavesNothingBehind() {
        UUID subject = UUID.randomUUID();
        KafkaEvents.Mark dlq = kafka.mark(DLQ);
        String poison = event(subject, TestInbox.POISON + " pill");
        String after = event(subject, "sent after the poison pill");

        kafka.send(inbox(subject, poison), inbox(subject, after));

        ConsumerRecord<String, String> dead = kafka.awaitOne(dlq, KafkaEvents.key(subject));
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(KafkaEvents.header(dead, "dead-letter-reason")).contains("failed after its insert");
        awaitEffect(after);
        assertThat(effects(poison)).as("the failed effect rolled back").isZero();
        assertThat(db.count("select count(*) from processed_event where consumer = $1 and event_id = $2",
                        TestInbox.CONSUMER, idOf(poison)))
                .as("a failed event is not marked processed")
                .isZero();
    }

    @Test
    void aMalformedMessageFailsTheReturnedUniInsteadOfThrowing() {
        Uni<Void> applied = consumer.apply("platform-test.contract", "{\"id\": ", event -> Uni.createFrom().voidItem());

        assertThatThrownBy(() -> applied.await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not valid JSON");
    }

    private String event(UUID subject, String text) {
        return json.write(outbox.envelope(new NoteWritten(subject, UUID.randomUUID(), 0, text)));
    }

    private static ProducerRecord<String, String> inbox(UUID subject, String value) {
        return new ProducerRecord<>(TestInbox.TOPIC, subject.toString(), value);
    }

    private UUID idOf(String event) {
        return json.read(event).id();
    }

    private long effects(String event) {
        return db.count("select count(*) from test_effect where event_id = $1", idOf(event));
    }

    private void awaitEffect(String event) {
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(event) == 1);
    }
}
