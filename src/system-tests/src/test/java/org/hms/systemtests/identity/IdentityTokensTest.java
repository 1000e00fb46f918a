package org.hms.systemtests.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hms.platform.security.Roles;
import org.hms.platform.testing.TestTokens;
import org.hms.systemtests.running.RunningSystem;
import org.hms.systemtests.running.SystemUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service accepts a token identity issued after a real sign-in, directly and through the
 * gateway, and refuses (401) tokens identity did not issue: another key, expired, another issuer,
 * a changed payload.
 */
@ExtendWith(RunningSystem.class)
class IdentityTokensTest {

    @Test
    void aTokenFromARealSignInReadsAPatientDirectlyAndThroughTheGateway(SystemUnderTest system) {
        String token = system.adminToken();
        assertThat(claims(token)).contains("\"iss\":\"hms-identity\"").contains("\"admin\"");
        String path = "/api/v1/patients/" + system.patientId();

        Response direct = given().baseUri(system.serviceUrl("patients")).auth().oauth2(token).get(path);
        Response throughGateway = given().baseUri(system.gatewayUrl()).auth().oauth2(token).get(path);

        assertThat(direct.statusCode()).as(direct.asString()).isEqualTo(200);
        assertThat(throughGateway.statusCode()).as(throughGateway.asString()).isEqualTo(200);
        assertThat(direct.jsonPath().getString("id")).isEqualTo(system.patientId().toString());
        assertThat(throughGateway.jsonPath().getString("id")).isEqualTo(system.patientId().toString());
    }

    @Test
    void identityKnowsTheAccountOfItsOwnToken(SystemUnderTest system) {
        Response me = given().baseUri(system.gatewayUrl()).auth().oauth2(system.adminToken()).get("/api/v1/users/me");

        assertThat(me.statusCode()).as(me.asString()).isEqualTo(200);
        assertThat(me.jsonPath().getString("username")).isEqualTo("admin");
    }

    @Test
    void servicesFindTheKeyByKidInIdentitysJwks(SystemUnderTest system) {
        String path = "/api/v1/patients/" + system.patientId();
        String published = TestTokens.of(Roles.PHYSICIAN); // the dev key, which identity signs with here
        String unpublished = TestTokens.unpublishedKeyId(Roles.PHYSICIAN); // same key, a kid not in the JWKS

        for (String base : List.of(system.serviceUrl("patients"), system.gatewayUrl())) {
            assertThat(given().baseUri(base).auth().oauth2(published).get(path).statusCode()).as(base).isEqualTo(200);
            assertThat(given().baseUri(base).auth().oauth2(unpublished).get(path).statusCode()).as(base)
                    .isEqualTo(401);
        }
    }

    static Stream<Arguments> tokensIdentityDidNotIssue() {
        return Stream.<Function<String, String>>of(
                        TestTokens::signedByAnotherKey, TestTokens::expired, TestTokens::wrongIssuer,
                        TestTokens::tampered)
                .map(token -> token.apply(Roles.ADMIN))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "[{index}] refused token")
    @MethodSource("tokensIdentityDidNotIssue")
    void aTokenIdentityDidNotIssueIsRefusedDirectlyAndByTheGateway(String token, SystemUnderTest system) {
        String path = "/api/v1/patients/" + system.patientId();

        Response direct = given().baseUri(system.serviceUrl("patients")).auth().oauth2(token).get(path);
        Response throughGateway = given().baseUri(system.gatewayUrl()).auth().oauth2(token).get(path);

        assertThat(direct.statusCode()).as("patients directly: %s", direct.asString()).isEqualTo(401);
        assertThat(throughGateway.statusCode()).as("through the gateway: %s", throughGateway.asString())
                .isEqualTo(401);
    }

    private static String claims(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
