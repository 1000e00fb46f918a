package org.hms.clinical.encounter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hms.clinical.ClinicalFixtures.ENCOUNTERS;
import static org.hms.clinical.ClinicalFixtures.WARDS;
import static org.hms.clinical.ClinicalFixtures.admit;
import static org.hms.clinical.ClinicalFixtures.knownPatient;
import static org.hms.clinical.ClinicalFixtures.newWard;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Admissions, transfers and discharges on a ward's bed board; one bed never holds two patients. */
@QuarkusTest
class BedBoardTest {

    @Test
    void twoAdmissionsRacingForOneBedOneWinsTheOtherGets409() throws Exception {
        String ward = newWard(1);
        UUID first = knownPatient();
        UUID second = knownPatient();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (UUID patient : List.of(first, second)) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return admission(patient, ward, "1");
                }, clients));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(Response::statusCode).toList();

            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            Response loser = calls.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 409).findFirst()
                    .orElseThrow();
            assertThat(loser.jsonPath().getString("status")).isEqualTo("occupied");
        } finally {
            clients.shutdown();
        }
        board(ward).then().body("occupied", equalTo(1)).body("beds[0].status", equalTo("occupied"));
    }

    @Test
    void aTransferMovesThePatientAndTheBedLeftIsCleanedBeforeItCanBeUsedAgain() {
        String ward = newWard(3);
        UUID patient = knownPatient();
        UUID encounter = admit(patient, ward, "1");

        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(Map.of("ward", ward, "bed", "2"))
                .post(ENCOUNTERS + "/" + encounter + "/transfer")
                .then()
                .statusCode(200)
                .body("bed", equalTo("2"));
        board(ward).then()
                .body("beds.status", equalTo(List.of("cleaning", "occupied", "free")))
                .body("beds[1].patientId", equalTo(patient.toString()));

        admission(knownPatient(), ward, "1").then().statusCode(409).body("status", equalTo("cleaning"));
        given().auth().oauth2(TestTokens.of("nurse")).post(WARDS + "/" + ward + "/beds/1/cleaned")
                .then().statusCode(200).body("status", equalTo("free"));
        admission(knownPatient(), ward, "1").then().statusCode(201);
    }

    @Test
    void aDischargeEndsTheStayOnceAndFreesTheBedForCleaning() {
        String ward = newWard(1);
        UUID patient = knownPatient();
        UUID encounter = admit(patient, ward, "1");
        admission(patient, newWard(1), "1").then().statusCode(409).body("type", containsString("already-admitted"));

        given().auth().oauth2(TestTokens.of("physician")).contentType(ContentType.JSON)
                .body(Map.of("summary", "Community-acquired pneumonia, treated; home on oral antibiotics."))
                .post(ENCOUNTERS + "/" + encounter + "/discharge")
                .then()
                .statusCode(200)
                .body("status", equalTo("finished"))
                .body("dischargeSummary", containsString("pneumonia"));
        given().auth().oauth2(TestTokens.of("physician")).contentType(ContentType.JSON)
                .body(Map.of("summary", "again"))
                .post(ENCOUNTERS + "/" + encounter + "/discharge")
                .then()
                .statusCode(409)
                .body("status", equalTo("finished"));
        board(ward).then().body("beds[0].status", equalTo("cleaning")).body("occupied", equalTo(0));
    }

    @Test
    void badAdmissionsAreRefusedNamingTheFieldAndOpenNothing() {
        UUID patient = knownPatient();
        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(), "encounterClass", "inpatient", "ward", newWard(1)))
                .post(ENCOUNTERS)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("bed")));
        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(), "encounterClass", "emergency"))
                .post(ENCOUNTERS)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("encounterClass")));
        given().auth().oauth2(TestTokens.of("physician")).get("/api/v1/patients/" + patient + "/encounters")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(), "encounterClass", "outpatient"))
                .post(ENCOUNTERS)
                .then()
                .statusCode(403);
    }

    private static Response admission(UUID patient, String ward, String bed) {
        return given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(), "encounterClass", "inpatient", "ward", ward, "bed", bed))
                .post(ENCOUNTERS);
    }

    private static Response board(String ward) {
        return given().auth().oauth2(TestTokens.of("nurse")).get(WARDS + "/" + ward + "/board");
    }

    private static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
