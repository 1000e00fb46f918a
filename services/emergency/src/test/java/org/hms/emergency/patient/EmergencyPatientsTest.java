package org.hms.emergency.patient;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hms.emergency.EmergencyFixtures.ALERTS;
import static org.hms.emergency.EmergencyFixtures.VISITS;
import static org.hms.emergency.EmergencyFixtures.arriveWhenKnown;
import static org.hms.emergency.EmergencyFixtures.publish;
import static org.hms.emergency.EmergencyFixtures.registerPatient;
import static org.hms.emergency.EmergencyFixtures.triage;
import static org.hms.emergency.EmergencyFixtures.triageLevel1;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hms.contracts.Topics;
import org.hms.contracts.patients.PatientErased;
import org.hms.contracts.patients.PatientMerged;
import org.hms.platform.events.EventJson;
import org.hms.platform.events.Outbox;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Erasure and merge, published on the real hms.patients as the patients service does, reach visits and alerts. */
@QuarkusTest
class EmergencyPatientsTest {

    @Inject
    Outbox outbox;

    @Inject
    EventJson json;

    @Test
    void anErasedPatientsComplaintsAndAlertReasonsGoTheLevelsStay() {
        UUID patient = registerPatient(outbox, json);
        String visit = arriveWhenKnown(patient, "pain after a fall at home");
        triage(visit, triageLevel1()).then().statusCode(200);
        String key = UUID.randomUUID().toString();
        Map<String, Object> arrival = Map.of("patientId", patient.toString(), "chiefComplaint", "second visit");
        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(arrival).post(VISITS).then().statusCode(201);
        PatientErased erased = new PatientErased(patient, Instant.now(), 1);

        publish(outbox, json, Topics.PATIENTS, erased);
        publish(outbox, json, Topics.PATIENTS, erased); // redelivered: applies nothing more

        await().atMost(Duration.ofSeconds(30)).until(() -> visit(visit).get("chiefComplaint") == null);
        given().auth().oauth2(TestTokens.of("nurse")).get(VISITS + "/" + visit)
                .then()
                .statusCode(200)
                .body("esi.level", equalTo(1))
                .body("patientId", equalTo(patient.toString()))
                .body("version", equalTo(2));
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("visitId", visit).get(ALERTS)
                .then()
                .statusCode(200)
                .body("items[0].reason", equalTo("[erased]"))
                .body("items[0].location", equalTo("[erased]"));
        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(arrival).post(VISITS)
                .then()
                .statusCode(410)
                .body(not(containsString("second visit")));
    }

    @Test
    void aMergedPatientsVisitsAndAlertsFollowTheSurvivor() {
        UUID retired = registerPatient(outbox, json);
        UUID survivor = registerPatient(outbox, json);
        String visit = arriveWhenKnown(retired, "dizzy");
        triage(visit, triageLevel1()).then().statusCode(200);

        publish(outbox, json, Topics.PATIENTS, new PatientMerged(retired, survivor, "P1000015", 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> survivor.toString().equals(visit(visit).get("patientId")));
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("visitId", visit).get(ALERTS)
                .then()
                .statusCode(200)
                .body("items[0].patientId", equalTo(survivor.toString()));
        // an arrival under the retired id is recorded under the survivor
        String later = arriveWhenKnown(retired, "dizzy again");
        given().auth().oauth2(TestTokens.of("nurse")).get(VISITS + "/" + later)
                .then()
                .body("patientId", equalTo(survivor.toString()))
                .body("temporaryIdentity", nullValue());
    }

    private static JsonPath visit(String id) {
        return given().auth().oauth2(TestTokens.of("nurse")).get(VISITS + "/" + id).then().statusCode(200).extract()
                .jsonPath();
    }
}
