package org.hms.clinical.vitals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hms.clinical.ClinicalFixtures.VITALS;
import static org.hms.clinical.ClinicalFixtures.knownPatient;
import static org.hms.clinical.ClinicalFixtures.sql;
import static org.hms.clinical.ClinicalFixtures.vitals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hms.clinical.ClinicalFixtures;
import org.hms.contracts.EventSchemas;
import org.hms.contracts.Topics;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Recording vitals: NEWS2 in the response, the events on the real hms.clinical, refusals. */
@QuarkusTest
class VitalsTest {

    static final KafkaEvents kafka = new KafkaEvents();

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void theIssuesExampleIsRecordedAndScoresElevenHigh() {
        UUID patient = knownPatient();

        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(vitals(patient))
                .post(VITALS)
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/patients/" + patient + "/vitals"))
                .body("patientId", equalTo(patient.toString()))
                .body("respiratoryRate", equalTo(26))
                .body("temperature", equalTo(38.5f))
                .body("encounterId", nullValue())
                .body("news2", equalTo(Map.of("score", 11, "risk", "high", "alert", true, "parameters",
                        Map.of("respiratoryRate", 3, "spo2", 3, "supplementalOxygen", 0, "systolicBp", 2, "pulse", 2,
                                "consciousness", 0, "temperature", 1))))
                .body("codes.respiratoryRate", equalTo("9279-1"));
    }

    @Test
    void anAlertingSetRaisesVitalsAlertRaisedWithTheBedOfTheCurrentAdmission() throws Exception {
        UUID patient = knownPatient();
        String ward = ClinicalFixtures.newWard(2);
        UUID encounter = ClinicalFixtures.admit(patient, ward, "2");
        KafkaEvents.Mark mark = kafka.mark(Topics.CLINICAL);

        String vitalsId = given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(vitals(patient))
                .post(VITALS)
                .then()
                .statusCode(201)
                .body("encounterId", equalTo(encounter.toString()))
                .extract()
                .path("id");

        // the admission's events may reach the topic after the mark too (the relay is asynchronous)
        List<ConsumerRecord<String, String>> records = kafka.await(mark, 2,
                KafkaEvents.key(patient).and(KafkaEvents.containing("org.hms.clinical.Vitals")),
                KafkaEvents.DEFAULT_TIMEOUT);
        JsonNode alert = records.stream().map(VitalsTest::json)
                .filter(e -> e.get("type").asText().equals("org.hms.clinical.VitalsAlertRaised"))
                .findFirst().orElseThrow();
        assertThat(EventSchemas.envelopeViolations(alert)).isEmpty();
        JsonNode data = alert.get("data");
        assertThat(data.get("vitalsId").asText()).isEqualTo(vitalsId);
        assertThat(data.get("encounterId").asText()).isEqualTo(encounter.toString());
        assertThat(data.get("ward").asText()).isEqualTo("Test ward " + ward);
        assertThat(data.get("bed").asText()).isEqualTo("2");
        assertThat(data.get("score").asInt()).isEqualTo(11);
        assertThat(data.get("risk").asText()).isEqualTo("high");
        assertThat(data.get("drivers")).extracting(JsonNode::asText)
                .containsExactly("respiratoryRate", "spo2", "systolicBp", "pulse", "temperature");
        assertThat(records.stream().map(VitalsTest::json).map(e -> e.get("type").asText()))
                .containsExactlyInAnyOrder("org.hms.clinical.VitalsRecorded", "org.hms.clinical.VitalsAlertRaised");
        records.stream().map(VitalsTest::json).forEach(e -> assertThat(EventSchemas.envelopeViolations(e)).isEmpty());
    }

    @Test
    void aLowSetIsPublishedAsRecordedButRaisesNoAlert() throws Exception {
        UUID patient = knownPatient();
        KafkaEvents.Mark mark = kafka.mark(Topics.CLINICAL);

        given().auth().oauth2(TestTokens.of("physician")).contentType(ContentType.JSON)
                .body(ClinicalFixtures.calmVitals(patient))
                .post(VITALS)
                .then()
                .statusCode(201)
                .body("news2.score", equalTo(0))
                .body("news2.risk", equalTo("low"))
                .body("news2.alert", equalTo(false));

        JsonNode recorded = json(kafka.awaitOne(mark, KafkaEvents.key(patient)));
        assertThat(recorded.get("type").asText()).isEqualTo("org.hms.clinical.VitalsRecorded");
        assertThat(kafka.since(mark).stream().filter(KafkaEvents.key(patient)))
                .noneMatch(r -> r.value().contains("VitalsAlertRaised"));
    }

    @Test
    void impossibleValuesAreRefusedNamingEachFieldAndNothingIsStored() {
        UUID patient = knownPatient();
        Map<String, Object> body = vitals(patient);
        body.put("respiratoryRate", 0);
        body.put("spo2", 101);
        body.put("spo2Scale", 3);
        body.put("systolicBp", 400);
        body.put("pulse", -5);
        body.put("consciousness", "X");
        body.put("temperature", 52.0);
        body.remove("supplementalOxygen");

        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(body)
                .post(VITALS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("respiratoryRate", "spo2", "spo2Scale", "systolicBp", "pulse",
                        "consciousness", "temperature", "supplementalOxygen"));

        assertThat(sql("select count(*) from vitals where patient_id = $1", Tuple.of(patient))).containsExactly(0L);
    }

    @Test
    void scale2IsRefusedUntilAPhysicianDocumentsAHypercapnicTarget() {
        UUID patient = knownPatient();
        Map<String, Object> body = ClinicalFixtures.calmVitals(patient);
        body.put("spo2Scale", 2);
        body.put("spo2", 97);
        body.put("supplementalOxygen", true);

        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON).body(body).post(VITALS)
                .then()
                .statusCode(422)
                .body("type", containsString("spo2-scale-not-documented"));
        assertThat(sql("select count(*) from vitals where patient_id = $1", Tuple.of(patient))).containsExactly(0L);

        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(Map.of("scale", 2, "reason", "COPD, target 88-92 %"))
                .put("/api/v1/patients/" + patient + "/vitals/spo2-scale")
                .then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.of("physician")).contentType(ContentType.JSON)
                .body(Map.of("scale", 2, "reason", "COPD, target 88-92 %"))
                .put("/api/v1/patients/" + patient + "/vitals/spo2-scale")
                .then()
                .statusCode(200)
                .body("scale", equalTo(2));

        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON).body(body).post(VITALS)
                .then()
                .statusCode(201)
                .body("news2.parameters.spo2", equalTo(3))
                .body("news2.parameters.supplementalOxygen", equalTo(2))
                .body("news2.score", equalTo(5));
    }

    @Test
    void aPatientUnknownToClinicalIsRefused() {
        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(vitals(UUID.randomUUID()))
                .post(VITALS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("patientId"));
    }

    @Test
    void aPatientsSetsAreListedNewestFirstAndPaged() {
        UUID patient = knownPatient();
        for (String at : List.of("2026-11-25T08:00:00Z", "2026-11-25T12:00:00Z", "2026-11-25T10:00:00Z")) {
            Map<String, Object> body = ClinicalFixtures.calmVitals(patient);
            body.put("takenAt", at);
            given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON).body(body).post(VITALS)
                    .then().statusCode(201);
        }

        given().auth().oauth2(TestTokens.of("physician")).queryParam("size", 2)
                .get("/api/v1/patients/" + patient + "/vitals")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.takenAt", equalTo(List.of("2026-11-25T12:00:00Z", "2026-11-25T10:00:00Z")));
        given().auth().oauth2(TestTokens.patient(patient)).get("/api/v1/patients/" + patient + "/vitals")
                .then().statusCode(200).body("items.size()", equalTo(3));
        given().auth().oauth2(TestTokens.patient(UUID.randomUUID())).get("/api/v1/patients/" + patient + "/vitals")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.of("receptionist")).get("/api/v1/patients/" + patient + "/vitals")
                .then().statusCode(403);
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyRecordsOnceAndIsAuditedNamingThePatient() throws Exception {
        UUID patient = knownPatient();
        KafkaEvents.Mark audit = kafka.mark(Topics.AUDIT);
        String key = UUID.randomUUID().toString();

        String first = given().auth().oauth2(TestTokens.as("n.kowalczyk", "nurse")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(vitals(patient)).post(VITALS)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.as("n.kowalczyk", "nurse")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(vitals(patient)).post(VITALS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));

        assertThat(sql("select count(*) from vitals where patient_id = $1", Tuple.of(patient))).containsExactly(1L);
        JsonNode entry = json(kafka.awaitOne(audit, KafkaEvents.containing(patient)
                .and(KafkaEvents.containing("record-vitals")))).get("data");
        assertThat(entry.get("actor").asText()).isEqualTo("n.kowalczyk");
        assertThat(entry.get("patientIds").get(0).asText()).isEqualTo(patient.toString());
        assertThat(entry.get("status").asInt()).isEqualTo(201);
    }

    @Test
    void onlyNursesAndPhysiciansRecordVitals() {
        UUID patient = UUID.randomUUID();
        for (String role : List.of("receptionist", "admin", "pharmacist")) {
            given().auth().oauth2(TestTokens.of(role)).contentType(ContentType.JSON).body(vitals(patient)).post(VITALS)
                    .then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(vitals(patient)).post(VITALS).then().statusCode(401);
    }

    static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return new ObjectMapper().readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
