package org.hms.patients.patient;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hms.patients.patient.PatientFixtures.PATIENTS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hms.platform.security.Roles;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, endpoint by endpoint: every staff role, a patient on their own record,
 * a patient on someone else's, and no token at all. Allowed callers are sent requests that
 * change nothing (an empty body, an unknown id, no If-Match), so the test only sees the
 * authorisation decision.
 */
@QuarkusTest
class PatientAuthorizationTest {

    record Endpoint(String method, String path, Set<String> roles, boolean patientOnOwnRecord, Object body) {}

    UUID patient;

    static List<Endpoint> endpoints() {
        String one = PATIENTS + "/{id}";
        return List.of(
                new Endpoint("POST", PATIENTS, Set.of("receptionist", "admin"), false, Map.of()),
                new Endpoint("GET", one, Set.of("physician", "nurse", "receptionist", "admin"), true, null),
                new Endpoint("GET", PATIENTS, Set.of("physician", "nurse", "receptionist", "admin"), false, null),
                new Endpoint("PUT", one, Set.of("receptionist", "admin"), false, Map.of()),
                new Endpoint("POST", one + "/merge", Set.of("admin"), false, Map.of("survivorId", UUID.randomUUID())),
                new Endpoint("POST", one + "/erasure", Set.of("admin"), false, Map.of()),
                new Endpoint("GET", one + "/export", Set.of("admin"), true, null));
    }

    @Test
    void everyEndpointAnswersEachRoleAsTheMatrixSays() {
        patient = PatientFixtures.registerNew();
        for (Endpoint endpoint : endpoints()) {
            assertThat(status(endpoint, null))
                    .as("%s %s without a token", endpoint.method(), endpoint.path())
                    .isEqualTo(401);
            for (String role : List.of(Roles.ADMIN, Roles.PHYSICIAN, Roles.NURSE, Roles.RECEPTIONIST, Roles.PHARMACIST,
                    Roles.LAB_TECHNICIAN, Roles.BILLING_CLERK)) {
                int status = status(endpoint, TestTokens.of(role));
                if (endpoint.roles().contains(role)) {
                    assertThat(status).as("%s %s as %s", endpoint.method(), endpoint.path(), role)
                            .isNotIn(401, 403);
                } else {
                    assertThat(status).as("%s %s as %s", endpoint.method(), endpoint.path(), role)
                            .isEqualTo(403);
                }
            }
            int own = status(endpoint, TestTokens.patient(patient));
            assertThat(own).as("%s %s as the patient themselves", endpoint.method(), endpoint.path())
                    .matches(s -> endpoint.patientOnOwnRecord() ? s != 401 && s != 403 : s == 403);
            assertThat(status(endpoint, TestTokens.patient(UUID.randomUUID())))
                    .as("%s %s as another patient", endpoint.method(), endpoint.path())
                    .isEqualTo(403);
        }
    }

    private int status(Endpoint endpoint, String token) {
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            request.contentType(ContentType.JSON).body(endpoint.body());
        }
        String path = endpoint.path().replace("{id}", patient.toString());
        if (endpoint.method().equals("POST") && path.endsWith("/erasure")) {
            path = path.replace(patient.toString(), UUID.randomUUID().toString()); // never erase for real
        }
        return request.request(endpoint.method(), path).statusCode();
    }
}
