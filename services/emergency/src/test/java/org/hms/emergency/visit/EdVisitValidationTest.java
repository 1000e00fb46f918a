package org.hms.emergency.visit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hms.emergency.EmergencyFixtures.ALERTS;
import static org.hms.emergency.EmergencyFixtures.VISITS;
import static org.hms.emergency.EmergencyFixtures.arriveUnidentified;
import static org.hms.emergency.EmergencyFixtures.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input on every endpoint: one 400 naming every bad field, and nothing stored or published. */
@QuarkusTest
class EdVisitValidationTest {

    @Inject
    Pool pool;

    String visit;
    List<Long> before;

    @BeforeEach
    void aVisitAndWhatIsStored() {
        visit = arriveUnidentified("validation");
        before = stored();
    }

    @Test
    void anArrivalNamesEveryBadField() {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", null);
        body.put("unidentified", Map.of("sex", "alien", "estimatedAgeYears", 200));
        body.put("chiefComplaint", " ");
        invalid(post("receptionist", VISITS, body), "chiefComplaint", "unidentified.estimatedAgeYears",
                "unidentified.sex");
        invalid(post("receptionist", VISITS, Map.of("chiefComplaint", "fall")), "patientId");
        invalid(post("receptionist", VISITS, Map.of("patientId", "not-a-uuid", "chiefComplaint", "fall")),
                "patientId");
        invalid(post("receptionist", VISITS, Map.of("patientId", "5b0f7a4e-3c1d-4c7e-9a51-2f0e8d7c6b5a",
                "unidentified", Map.of("sex", "male", "estimatedAgeYears", 40), "chiefComplaint", "fall")),
                "unidentified");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aTriageNamesEveryMissingAnswerAndEveryVitalOutOfRange() {
        invalid(post("nurse", VISITS + "/" + visit + "/triage", Map.of()), "ageMonths",
                "confusedLethargicOrDisoriented", "expectedResources", "highRisk", "lifeSavingIntervention",
                "severePainOrDistress");
        Map<String, Object> body = new HashMap<>(org.hms.emergency.EmergencyFixtures.triageExample());
        body.put("heartRate", -1);
        body.put("respiratoryRate", 151);
        body.put("spo2", 101);
        body.put("expectedResources", 21);
        body.put("ageMonths", -3);
        body.put("override", Map.of("level", 7, "reason", ""));
        invalid(post("nurse", VISITS + "/" + visit + "/triage", body), "ageMonths", "expectedResources",
                "heartRate", "override.level", "override.reason", "respiratoryRate", "spo2");
        body = new HashMap<>(org.hms.emergency.EmergencyFixtures.triageExample());
        body.put("highRisk", "perhaps");
        invalid(post("nurse", VISITS + "/" + visit + "/triage", body), "highRisk");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aDepartureAndAnIdentificationNameTheirFields() {
        invalid(post("nurse", VISITS + "/" + visit + "/depart", Map.of("disposition", "escaped")), "disposition");
        invalid(post("nurse", VISITS + "/" + visit + "/depart", Map.of()), "disposition");
        invalid(post("nurse", VISITS + "/" + visit + "/identify", Map.of()), "patientId");
        invalid(post("nurse", VISITS + "/" + visit + "/identify", Map.of("patientId", 42)), "patientId");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anAlertListNamesItsBadParameters() {
        invalid(given().auth().oauth2(TestTokens.of("nurse")).queryParam("status", "closed").queryParam("size", 0)
                .get(ALERTS), "size", "status");
    }

    @Test
    void malformedIdsAndBodiesAreRefused() {
        post("nurse", VISITS + "/not-a-uuid/seen").then().statusCode(404);
        given().auth().oauth2(TestTokens.of("nurse")).contentType("application/json").body("{\"chiefComplaint\":")
                .post(VISITS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(stored()).isEqualTo(before);
    }

    private static void invalid(Response response, String... fields) {
        response.then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder(fields))
                .body("type", org.hamcrest.Matchers.endsWith("validation"));
    }

    /**
     * Visits, triage assessments, alerts and outbox rows: what a change would add to (escalations of
     * other tests' alerts come and go on their own).
     */
    private List<Long> stored() {
        return pool.query("select (select count(*) from ed_visit), (select count(*) from triage_assessment),"
                        + " (select count(*) from alert), (select count(*) from outbox where type like 'org.hms.emergency.%'"
                        + " and type <> 'org.hms.emergency.AlertEscalated')")
                .execute()
                .map(rows -> {
                    var row = rows.iterator().next();
                    return List.of(row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3));
                })
                .await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void theVisitIsUnchangedByAllOfIt() {
        anArrivalNamesEveryBadField();
        given().auth().oauth2(TestTokens.of("nurse")).get(VISITS + "/" + visit)
                .then()
                .statusCode(200)
                .body("version", equalTo(0))
                .body("status", equalTo("arrived"));
    }
}
