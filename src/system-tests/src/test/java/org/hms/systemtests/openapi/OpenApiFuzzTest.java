package org.hms.systemtests.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.platform.security.Roles;
import org.hms.platform.testing.TestTokens;
import org.hms.systemtests.running.RunningSystem;
import org.hms.systemtests.running.SystemUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each service's OpenAPI document (every service's own {@code /q/openapi}, and the
 * gateway's merged {@code /openapi}, called through the gateway) tells the truth: requests
 * generated from it, valid and invalid, get only answers it declares (status, content type, body
 * schema), never a 5xx, and an invalid request is refused and stores nothing. The counts per
 * service are printed and written to {@code target/openapi-fuzz.txt}.
 */
@ExtendWith(RunningSystem.class)
class OpenApiFuzzTest {

    /** Fixed, so a failure can be replayed; change it to explore other values. */
    private static final long SEED = 20261129L;

    @Test
    void identitysDocumentTellsTheTruth(SystemUnderTest system) {
        fuzz(system, "identity", system.serviceUrl("identity"), "/q/openapi");
    }

    @Test
    void patientsDocumentTellsTheTruth(SystemUnderTest system) {
        fuzz(system, "patients", system.serviceUrl("patients"), "/q/openapi");
    }

    @Test
    void schedulingsDocumentTellsTheTruth(SystemUnderTest system) {
        fuzz(system, "scheduling", system.serviceUrl("scheduling"), "/q/openapi");
    }

    @Test
    void clinicalsDocumentTellsTheTruth(SystemUnderTest system) {
        fuzz(system, "clinical", system.serviceUrl("clinical"), "/q/openapi");
    }

    @Test
    void emergencysDocumentTellsTheTruth(SystemUnderTest system) {
        fuzz(system, "emergency", system.serviceUrl("emergency"), "/q/openapi");
    }

    @Test
    void theGatewaysMergedDocumentTellsTheTruth(SystemUnderTest system) {
        fuzz(system, "gateway", system.gatewayUrl(), "/openapi");
    }

    private static void fuzz(SystemUnderTest system, String service, String baseUrl, String documentPath) {
        Response served = given().baseUri(baseUrl).accept("application/json").get(documentPath);
        assertThat(served.statusCode()).as(served.asString()).isEqualTo(200);
        ApiDocument document = ApiDocument.parse(served.asString());
        Fuzzer fuzzer = new Fuzzer(service, baseUrl, document, new SystemFixtures(system), SEED);

        fuzzer.validPhase();
        String before = stored(system);
        fuzzer.invalidPhase();
        String after = stored(system);

        Fuzzer.Report report = fuzzer.report();
        record(system, report.summary());
        assertThat(report.requests()).as("requests sent").isGreaterThan(50);
        assertThat(report.mismatches()).as(report.summary()).isEmpty();
        assertThat(after).as("what is stored, before and after the invalid requests").isEqualTo(before);
    }

    /**
     * What invalid requests could have changed: how many patients and accounts there are, and the
     * versions of the records the fuzzer aims at.
     */
    private static String stored(SystemUnderTest system) {
        SystemFixtures fixtures = new SystemFixtures(system);
        Response patients = given().baseUri(system.gatewayUrl()).auth().oauth2(TestTokens.of(Roles.ADMIN))
                .queryParam("size", 1).get("/api/v1/patients");
        Response users = given().baseUri(system.gatewayUrl()).auth().oauth2(system.adminToken())
                .queryParam("size", 1).get("/api/v1/users");
        Response patient = given().baseUri(system.gatewayUrl()).auth().oauth2(TestTokens.of(Roles.ADMIN))
                .redirects().follow(false).get("/api/v1/patients/" + fixtures.patientId());
        Response user = given().baseUri(system.gatewayUrl()).auth().oauth2(system.adminToken())
                .get("/api/v1/users/" + fixtures.userId());
        return "patients=" + patients.jsonPath().getLong("total") + " users=" + users.jsonPath().getLong("total")
                + " patient=" + patient.statusCode() + patient.header("ETag")
                + " user=" + user.statusCode() + user.header("ETag");
    }

    private static void record(SystemUnderTest system, String line) {
        System.out.println("openapi fuzz: " + line);
        Path file = Path.of(System.getProperty("hms.system-tests.target", "target"), "openapi-fuzz.txt");
        try {
            Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A patient and an account made for the fuzzer (it may erase or disable them), and tokens. */
    static final class SystemFixtures implements Fuzzer.Fixtures {

        private static UUID patientId;
        private static UUID userId;
        private final SystemUnderTest system;

        SystemFixtures(SystemUnderTest system) {
            this.system = system;
            synchronized (SystemFixtures.class) {
                if (patientId == null) {
                    patientId = system.registerPatient("Fuzz");
                    userId = createUser(system);
                }
            }
        }

        UUID patientId() {
            return patientId;
        }

        UUID userId() {
            return userId;
        }

        @Override
        public String token(List<String> roles) {
            if (roles.isEmpty() || roles.contains(Roles.ADMIN)) {
                return system.adminToken(); // identity's own endpoints need an account that exists
            }
            return TestTokens.of(roles.get(0));
        }

        @Override
        public String existingId(String path, String name) {
            if (path.startsWith("/api/v1/patients/")) {
                return patientId.toString();
            }
            if (path.startsWith("/api/v1/users/")) {
                return userId.toString();
            }
            return null;
        }

        private static UUID createUser(SystemUnderTest system) {
            String username = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
            Response created = given().baseUri(system.gatewayUrl()).auth().oauth2(system.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("username", username, "displayName", "Fuzz target",
                            "password", "Quiet-Harbour-" + UUID.randomUUID(), "roles", List.of(Roles.NURSE)))
                    .post("/api/v1/users");
            assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
            return UUID.fromString(created.jsonPath().getString("id"));
        }
    }
}
