package org.hms.clinical.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.hms.clinical.ClinicalFixtures;
import org.hms.contracts.patients.PatientMerged;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** A merged duplicate's clinical records follow the survivor. */
@QuarkusTest
class PatientViewReactionsTest {

    @Test
    void aMergedDuplicatesVitalsAndEncountersMoveToTheSurvivor() {
        UUID duplicate = ClinicalFixtures.knownPatient();
        UUID survivor = ClinicalFixtures.knownPatient();
        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(ClinicalFixtures.vitals(duplicate)).post(ClinicalFixtures.VITALS).then().statusCode(201);
        ClinicalFixtures.admit(duplicate, ClinicalFixtures.newWard(1), "1");

        ClinicalFixtures.publishPatientEvent(duplicate, new PatientMerged(duplicate, survivor, "P1000015", 1));
        ClinicalFixtures.awaitViewStatus(duplicate, "merged");

        given().auth().oauth2(TestTokens.of("nurse")).get("/api/v1/patients/" + survivor + "/vitals")
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(TestTokens.of("nurse")).get("/api/v1/patients/" + duplicate + "/vitals")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.of("nurse")).get("/api/v1/patients/" + survivor + "/chart")
                .then().statusCode(200)
                .body("latestVitals.news2.score", equalTo(11))
                .body("currentEncounter.encounterClass", equalTo("inpatient"));
    }
}
