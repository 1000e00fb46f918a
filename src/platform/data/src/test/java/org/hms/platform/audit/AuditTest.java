package org.hms.platform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hms.contracts.EventSchemas;
import org.hms.contracts.Topics;
import org.hms.contracts.audit.AuditRecorded;
import org.hms.platform.security.Roles;
import org.hms.platform.testapp.Notes;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Each call of an {@link Audited} endpoint, allowed or refused, is published on {@code hms.audit}. */
@QuarkusTest
class AuditTest {

    static final KafkaEvents kafka = new KafkaEvents();

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
}
