package org.hms.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.hms.gateway.testing.Callers;
import org.hms.gateway.testing.UpstreamServers;
import org.junit.jupiter.api.Test;

/** The test profile allows one web origin: https://ward.hms.example.org. */
@QuarkusTest
@WithTestResource(UpstreamServers.class)
class CorsTest {

    private static final String WARD = "https://ward.hms.example.org";

    @Test
    void aPreflightFromTheWebClientsOriginIsAllowedByTheGatewayAlone() {
        String path = "/api/v1/patients/" + UUID.randomUUID();
        given().header("Origin", WARD)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .options(path)
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", WARD)
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("If-Match"))
                .header("Access-Control-Allow-Credentials", not("true"));
        assertThat(UpstreamServers.patients().saw(path)).isFalse();
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefused() {
        given().header("Origin", "https://evil.example.org")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/patients")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theAnswerToTheWebClientLetsItReadTheHeadersItNeeds() {
        given().auth().oauth2(Callers.freshUser("nurse"))
                .header("Origin", WARD)
                .get("/api/v1/patients/echo")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", WARD)
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"));
    }
}
