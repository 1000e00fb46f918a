package org.hms.clinical.allergy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.clinical.ClinicalFixtures;
import org.hms.contracts.EventSchemas;
import org.hms.contracts.Topics;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Allergies (published with the substance code, for pharmacy) and the problem list; both on the chart. */
@QuarkusTest
class AllergiesAndConditionsTest {

    static final KafkaEvents kafka = new KafkaEvents();

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void anAllergyIsPublishedWithItsSubstanceCodeAndTheCachedChartShowsIt() throws Exception {
        UUID patient = ClinicalFixtures.knownPatient();
        chart(patient).body("allergies.size()", equalTo(0)); // cached now
        KafkaEvents.Mark mark = kafka.mark(Topics.CLINICAL);

        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(),
                        "substance", Map.of("system", "rxnorm", "code", "7980", "display", "penicillin G"),
                        "category", "allergy", "reaction", "urticaria", "severity", "severe", "criticality", "high"))
                .post("/api/v1/allergies")
                .then()
                .statusCode(201)
                .body("substance.code", equalTo("7980"));

        JsonNode event = new ObjectMapper().readTree(kafka.awaitOne(mark, KafkaEvents.key(patient)).value());
        assertThat(event.get("type").asText()).isEqualTo("org.hms.clinical.AllergyRecorded");
        assertThat(EventSchemas.envelopeViolations(event)).isEmpty();
        assertThat(event.get("data").get("substanceCode").asText()).isEqualTo("7980");
        assertThat(event.toString()).doesNotContain("urticaria");
        chart(patient).body("allergies.substance.display", equalTo(List.of("penicillin G")));
    }

    @Test
    void activeConditionsAreTheChartsProblemListAndResolvedOnesAreNot() {
        UUID patient = ClinicalFixtures.knownPatient();
        chart(patient).body("activeProblems.size()", equalTo(0));
        record(patient, "J44.1", "COPD with acute exacerbation", "active").then().statusCode(201);
        record(patient, "J18.9", "Pneumonia", "resolved").then().statusCode(201);

        chart(patient).body("activeProblems.code", equalTo(List.of("J44.1")));
        given().auth().oauth2(TestTokens.of("nurse")).get("/api/v1/patients/" + patient + "/conditions")
                .then().statusCode(200).body("code", hasItems("J44.1", "J18.9"));
    }

    @Test
    void badCodesAreRefusedNamingTheFieldAndOnlyPhysiciansDiagnose() {
        UUID patient = ClinicalFixtures.knownPatient();
        record(patient, "pneumonia", "", "maybe").then().statusCode(400)
                .body("errors.field", hasItems("code", "display", "clinicalStatus"));
        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(), "code", "J44.1", "display", "COPD",
                        "clinicalStatus", "active"))
                .post("/api/v1/conditions").then().statusCode(403);
        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(),
                        "substance", Map.of("system", "made-up", "code", "", "display", "x"),
                        "category", "allergy", "criticality", "extreme"))
                .post("/api/v1/allergies")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("substance.system", "substance.code", "criticality"));
        given().auth().oauth2(TestTokens.of("physician")).get("/api/v1/patients/" + patient + "/allergies")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    private static io.restassured.response.Response record(UUID patient, String code, String display, String status) {
        return given().auth().oauth2(TestTokens.of("physician")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(), "code", code, "display", display,
                        "clinicalStatus", status))
                .post("/api/v1/conditions");
    }

    private static io.restassured.response.ValidatableResponse chart(UUID patient) {
        return given().auth().oauth2(TestTokens.of("physician")).get("/api/v1/patients/" + patient + "/chart").then()
                .statusCode(200);
    }
}
