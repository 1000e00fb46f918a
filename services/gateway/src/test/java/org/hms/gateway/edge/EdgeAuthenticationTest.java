package org.hms.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hms.gateway.testing.Callers;
import org.hms.gateway.testing.UpstreamServers;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(UpstreamServers.class)
class EdgeAuthenticationTest {

    @Test
    void aRequestWithoutAValidTokenIsRefusedBeforeAnyServiceSeesIt() {
        Map<String, UnaryOperator<RequestSpecification>> callers = new LinkedHashMap<>();
        callers.put("no token", r -> r);
        callers.put("expired", r -> r.auth().oauth2(TestTokens.expired("nurse")));
        callers.put("tampered", r -> r.auth().oauth2(TestTokens.tampered("nurse")));
        callers.put("wrong issuer", r -> r.auth().oauth2(TestTokens.wrongIssuer("nurse")));
        callers.put("another key", r -> r.auth().oauth2(TestTokens.signedByAnotherKey("nurse")));
        callers.put("not a JWT", r -> r.auth().oauth2("not-a-jwt"));
        callers.put("basic auth", r -> r.auth().preemptive().basic("nurse", "secret"));

        callers.forEach((what, caller) -> {
            String path = "/api/v1/patients/" + UUID.randomUUID();
            caller.apply(given().header(Callers.FORWARDED_FOR, Callers.freshClientIp()))
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("type", equalTo("https://hms.example.org/problems/unauthenticated"))
                    .body("status", equalTo(401))
                    .body("instance", equalTo(path));
            assertThat(UpstreamServers.patients().saw(path)).as(what + ": the service saw the request").isFalse();
        });
    }

    @Test
    void aTokenThatFailedVerificationIsNamedInvalidInTheChallenge() {
        given().auth().oauth2(TestTokens.expired("nurse"))
                .get("/api/v1/patients/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""));
    }

    @Test
    void aValidTokenReachesTheServiceWhichVerifiesItAgain() {
        String token = Callers.freshUser("nurse");
        given().auth().oauth2(token)
                .get("/api/v1/patients/" + UUID.randomUUID())
                .then()
                .statusCode(200)
                .body("upstream", equalTo("patients"))
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void signingInAndTheKeySetNeedNoToken() {
        String ip = Callers.freshClientIp();
        given().header(Callers.FORWARDED_FOR, ip)
                .contentType(ContentType.JSON)
                .body("{\"username\":\"admin\",\"password\":\"correct horse\"}")
                .post("/api/v1/auth/token")
                .then()
                .statusCode(200)
                .body("upstream", equalTo("identity"))
                .body("body", equalTo("{\"username\":\"admin\",\"password\":\"correct horse\"}"));
        given().header(Callers.FORWARDED_FOR, ip)
                .get("/.well-known/jwks.json")
                .then()
                .statusCode(200)
                .body("upstream", equalTo("identity"));
    }

    @Test
    void otherAccountPathsStillNeedAToken() {
        given().get("/api/v1/users").then().statusCode(401);
        given().get("/api/v1/auth/token/extra").then().statusCode(401);
    }
}
