package org.hms.clinical.chart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hms.clinical.ClinicalFixtures.VITALS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hms.clinical.ClinicalFixtures;
import org.hms.contracts.patients.PatientErased;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The chart: who, where, the latest vitals; cached, and dropped by every change that alters it. */
@QuarkusTest
class ChartTest {

    @Test
    void theChartShowsDemographicsLocationAndTheLatestVitalsAndFollowsChanges() {
        UUID patient = ClinicalFixtures.knownPatient();
        chart(patient, "physician")
                .body("patient.name", equalTo("Zofia Kowalska"))
                .body("patient.birthDate", equalTo("1984-03-07"))
                .body("currentEncounter", nullValue())
                .body("latestVitals", nullValue());
        chart(patient, "nurse").body("latestVitals", nullValue()); // now from the cache

        String ward = ClinicalFixtures.newWard(1);
        ClinicalFixtures.admit(patient, ward, "1");
        chart(patient, "nurse")
                .body("currentEncounter.encounterClass", equalTo("inpatient"))
                .body("currentEncounter.ward", equalTo(ward))
                .body("currentEncounter.wardName", equalTo("Test ward " + ward))
                .body("currentEncounter.bed", equalTo("1"));

        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(ClinicalFixtures.vitals(patient)).post(VITALS).then().statusCode(201);
        chart(patient, "nurse")
                .body("latestVitals.news2.score", equalTo(11))
                .body("latestVitals.news2.risk", equalTo("high"));

        Map<String, Object> calm = ClinicalFixtures.calmVitals(patient);
        calm.put("takenAt", "2026-11-25T14:00:00Z");
        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(calm).post(VITALS).then().statusCode(201);
        chart(patient, "nurse").body("latestVitals.news2.score", equalTo(0));
    }

    @Test
    void aPatientReadsTheirOwnChartOnly() {
        UUID patient = ClinicalFixtures.knownPatient();
        given().auth().oauth2(TestTokens.patient(patient)).get(path(patient)).then().statusCode(200);
        given().auth().oauth2(TestTokens.patient(UUID.randomUUID())).get(path(patient)).then().statusCode(403);
        given().auth().oauth2(TestTokens.of("receptionist")).get(path(patient)).then().statusCode(403);
        given().auth().oauth2(TestTokens.of("nurse")).get(path(UUID.randomUUID())).then().statusCode(404);
    }

    @Test
    void anErasedPatientsChartIsGoneEvenWhenItWasCached() {
        UUID patient = ClinicalFixtures.knownPatient();
        chart(patient, "nurse").body("patient.name", equalTo("Zofia Kowalska"));

        ClinicalFixtures.publishPatientEvent(patient, new PatientErased(patient, Instant.now(), 1));
        ClinicalFixtures.awaitViewStatus(patient, "erased");

        given().auth().oauth2(TestTokens.of("nurse")).get(path(patient)).then().statusCode(410);
    }

    private static io.restassured.response.ValidatableResponse chart(UUID patient, String role) {
        return given().auth().oauth2(TestTokens.of(role)).get(path(patient)).then().statusCode(200);
    }

    private static String path(UUID patient) {
        return "/api/v1/patients/" + patient + "/chart";
    }
}
