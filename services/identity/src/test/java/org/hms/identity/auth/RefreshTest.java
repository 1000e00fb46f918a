package org.hms.identity.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hms.identity.Accounts.LOGOUT;
import static org.hms.identity.Accounts.REFRESH;
import static org.hms.identity.Accounts.TOKEN;
import static org.hms.identity.Accounts.USERS;
import static org.hms.identity.Accounts.claims;
import static org.hms.identity.Accounts.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.hms.identity.Accounts;
import org.hms.identity.Accounts.Account;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefreshTest {

    @Test
    void aRefreshReplacesTheRefreshTokenAndIssuesAFreshAccessToken() {
        Account nurse = Accounts.create("nurse");
        Response first = Accounts.tokens(nurse);

        Response second = refresh(first.path("refresh_token"));

        second.then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900));
        assertThat(second.<String>path("refresh_token")).isNotEqualTo(first.path("refresh_token"));
        String access = second.path("access_token");
        JsonNode before = claims(first.path("access_token"));
        assertThat(claims(access).get("jti").asText()).isNotEqualTo(before.get("jti").asText());
        assertThat(claims(access).get("sid").asText()).as("the same session").isEqualTo(before.get("sid").asText());
        given().auth().oauth2(access).get(USERS + "/me").then().statusCode(200);
        refresh(second.path("refresh_token")).then().statusCode(200);
    }

    @Test
    void aReplacedRefreshTokenPresentedAgainRevokesTheWholeFamily() {
        Account physician = Accounts.create("physician");
        String first = Accounts.tokens(physician).path("refresh_token");
        String second = refresh(first).then().statusCode(200).extract().path("refresh_token");

        // someone replays the first token: a copy leaked, so nobody keeps this session
        refresh(first).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-refresh-token"))
                .body("error", equalTo("invalid_grant"));
        refresh(second).then().statusCode(401);

        // a new sign-in starts a new, unaffected session
        String fresh = Accounts.tokens(physician).path("refresh_token");
        refresh(fresh).then().statusCode(200);
    }

    @Test
    void theOAuthRefreshTokenGrantWorksOnTheTokenEndpoint() {
        Account nurse = Accounts.create("nurse");
        String refreshToken = Accounts.tokens(nurse).path("refresh_token");

        String next = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken)
                .post(TOKEN)
                .then()
                .statusCode(200)
                .extract()
                .path("refresh_token");
        given().contentType(ContentType.URLENC).formParam("refresh_token", next)
                .post(REFRESH)
                .then()
                .statusCode(200);
    }

    @Test
    void logoutEndsTheSession() {
        Account nurse = Accounts.create("nurse");
        String first = Accounts.tokens(nurse).path("refresh_token");
        String current = refresh(first).then().statusCode(200).extract().path("refresh_token");

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", current))
                .post(LOGOUT)
                .then()
                .statusCode(204);

        refresh(current).then().statusCode(401);
        // logging out twice, or with a token nobody knows, is no error and tells nothing
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", current)).post(LOGOUT).then().statusCode(204);
        given().contentType(ContentType.URLENC).formParam("refresh_token", "not-a-token")
                .post(LOGOUT)
                .then()
                .statusCode(204);
    }

    @Test
    void anUnknownOrMissingRefreshTokenIsRefused() {
        refresh("made-up-token-made-up-token-made-up-token00").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of())
                .post(REFRESH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("refreshToken"));
    }

    @Test
    void disablingAnAccountEndsItsSessions() {
        Account nurse = Accounts.create("nurse");
        String refreshToken = Accounts.tokens(nurse).path("refresh_token");

        given().auth().oauth2(TestTokens.of("admin")).header("If-Match", Accounts.etag(nurse.id()))
                .post(USERS + "/" + nurse.id() + "/disable")
                .then()
                .statusCode(200);

        refresh(refreshToken).then().statusCode(401);
    }

    @Test
    void aRoleChangeReachesTheTokensAtTheNextRefresh() {
        Account nurse = Accounts.create("nurse");
        String refreshToken = Accounts.tokens(nurse).path("refresh_token");

        given().auth().oauth2(TestTokens.of("admin")).header("If-Match", Accounts.etag(nurse.id()))
                .contentType(ContentType.JSON).body(Map.of("roles", List.of("nurse", "receptionist")))
                .put(USERS + "/" + nurse.id() + "/roles")
                .then()
                .statusCode(200);

        String access = refresh(refreshToken).then().statusCode(200).extract().path("access_token");
        assertThat(claims(access).get("groups")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("nurse", "receptionist");
    }
}
