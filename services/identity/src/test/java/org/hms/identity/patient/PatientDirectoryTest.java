package org.hms.identity.patient;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hms.identity.Accounts.USERS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.identity.Accounts;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creating a patient's account asks the patients service (here {@link TestPatients}, a real HTTP
 * server) whether the patient exists and is active right now, through {@link PatientDirectory}'s
 * timeout, retries, circuit breaker and fallback: what an admin sees in each case.
 */
@QuarkusTest
class PatientDirectoryTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void closeTheBreaker() {
        breakers.reset(PatientDirectory.BREAKER);
    }

    @Test
    void aPatientAccountIsCreatedForAnActivePatientAskingPatientsWithTheAdminsOwnToken() {
        UUID patient = UUID.randomUUID();
        String admin = TestTokens.of("admin");

        create(admin, patient).statusCode(201).body("patientId", equalTo(patient.toString()));

        assertThat(TestPatients.requestsFor(patient)).singleElement()
                .satisfies(r -> assertThat(r.getString("authorization")).isEqualTo("Bearer " + admin));
    }

    @Test
    void anUnknownErasedOrMergedPatientIsAFieldErrorAskedOnceAndNothingIsCreated() {
        UUID unknown = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        TestPatients.answer(unknown, 404, problem(404));
        TestPatients.answer(erased, 410, problem(410));
        TestPatients.answer(merged, 301, new JsonObject().put("id", merged.toString()).put("status", "merged")
                .put("mergedInto", survivor.toString()));

        for (UUID patient : List.of(unknown, erased, merged)) {
            String username = Accounts.username();
            create(TestTokens.of("admin"), patient, username)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("patientId"));
            assertThat(accountsNamed(username)).as("nothing created for %s", patient).isZero();
            assertThat(TestPatients.requestsFor(patient)).as("an answer is not retried").hasSize(1);
        }
        create(TestTokens.of("admin"), merged).statusCode(400).body("errors[0].message", containsString(
                survivor.toString()));
    }

    @Test
    void aPatientsServiceThatFailsOnceIsAskedAgainAndTheAccountIsCreated() {
        UUID patient = UUID.randomUUID();
        TestPatients.failFirst(patient, 1);

        create(TestTokens.of("admin"), patient).statusCode(201);

        assertThat(TestPatients.requestsFor(patient)).hasSize(2);
    }

    @Test
    void aPatientsServiceTooSlowToAnswerIsA503ProblemWithRetryAfterAndNothingIsCreated() {
        UUID patient = UUID.randomUUID();
        TestPatients.slow(patient, 5_000);
        String username = Accounts.username();

        create(TestTokens.of("admin"), patient, username)
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", containsString("service-unavailable"))
                .body("service", org.hamcrest.Matchers.equalTo("patients"));

        assertThat(TestPatients.requestsFor(patient)).as("each attempt timed out, then retried twice").hasSize(3);
        assertThat(accountsNamed(username)).isZero();
    }

    @Test
    void aPatientsServiceThatKeepsFailingOpensTheBreakerAndIsNoLongerAskedWhileAdminsGet503() {
        UUID failing = UUID.randomUUID();
        TestPatients.failFirst(failing, 1_000);

        create(TestTokens.of("admin"), failing).statusCode(503); // 3 failed attempts
        create(TestTokens.of("admin"), failing).statusCode(503); // 3 more: the breaker opens
        assertThat(breakers.currentState(PatientDirectory.BREAKER)).isEqualTo(CircuitBreakerState.OPEN);
        int asked = TestPatients.requestsFor(failing).size();

        UUID healthy = UUID.randomUUID();
        String username = Accounts.username();
        create(TestTokens.of("admin"), healthy, username).statusCode(503).header("Retry-After", "30");
        create(TestTokens.of("admin"), failing).statusCode(503);

        assertThat(TestPatients.requestsFor(failing)).as("not asked while the breaker is open").hasSize(asked);
        assertThat(TestPatients.requestsFor(healthy)).isEmpty();
        assertThat(accountsNamed(username)).isZero();

        breakers.reset(PatientDirectory.BREAKER);
        create(TestTokens.of("admin"), healthy).statusCode(201);
    }

    @Test
    void staffAccountsNeverAskThePatientsService() {
        int before = TestPatients.requestCount();

        Accounts.create("nurse");

        assertThat(TestPatients.requestCount()).isEqualTo(before);
    }

    private static ValidatableResponse create(String token, UUID patient) {
        return create(token, patient, Accounts.username());
    }

    private static ValidatableResponse create(String token, UUID patient, String username) {
        Map<String, Object> body = Accounts.body(username, Accounts.password(), List.of("patient"));
        body.put("patientId", patient.toString());
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(USERS).then();
    }

    private static int accountsNamed(String username) {
        return given().auth().oauth2(TestTokens.of("admin")).queryParam("username", username).get(USERS)
                .then()
                .statusCode(200)
                .extract()
                .<Integer>path("total");
    }

    private static JsonObject problem(int status) {
        return new JsonObject().put("type", "https://hms.example.org/problems/x").put("status", status);
    }
}
