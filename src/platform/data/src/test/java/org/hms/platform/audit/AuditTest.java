package org.hms.platform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hms.contracts.EventSchemas;
import org.hms.contracts.Topics;
import org.hms.contracts.audit.AuditRecorded;
import org.hms.platform.events.OutboxRelay;
import org.hms.platform.security.Roles;
import org.hms.platform.testapp.Notes;
import org.hms.platform.testapp.TestDb;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Each call of an {@link Audited} endpoint, allowed or refused, is published on {@code hms.audit}. */
@QuarkusTest
class AuditTest {

    static final KafkaEvents kafka = new KafkaEvents();

    @Inject
    TestDb db;

    @Inject
    OutboxRelay relay;

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void aReadOfPatientDataIsAuditedWithWhoWhatWhichPatientAndTheRequestId() throws IOException {
        UUID patient = UUID.randomUUID();
        UUID note = Notes.id(Notes.create(Notes.body(patient, "audited " + UUID.randomUUID())));
        String nurse = "nurse-" + UUID.randomUUID();
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);

        Response read = given().auth().oauth2(TestTokens.as(nurse, Roles.NURSE)).get(Notes.NOTES + "/" + note);
        read.then().statusCode(200);
        String requestId = read.header("X-Request-Id");

        ConsumerRecord<String, String> record = kafka.awaitOne(mark, KafkaEvents.containing(requestId));
        JsonNode envelope = EventSchemas.JSON.readTree(record.value());
        assertThat(EventSchemas.envelopeViolations(envelope)).isEmpty();
        assertThat(envelope.path("type").asText()).isEqualTo(AuditRecorded.CONTRACT.type());
        assertThat(record.key()).as("one patient's trail stays in order").isEqualTo(patient.toString());

        JsonNode data = envelope.path("data");
        assertThat(EventSchemas.violations(AuditRecorded.CONTRACT, data)).isEmpty();
        AuditRecorded audit = EventSchemas.JSON.treeToValue(data, AuditRecorded.class);
        assertThat(audit.actor()).isEqualTo(nurse);
        assertThat(audit.roles()).containsExactly(Roles.NURSE);
        assertThat(audit.action()).isEqualTo("read");
        assertThat(audit.resource()).isEqualTo("TestNote");
        assertThat(audit.resourceId()).isEqualTo(note.toString());
        assertThat(audit.patientIds()).isEqualTo(List.of(patient));
        assertThat(audit.outcome()).isEqualTo("success");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.service()).isEqualTo("platform-test");
        assertThat(audit.method()).isEqualTo("GET");
        assertThat(audit.path()).isEqualTo(Notes.NOTES + "/" + note);
        assertThat(audit.requestId()).isEqualTo(requestId);
        assertThat(audit.breakTheGlassReason()).isNull();
    }

    @Test
    void aRefusedAttemptIsAuditedAsDenied() throws IOException {
        UUID note = Notes.id(Notes.create(Notes.body()));
        String clerk = "clerk-" + UUID.randomUUID();
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);

        Response refused =
                given().auth().oauth2(TestTokens.as(clerk, Roles.BILLING_CLERK)).get(Notes.NOTES + "/" + note);
        refused.then().statusCode(403);

        ConsumerRecord<String, String> record =
                kafka.awaitOne(mark, KafkaEvents.containing(refused.header("X-Request-Id")));
        JsonNode data = EventSchemas.JSON.readTree(record.value()).path("data");
        assertThat(EventSchemas.violations(AuditRecorded.CONTRACT, data)).isEmpty();
        AuditRecorded audit = EventSchemas.JSON.treeToValue(data, AuditRecorded.class);
        assertThat(audit.actor()).isEqualTo(clerk);
        assertThat(audit.roles()).containsExactly(Roles.BILLING_CLERK);
        assertThat(audit.action()).isEqualTo("read");
        assertThat(audit.outcome()).isEqualTo("denied");
        assertThat(audit.status()).isEqualTo(403);
        // the path's id is a note's: only an id following /patients/ names a patient
        assertThat(audit.resourceId()).isEqualTo(note.toString());
        assertThat(audit.patientIds()).isEmpty();
    }

    @Test
    void aBreakTheGlassReasonIsRecorded() throws IOException {
        UUID note = Notes.id(Notes.create(Notes.body()));
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);

        Response read = given().auth().oauth2(TestTokens.of(Roles.PHYSICIAN))
                .header(AuditFilter.BREAK_THE_GLASS, "unconscious patient in resus")
                .get(Notes.NOTES + "/" + note);
        read.then().statusCode(200);

        ConsumerRecord<String, String> record =
                kafka.awaitOne(mark, KafkaEvents.containing(read.header("X-Request-Id")));
        JsonNode data = EventSchemas.JSON.readTree(record.value()).path("data");
        assertThat(data.path("breakTheGlassReason").asText()).isEqualTo("unconscious patient in resus");
    }

    @Test
    void aWriteIsAuditedOnceAndInTheSameTransactionAsTheChange() throws IOException {
        UUID patient = UUID.randomUUID();
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);
        UUID note;
        String requestId;
        relay.pause(); // rows keep the transaction id that wrote them until the relay stamps them
        try {
            Response created = Notes.create(Notes.body(patient, "audited write " + UUID.randomUUID()));
            note = Notes.id(created);
            requestId = created.header("X-Request-Id");
            assertThat(db.count("select count(*) from outbox where type = $1 and envelope like $2",
                    AuditRecorded.CONTRACT.type(), "%" + requestId + "%")).as("audited once").isOne();
            assertThat(db.count("select count(distinct xmin::text) from outbox where message_key = $1"
                            + " or (type = $2 and envelope like $3)",
                    note.toString(), AuditRecorded.CONTRACT.type(), "%" + requestId + "%"))
                    .as("the change's event and its audit event were written by one transaction")
                    .isOne();
        } finally {
            relay.resume();
        }

        ConsumerRecord<String, String> record = kafka.awaitOne(mark, KafkaEvents.containing(requestId));
        AuditRecorded audit = EventSchemas.JSON.treeToValue(
                EventSchemas.JSON.readTree(record.value()).path("data"), AuditRecorded.class);
        assertThat(audit.action()).isEqualTo("create");
        assertThat(audit.resourceId()).isEqualTo(note.toString());
        assertThat(audit.patientIds()).containsExactly(patient);
        assertThat(audit.outcome()).isEqualTo("success");
        assertThat(audit.status()).isEqualTo(201);
        assertThat(audit.method()).isEqualTo("POST");
        assertThat(audit.path()).isEqualTo(Notes.NOTES);
        assertThat(audit.requestId()).isEqualTo(requestId);
    }

    @Test
    void aWriteThatRollsBackLeavesOnlyTheAuditOfItsFailure() throws IOException {
        UUID patient = UUID.randomUUID();
        Map<String, Object> doomed = Notes.body(patient, "doomed " + UUID.randomUUID());
        doomed.put("failAfterInsert", true);
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);

        Response refused = given().auth().oauth2(TestTokens.of(Roles.RECEPTIONIST)).contentType(ContentType.JSON)
                .body(doomed).post(Notes.NOTES);
        refused.then().statusCode(409);
        String requestId = refused.header("X-Request-Id");

        ConsumerRecord<String, String> record = kafka.awaitOne(mark, KafkaEvents.containing(requestId));
        AuditRecorded audit = EventSchemas.JSON.treeToValue(
                EventSchemas.JSON.readTree(record.value()).path("data"), AuditRecorded.class);
        assertThat(audit.outcome()).isEqualTo("failed");
        assertThat(audit.status()).isEqualTo(409);
        kafka.awaitOne(mark, KafkaEvents.containing(Notes.id(Notes.create(Notes.body())).toString()));
        assertThat(kafka.since(mark)).filteredOn(KafkaEvents.containing(requestId))
                .as("the success recorded inside the rolled-back transaction is gone with it")
                .hasSize(1);
    }

    @Test
    void theOutcomeOfAStatusIsTheSameForEveryAuditPath() {
        assertThat(AuditOutcome.of(200)).isEqualTo("success");
        assertThat(AuditOutcome.of(201)).isEqualTo("success");
        assertThat(AuditOutcome.of(301)).isEqualTo("success");
        assertThat(AuditOutcome.of(401)).isEqualTo("denied");
        assertThat(AuditOutcome.of(403)).isEqualTo("denied");
        assertThat(AuditOutcome.of(423)).isEqualTo("denied");
        assertThat(AuditOutcome.of(429)).isEqualTo("denied");
        assertThat(AuditOutcome.of(404)).isEqualTo("not-found");
        assertThat(AuditOutcome.of(410)).isEqualTo("not-found");
        assertThat(AuditOutcome.of(400)).isEqualTo("failed");
        assertThat(AuditOutcome.of(409)).isEqualTo("failed");
        assertThat(AuditOutcome.of(412)).isEqualTo("failed");
        assertThat(AuditOutcome.of(500)).isEqualTo("failed");
    }
}
