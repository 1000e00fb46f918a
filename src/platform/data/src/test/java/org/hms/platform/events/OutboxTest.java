package org.hms.platform.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hms.contracts.EventEnvelope;
import org.hms.contracts.EventSchemas;
import org.hms.platform.security.Roles;
import org.hms.platform.testapp.CloudEventAssertions;
import org.hms.platform.testapp.NoteWritten;
import org.hms.platform.testapp.Notes;
import org.hms.platform.testapp.TestDb;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    static final KafkaEvents kafka = new KafkaEvents();

    @Inject
    TestDb db;

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry registry;

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void aChangeAndItsEventCommitTogetherAndTheEventTravelsAsACloudEvent() throws Exception {
        KafkaEvents.Mark mark = kafka.mark(NoteWritten.TOPIC);
        Map<String, Object> body = Notes.body();
        UUID note = Notes.id(Notes.create(body));

        ConsumerRecord<String, String> record = kafka.awaitOne(mark, KafkaEvents.key(note));

        JsonNode envelope = EventSchemas.JSON.readTree(record.value());
        assertThat(KafkaEvents.header(record, "content-type")).isEqualTo("application/cloudevents+json");
        assertThat(CloudEventAssertions.envelopeViolations(envelope)).isEmpty();
        assertThat(envelope.path("specversion").asText()).isEqualTo("1.0");
        assertThat(envelope.path("type").asText()).isEqualTo("org.hms.platform-test.NoteWritten");
        assertThat(envelope.path("source").asText()).isEqualTo("/hms/platform-test");
        assertThat(envelope.path("subject").asText()).isEqualTo(record.key()).isEqualTo(note.toString());
        assertThat(Instant.parse(envelope.path("time").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(envelope.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(envelope.path("dataschema").asText())
                .isEqualTo("urn:hms:schema:org.hms.platform-test.NoteWritten:v1");
        assertThat(envelope.path("schemaversion").asInt()).isEqualTo(1);
        assertThat(EventSchemas.violations(NoteWritten.CONTRACT, envelope.path("data"))).isEmpty();
        assertThat(envelope.path("data").path("noteId").asText()).isEqualTo(note.toString());
        assertThat(envelope.path("data").path("text").asText()).isEqualTo(body.get("text"));

        UUID eventId = UUID.fromString(envelope.path("id").asText());
        assertThat(db.count("select count(*) from test_note where id = $1", note)).isOne();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> db.count("select count(*) from outbox where id = $1 and sent_at is not null", eventId)
                        == 1);
    }

    @Test
    void aRolledBackChangeLeavesNeitherRowNorOutboxEntryNorEvent() {
        KafkaEvents.Mark mark = kafka.mark(NoteWritten.TOPIC);
        String text = "doomed " + UUID.randomUUID();
        Map<String, Object> doomed = Notes.body(UUID.randomUUID(), text);
        doomed.put("failAfterInsert", true);

        given().auth().oauth2(TestTokens.of(Roles.RECEPTIONIST)).contentType(ContentType.JSON).body(doomed)
                .post(Notes.NOTES)
                .then()
                .statusCode(409);

        assertThat(db.count("select count(*) from test_note where text = $1", text)).isZero();
        assertThat(db.count("select count(*) from outbox where envelope like $1", "%" + text + "%")).isZero();
        // a change made afterwards is published; nothing of the rolled-back one came before it
        UUID later = Notes.id(Notes.create(Notes.body()));
        kafka.awaitOne(mark, KafkaEvents.key(later));
        assertThat(kafka.since(mark)).noneMatch(KafkaEvents.containing(text));
    }

    @Test
    void eventsWrittenWhileTheRelayIsPausedAreAllPublishedInOrderPerSubjectOnResume() {
        KafkaEvents.Mark mark = kafka.mark(NoteWritten.TOPIC);
        UUID first;
        UUID second;
        relay.pause();
        try {
            first = Notes.id(Notes.create(Notes.body()));
            second = Notes.id(Notes.create(Notes.body()));
            for (int version = 0; version < 3; version++) {
                Notes.rewrite(first, version, "first v" + (version + 1));
                Notes.rewrite(second, version, "second v" + (version + 1));
            }

            assertThat(pending(first, second)).isEqualTo(8);
            assertThat(kafka.since(mark)).noneMatch(ofEither(first, second));
        } finally {
            relay.resume();
        }

        List<ConsumerRecord<String, String>> published =
                kafka.await(mark, 8, ofEither(first, second), Duration.ofSeconds(30));
        assertThat(versionsInTopicOrder(published, first)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(versionsInTopicOrder(published, second)).containsExactly(0L, 1L, 2L, 3L);
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(first, second) == 0);
    }

    @Test
    void aRowKafkaCanNeverTakeIsParkedWithItsReasonAndTheRowsBehindItFlow() {
        KafkaEvents.Mark mark = kafka.mark(NoteWritten.TOPIC);
        double parkedBefore = registry.counter("hms.outbox.parked").count();
        UUID tooLarge = UUID.randomUUID();
        UUID badTopic = UUID.randomUUID();
        UUID after;
        relay.pause();
        try {
            // larger than the producer's max.request.size (1 MiB), and a topic name Kafka refuses
            db.rows("insert into outbox (id, topic, message_key, type, envelope) values ($1, $2, $3, 'test.Big', $4),"
                            + " ($5, 'not a topic!', $6, 'test.BadTopic', '{}')",
                    tooLarge, NoteWritten.TOPIC, tooLarge.toString(), "x".repeat(2 * 1024 * 1024), badTopic,
                    badTopic.toString());
            after = Notes.id(Notes.create(Notes.body()));
        } finally {
            relay.resume();
        }

        kafka.awaitOne(mark, KafkaEvents.key(after));
        await().atMost(Duration.ofSeconds(30)).until(() -> parkReason(tooLarge) != null && parkReason(badTopic) != null);
        assertThat(parkReason(tooLarge)).startsWith("RecordTooLargeException");
        assertThat(parkReason(badTopic)).startsWith("InvalidTopicException");
        assertThat(db.count("select count(*) from outbox where id = any($1) and sent_at is null",
                (Object) new UUID[] {tooLarge, badTopic})).isEqualTo(2);
        assertThat(registry.counter("hms.outbox.parked").count()).isGreaterThanOrEqualTo(parkedBefore + 2);
        assertThat(kafka.since(mark)).noneMatch(KafkaEvents.key(tooLarge));
        // parked rows stay out of the way: later events keep flowing
        UUID later = Notes.id(Notes.create(Notes.body()));
        kafka.awaitOne(mark, KafkaEvents.key(later));
        db.rows("delete from outbox where id = any($1)", (Object) new UUID[] {tooLarge, badTopic});
    }

    private String parkReason(UUID id) {
        return db.rows("select park_reason from outbox where id = $1 and parked_at is not null", id).stream()
                .map(row -> row.getString(0))
                .findFirst()
                .orElse(null);
    }

    private long pending(UUID first, UUID second) {
        return db.count("select count(*) from outbox where message_key in ($1, $2) and sent_at is null",
                first.toString(), second.toString());
    }

    private static Predicate<ConsumerRecord<String, String>> ofEither(UUID first, UUID second) {
        return KafkaEvents.key(first).or(KafkaEvents.key(second));
    }

    /** The versions carried by one subject's events, in the order its partition holds them. */
    private static List<Long> versionsInTopicOrder(List<ConsumerRecord<String, String>> records, UUID subject) {
        List<Long> versions = new ArrayList<>();
        records.stream()
                .filter(KafkaEvents.key(subject))
                .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .forEach(r -> versions.add(envelope(r).data().path("version").asLong()));
        return versions;
    }

    private static EventEnvelope envelope(ConsumerRecord<String, String> record) {
        try {
            return EventSchemas.JSON.readValue(record.value(), EventEnvelope.class);
        } catch (Exception e) {
            throw new AssertionError("not an envelope: " + record.value(), e);
        }
    }
}
