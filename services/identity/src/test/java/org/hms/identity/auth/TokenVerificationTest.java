package org.hms.identity.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hms.identity.Accounts.USERS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.identity.Accounts;
import org.hms.identity.Accounts.Account;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Identity verifies tokens like every service: its own are accepted, broken ones are 401, roles are 403. */
@QuarkusTest
class TokenVerificationTest {

    @Test
    void aTokenIssuedByIdentityIsAcceptedByItsProtectedEndpoints() {
        Account admin = Accounts.create("admin");
        String token = Accounts.tokens(admin).path("access_token");

        given().auth().oauth2(token).get(USERS + "/me").then().statusCode(200);
        given().auth().oauth2(token).queryParam("username", admin.username()).get(USERS)
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void expiredTamperedForeignAndWronglySignedTokensAreRefused() {
        Account admin = Accounts.create("admin");
        String issued = Accounts.tokens(admin).path("access_token");
        for (String token : List.of(TestTokens.expired("admin"), TestTokens.tampered("receptionist"),
                TestTokens.wrongIssuer("admin"), TestTokens.signedByAnotherKey("admin"),
                tamper(issued, admin.username()), "garbage")) {
            given().auth().oauth2(token).get(USERS)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
        }
        given().get(USERS).then().statusCode(401);
    }

    @Test
    void everyAdminEndpointRefusesEveryOtherRole() {
        UUID someone = Accounts.create("nurse").id();
        Map<String, Object> body = Accounts.body(Accounts.username(), Accounts.password(), List.of("nurse"));
        for (String role : List.of("physician", "nurse", "receptionist", "pharmacist", "lab_technician",
                "billing_clerk")) {
            String token = TestTokens.of(role);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(USERS).then().statusCode(403);
            given().auth().oauth2(token).get(USERS).then().statusCode(403);
            given().auth().oauth2(token).get(USERS + "/" + someone).then().statusCode(403);
            given().auth().oauth2(token).header("If-Match", "\"0\"").post(USERS + "/" + someone + "/disable")
                    .then()
                    .statusCode(403);
            given().auth().oauth2(token).header("If-Match", "\"0\"").post(USERS + "/" + someone + "/enable")
                    .then()
                    .statusCode(403);
            given().auth().oauth2(token).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                    .body(Map.of("newPassword", Accounts.password()))
                    .post(USERS + "/" + someone + "/password")
                    .then()
                    .statusCode(403);
            given().auth().oauth2(token).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                    .body(Map.of("roles", List.of("admin")))
                    .put(USERS + "/" + someone + "/roles")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.patient(UUID.randomUUID())).get(USERS).then().statusCode(403);
    }

    /** Identity's own token, its username swapped for another after signing. */
    private static String tamper(String jwt, String username) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(username, "someone-else");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
