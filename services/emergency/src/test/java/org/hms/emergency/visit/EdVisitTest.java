package org.hms.emergency.visit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hms.emergency.EmergencyFixtures.ALERTS;
import static org.hms.emergency.EmergencyFixtures.VISITS;
import static org.hms.emergency.EmergencyFixtures.arriveUnidentified;
import static org.hms.emergency.EmergencyFixtures.arriveWhenKnown;
import static org.hms.emergency.EmergencyFixtures.post;
import static org.hms.emergency.EmergencyFixtures.registerPatient;
import static org.hms.emergency.EmergencyFixtures.triage;
import static org.hms.emergency.EmergencyFixtures.triageExample;
import static org.hms.emergency.EmergencyFixtures.triageLevel1;
import static org.hms.emergency.EmergencyFixtures.triageLevel3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hms.contracts.EventSchemas;
import org.hms.contracts.Topics;
import org.hms.emergency.EmergencyFixtures;
import org.hms.platform.events.EventJson;
import org.hms.platform.events.Outbox;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Arrival, ESI triage, seen, departure and identification of ED visits, against the real infrastructure. */
@QuarkusTest
class EdVisitTest {

    @Inject
    Outbox outbox;

    @Inject
    EventJson json;

    @Test
    void theIssuesTriageExampleIsEsiTwoForDangerZoneVitals() {
        String visit = arriveUnidentified("chest pain");

        triage(visit, triageExample())
                .then()
                .statusCode(200)
                .body("id", equalTo(visit))
                .body("esi.level", equalTo(2))
                .body("esi.reason", equalTo("danger-zone vitals"))
                .body("esi.computedLevel", equalTo(2))
                .body("esi.overridden", equalTo(false))
                .body("status", equalTo("triaged"))
                .body("triagedAt", notNullValue());
    }

    @Test
    void aRegisteredPatientArrivesWithLocationAndTheVisit() {
        UUID patient = registerPatient(outbox, json);
        String visit = arriveWhenKnown(patient, "chest pain");

        given().auth().oauth2(TestTokens.of("physician")).get(VISITS + "/" + visit)
                .then()
                .statusCode(200)
                .body("patientId", equalTo(patient.toString()))
                .body("temporaryIdentity", nullValue())
                .body("chiefComplaint", equalTo("chest pain"))
                .body("status", equalTo("arrived"))
                .body("esi", nullValue());
        post("receptionist", VISITS, Map.of("patientId", patient.toString(), "chiefComplaint", "fall"))
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/ed-visits/[0-9a-f-]{36}"));
    }

    @Test
    void aRetriedArrivalWithTheSameIdempotencyKeyCreatesOneVisit() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = EmergencyFixtures.unidentified("retried arrival");
        String first = given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post(VISITS)
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post(VISITS)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
    }

    @Test
    void aTriageOfAKnownPatientIsAuditedNamingThePatient() {
        UUID patient = registerPatient(outbox, json);
        String visit = arriveWhenKnown(patient, "palpitations");
        KafkaEvents.Mark audit = EmergencyFixtures.kafka.mark(Topics.AUDIT);

        triage(visit, triageLevel3()).then().statusCode(200);

        ConsumerRecord<String, String> record = EmergencyFixtures.kafka.awaitOne(audit,
                KafkaEvents.containing(visit).and(KafkaEvents.containing("\"action\":\"triage\"")));
        JsonNode data = read(json.mapper(), record.value()).get("data");
        assertThat(data.get("patientIds").toString()).contains(patient.toString());
        assertThat(data.get("actor").asText()).isEqualTo("test-nurse");
        assertThat(data.get("resource").asText()).isEqualTo("EdVisit");
    }

    @Test
    void anUnknownPatientIdIsRefusedNamingItAndNothingIsStored() {
        post("nurse", VISITS, Map.of("patientId", UUID.randomUUID().toString(), "chiefComplaint", "fall"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("patientId"));
    }

    @Test
    void anUnidentifiedPatientGetsATemporaryIdentity() {
        post("receptionist", VISITS, EmergencyFixtures.unidentified("unresponsive"))
                .then()
                .statusCode(201)
                .body("patientId", nullValue())
                .body("temporaryIdentity", matchesPattern("UNKNOWN-[0-9A-Z]{6}"))
                .body("unidentified.sex", equalTo("male"))
                .body("unidentified.estimatedAgeYears", equalTo(40));
    }

    @Test
    void theNursesOverrideIsKeptWithTheComputedLevel() {
        String visit = arriveUnidentified("abdominal pain");
        Map<String, Object> body = triageExample();
        body.put("override", Map.of("level", 3, "reason", "tachycardia explained by anxiety, settles at rest"));

        triage(visit, body)
                .then()
                .statusCode(200)
                .body("esi.level", equalTo(3))
                .body("esi.computedLevel", equalTo(2))
                .body("esi.reason", equalTo("danger-zone vitals"))
                .body("esi.overridden", equalTo(true))
                .body("esi.overrideReason", equalTo("tachycardia explained by anxiety, settles at rest"))
                .body("triageHistory", hasSize(1))
                .body("triageHistory[0].triagedBy", equalTo("test-nurse"));
        given().queryParam("visitId", visit).auth().oauth2(TestTokens.of("nurse")).get(ALERTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void esiOneRaisesOneCriticalAlertEvenWhenTriagedAgain() {
        String visit = arriveUnidentified("cardiac arrest");

        triage(visit, triageLevel1()).then().statusCode(200).body("esi.level", equalTo(1));
        triage(visit, triageLevel1()).then().statusCode(200).body("triageHistory", hasSize(2));

        given().queryParam("visitId", visit).auth().oauth2(TestTokens.of("physician")).get(ALERTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].severity", equalTo("critical"))
                .body("items[0].source", equalTo("triage"))
                .body("items[0].location", equalTo("ED"))
                .body("items[0].reason", equalTo("ESI 1: immediate life-saving intervention"))
                .body("items[0].status", equalTo("open"));
    }

    @Test
    void seenThenDepartedAndNothingMoreAfterDeparture() {
        String visit = arriveUnidentified("sprained ankle");
        triage(visit, triageLevel3()).then().statusCode(200);

        post("physician", VISITS + "/" + visit + "/seen").then().statusCode(200).body("status", equalTo("seen"))
                .body("seenAt", notNullValue());
        post("physician", VISITS + "/" + visit + "/seen").then().statusCode(409).body("status", equalTo("seen"));
        post("nurse", VISITS + "/" + visit + "/depart", Map.of("disposition", "discharged"))
                .then()
                .statusCode(200)
                .body("status", equalTo("departed"))
                .body("disposition", equalTo("discharged"));

        post("nurse", VISITS + "/" + visit + "/depart", Map.of("disposition", "admitted"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo("departed"));
        triage(visit, triageLevel3()).then().statusCode(409).body("status", equalTo("departed"));
    }

    @Test
    void identifyingAnUnidentifiedPatientTakesTheTriageAlertsAndHistoryAlong() {
        String visit = arriveUnidentified("found unconscious");
        triage(visit, triageLevel1()).then().statusCode(200);
        triage(visit, triageExample()).then().statusCode(200);
        UUID patient = registerPatient(outbox, json);
        arriveWhenKnown(patient, "seen in the view"); // the view knows the patient now

        post("nurse", VISITS + "/" + visit + "/identify", Map.of("patientId", patient.toString()))
                .then()
                .statusCode(200)
                .body("patientId", equalTo(patient.toString()))
                .body("temporaryIdentity", matchesPattern("UNKNOWN-[0-9A-Z]{6}"))
                .body("identifiedAt", notNullValue())
                .body("esi.level", equalTo(2))
                .body("triageHistory", hasSize(2))
                .body("triageHistory[0].level", equalTo(1));

        given().queryParam("visitId", visit).auth().oauth2(TestTokens.of("nurse")).get(ALERTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].patientId", equalTo(patient.toString()));
        post("nurse", VISITS + "/" + visit + "/identify", Map.of("patientId", patient.toString()))
                .then()
                .statusCode(409)
                .body("status", equalTo("triaged"));
    }

    @Test
    void identifyingAsAnUnknownPatientIsRefusedAndChangesNothing() {
        String visit = arriveUnidentified("confused");

        post("nurse", VISITS + "/" + visit + "/identify", Map.of("patientId", UUID.randomUUID().toString()))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("patientId"));

        given().auth().oauth2(TestTokens.of("nurse")).get(VISITS + "/" + visit)
                .then()
                .statusCode(200)
                .body("patientId", nullValue())
                .body("version", equalTo(0));
    }

    @Test
    void aVisitThatDoesNotExistIs404() {
        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON).body(triageExample())
                .post(VISITS + "/" + UUID.randomUUID() + "/triage")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theWrongRoleIsRefused() {
        post("billing_clerk", VISITS, EmergencyFixtures.unidentified("x")).then().statusCode(403);
        String visit = arriveUnidentified("cough");
        post("receptionist", VISITS + "/" + visit + "/triage", triageExample()).then().statusCode(403);
        given().contentType(ContentType.JSON).body(triageExample()).post(VISITS + "/" + visit + "/triage")
                .then()
                .statusCode(401);
    }

    @Test
    void everyChangePublishesASchemaValidEventKeyedByTheVisit() throws Exception {
        KafkaEvents.Mark mark = EmergencyFixtures.kafka.mark(Topics.EMERGENCY);
        String visit = arriveUnidentified("headache");
        triage(visit, triageLevel3()).then().statusCode(200);
        post("physician", VISITS + "/" + visit + "/seen").then().statusCode(200);
        post("nurse", VISITS + "/" + visit + "/depart", Map.of("disposition", "left")).then().statusCode(200);

        List<ConsumerRecord<String, String>> records =
                EmergencyFixtures.kafka.await(mark, 4, KafkaEvents.key(visit), KafkaEvents.DEFAULT_TIMEOUT);

        ObjectMapper mapper = json.mapper();
        List<JsonNode> envelopes = records.stream().map(r -> read(mapper, r.value())).toList();
        assertThat(envelopes).extracting(e -> e.get("type").asText()).containsExactly(
                "org.hms.emergency.EdVisitArrived",
                "org.hms.emergency.EdVisitTriaged",
                "org.hms.emergency.EdVisitSeen",
                "org.hms.emergency.EdVisitDeparted");
        for (JsonNode envelope : envelopes) {
            assertThat(EventSchemas.envelopeViolations(envelope)).isEmpty();
            assertThat(envelope.get("source").asText()).isEqualTo("/hms/emergency");
        }
        assertThat(envelopes.get(0).toString()).as("no chief complaint in events").doesNotContain("headache");
    }

    private static JsonNode read(ObjectMapper mapper, String value) {
        try {
            return mapper.readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
