package org.hms.identity.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hms.identity.Accounts.TOKEN;
import static org.hms.identity.Accounts.USERS;
import static org.hms.identity.Accounts.claims;
import static org.hms.identity.Accounts.header;
import static org.hms.identity.Accounts.signIn;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hms.identity.Accounts;
import org.hms.identity.Accounts.Account;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignInTest {

    @Test
    void aSignInAnswersTheOAuthTokenResponseWithAnAccessTokenForTheAccount() {
        Account nurse = Accounts.create("nurse");

        Response response = signIn(nurse.username(), nurse.password());

        response.then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900));
        assertThat(response.jsonPath().getMap("$").keySet())
                .containsExactlyInAnyOrder("access_token", "token_type", "expires_in", "refresh_token");
        String accessToken = response.path("access_token");
        assertThat(response.<String>path("refresh_token")).matches("[A-Za-z0-9_-]{43}");

        JsonNode header = header(accessToken);
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(header.get("kid").asText()).isEqualTo("hms-dev");
        JsonNode claims = claims(accessToken);
        assertThat(claims.get("iss").asText()).isEqualTo("hms-identity");
        assertThat(claims.get("sub").asText()).isEqualTo(nurse.id().toString());
        assertThat(claims.get("upn").asText()).isEqualTo(nurse.username());
        assertThat(claims.get("groups")).extracting(JsonNode::asText).containsExactly("nurse");
        assertThat(UUID.fromString(claims.get("jti").asText())).isNotNull();
        assertThat(UUID.fromString(claims.get("sid").asText())).isNotNull();
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
        assertThat(claims.has("patient_id")).isFalse();

        given().auth().oauth2(accessToken).get(USERS + "/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(nurse.id().toString()))
                .body("roles", equalTo(List.of("nurse")))
                .body("lastLoginAt", notNullValue());
    }

    @Test
    void theFormEncodedPasswordGrantWorksToo() {
        Account clerk = Accounts.create("billing_clerk");
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("username", clerk.username())
                .formParam("password", clerk.password())
                .post(TOKEN)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("access_token", notNullValue())
                .body("refresh_token", notNullValue());
    }

    @Test
    void aPatientsTokenNamesTheirOwnPatientId() {
        UUID patientId = UUID.randomUUID();
        Account patient = Accounts.patient(patientId);

        JsonNode claims = claims(Accounts.tokens(patient).path("access_token"));

        assertThat(claims.get("patient_id").asText()).isEqualTo(patientId.toString());
        assertThat(claims.get("groups")).extracting(JsonNode::asText).containsExactly("patient");
    }

    @Test
    void usernamesAreCaseInsensitive() {
        Account physician = Accounts.create("physician");
        signIn("  " + physician.username().toUpperCase() + " ", physician.password()).then().statusCode(200);
    }

    @Test
    void aWrongPasswordAndAnUnknownUsernameGetTheSame401Problem() {
        Account nurse = Accounts.create("nurse");

        Response wrongPassword = signIn(nurse.username(), nurse.password() + "x");
        Response unknownUser = signIn(Accounts.username(), nurse.password());

        for (Response refused : List.of(wrongPassword, unknownUser)) {
            refused.then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"));
        }
        Map<String, Object> first = wrongPassword.jsonPath().getMap("$");
        Map<String, Object> second = unknownUser.jsonPath().getMap("$");
        assertThat(first).isEqualTo(second).containsEntry("error", "invalid_grant").containsKey("detail");
        assertThat(first.get("type").toString()).endsWith("/invalid-credentials");
    }

    @Test
    void repeatedFailuresLockTheUsernameEvenForTheRightPasswordUntilTheLockEnds() {
        Account nurse = Accounts.create("nurse");
        for (int i = 0; i < 5; i++) {
            signIn(nurse.username(), "wrong password " + i).then().statusCode(401);
        }

        Response locked = signIn(nurse.username(), nurse.password());
        locked.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", endsWith("/sign-in-locked"));
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 3);

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> signIn(nurse.username(), nurse.password()).statusCode() == 200);
        // a success forgets the earlier failures: one more mistake does not lock again
        signIn(nurse.username(), "wrong again").then().statusCode(401);
        signIn(nurse.username(), nurse.password()).then().statusCode(200);
    }

    @Test
    void anUnknownUsernameLocksTheSameWaySoALockRevealsNothing() {
        String nobody = Accounts.username();
        for (int i = 0; i < 5; i++) {
            signIn(nobody, "guess number " + i).then().statusCode(401);
        }
        signIn(nobody, "guess number 6").then().statusCode(429);
    }

    @Test
    void aDisabledAccountIsRefusedEvenWithTheRightPassword() {
        Account nurse = Accounts.create("nurse");
        given().auth().oauth2(TestTokens.of("admin")).header("If-Match", Accounts.etag(nurse.id()))
                .post(USERS + "/" + nurse.id() + "/disable")
                .then()
                .statusCode(200);

        signIn(nurse.username(), nurse.password())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/account-disabled"));
        // and the wrong password still says nothing more than for anyone else
        signIn(nurse.username(), "not the password").then().statusCode(401);
    }

    @Test
    void missingFieldsAreA400NamingEachOne() {
        given().contentType(ContentType.JSON).body(Map.of("username", ""))
                .post(TOKEN)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("username", "password"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .post(TOKEN)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("username", "password"));
        given().contentType(ContentType.URLENC).formParam("username", "someone")
                .post(TOKEN)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("grant_type"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post(TOKEN)
                .then()
                .statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
        given().contentType(ContentType.JSON).body("{\"username\": ")
                .post(TOKEN)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
