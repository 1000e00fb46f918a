package org.hms.patients.patient;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hms.patients.patient.PatientFixtures.PATIENTS;
import static org.hms.patients.patient.PatientFixtures.body;
import static org.hms.patients.patient.PatientFixtures.register;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hms.contracts.EventSchemas;
import org.hms.contracts.Topics;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What other services and the audit trail learn from the patients service, on the real broker. */
@QuarkusTest
class PatientEventsTest {

    static final KafkaEvents kafka = new KafkaEvents();

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void everyChangePublishesASchemaValidEventKeyedByThePatient() throws Exception {
        KafkaEvents.Mark mark = kafka.mark(Topics.PATIENTS);
        Map<String, Object> body = body();
        String id = register(body).path("id");
        body.put("email", "changed@example.org");
        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(body)
                .put(PATIENTS + "/" + id)
                .then()
                .statusCode(200);
        // published before the erasure: an erasure withdraws a patient's events not yet sent
        kafka.await(mark, 2, KafkaEvents.key(id), KafkaEvents.DEFAULT_TIMEOUT);
        String survivor = register(body()).path("id");
        given().auth().oauth2(TestTokens.of("admin")).contentType(ContentType.JSON)
                .body(Map.of("survivorId", survivor))
                .post(PATIENTS + "/" + id + "/merge")
                .then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.of("admin")).contentType(ContentType.JSON)
                .body(Map.of("reason", "test erasure"))
                .post(PATIENTS + "/" + id + "/erasure")
                .then()
                .statusCode(200);

        List<ConsumerRecord<String, String>> records =
                kafka.await(mark, 4, KafkaEvents.key(id), KafkaEvents.DEFAULT_TIMEOUT);

        List<JsonNode> envelopes = records.stream().map(PatientEventsTest::json).toList();
        assertThat(envelopes).extracting(e -> e.get("type").asText()).containsExactly(
                "org.hms.patients.PatientRegistered",
                "org.hms.patients.PatientUpdated",
                "org.hms.patients.PatientMerged",
                "org.hms.patients.PatientErased");
        for (int i = 0; i < records.size(); i++) {
            JsonNode envelope = envelopes.get(i);
            assertThat(EventSchemas.envelopeViolations(envelope)).isEmpty();
            assertThat(envelope.get("subject").asText()).isEqualTo(id);
            assertThat(envelope.get("source").asText()).isEqualTo("/hms/patients");
            assertThat(envelope.get("data").get("version").asLong()).isEqualTo(i);
            assertThat(KafkaEvents.header(records.get(i), "content-type")).isEqualTo("application/cloudevents+json");
        }
        assertThat(envelopes.get(0).get("data").get("patient").get("name").get("family").asText())
                .isEqualTo(((Map<?, ?>) body.get("name")).get("family"));
        assertThat(envelopes.get(1).get("data").get("patient").get("email").asText())
                .isEqualTo("changed@example.org");
        assertThat(envelopes.get(2).get("data").get("survivorId").asText()).isEqualTo(survivor);
        assertThat(envelopes.get(3).toString()).doesNotContain("changed@example.org");
    }

    @Test
    void everyReadOfPatientDataIsAuditedWithWhoWhatAndWhy() throws Exception {
        String id = register(body()).path("id");
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);

        String requestId = given().auth().oauth2(TestTokens.as("dr-house", "physician"))
                .header("X-Break-Glass-Reason", "unconscious patient in ED")
                .get(PATIENTS + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");

        JsonNode audit = json(kafka.awaitOne(mark, KafkaEvents.containing(requestId)));
        assertThat(EventSchemas.envelopeViolations(audit)).isEmpty();
        JsonNode data = audit.get("data");
        assertThat(data.get("actor").asText()).isEqualTo("dr-house");
        assertThat(data.get("roles").toString()).contains("physician");
        assertThat(data.get("action").asText()).isEqualTo("read");
        assertThat(data.get("resource").asText()).isEqualTo("Patient");
        assertThat(data.get("patientIds").get(0).asText()).isEqualTo(id);
        assertThat(data.get("outcome").asText()).isEqualTo("success");
        assertThat(data.get("breakTheGlassReason").asText()).isEqualTo("unconscious patient in ED");
        assertThat(audit.get("subject").asText()).isEqualTo(id);
    }

    @Test
    void refusedAttemptsAndSearchesAreAuditedToo() throws Exception {
        String id = register(body()).path("id");
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);

        String denied = given().auth().oauth2(TestTokens.patient(UUID.randomUUID()))
                .get(PATIENTS + "/" + id)
                .then()
                .statusCode(403)
                .extract()
                .header("X-Request-Id");
        String search = given().auth().oauth2(TestTokens.of("nurse")).queryParam("identifier", id)
                .get(PATIENTS)
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");

        JsonNode refused = json(kafka.awaitOne(mark, KafkaEvents.containing(denied))).get("data");
        assertThat(refused.get("outcome").asText()).isEqualTo("denied");
        assertThat(refused.get("status").asInt()).isEqualTo(403);
        assertThat(refused.get("patientIds").get(0).asText()).isEqualTo(id);
        JsonNode searched = json(kafka.awaitOne(mark, KafkaEvents.containing(search))).get("data");
        assertThat(searched.get("action").asText()).isEqualTo("search");
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return EventSchemas.JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
