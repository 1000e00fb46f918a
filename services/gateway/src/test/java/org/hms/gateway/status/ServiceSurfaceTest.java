package org.hms.gateway.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hms.gateway.testing.Callers;
import org.hms.gateway.testing.UpstreamServers;
import org.hms.contracts.system.ServiceEntry;
import org.hms.contracts.system.SystemDescriptor;
import org.junit.jupiter.api.Test;

/** What ops rely on: health, the status page, metrics. */
@QuarkusTest
@WithTestResource(UpstreamServers.class)
class ServiceSurfaceTest {

    @Test
    void theGatewayIsReadyAndLiveOnItsOwn() {
        // ghost never answers, and the gateway is ready all the same
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theStatusPageShowsEachUpstreamToAdminsOnly() {
        given().get(GatewayStatus.PATH).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Callers.freshUser("nurse")).get(GatewayStatus.PATH)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hms.example.org/problems/forbidden"));
        given().auth().oauth2(Callers.freshUser("admin")).get(GatewayStatus.PATH)
                .then()
                .statusCode(200)
                .body("status", equalTo("DEGRADED"))
                .body("upstreams.name", hasItems(SystemDescriptor.load().routedServices().stream()
                        .map(ServiceEntry::name).toArray(String[]::new)))
                .body("upstreams.name", hasItems("flaky", "sluggish", "ghost"))
                .body("upstreams.find { it.name == 'patients' }.reachable", equalTo(true))
                .body("upstreams.find { it.name == 'patients' }.ready", equalTo(true))
                .body("upstreams.find { it.name == 'patients' }.circuit", equalTo("CLOSED"))
                .body("upstreams.find { it.name == 'ghost' }.reachable", equalTo(false))
                .body("rateLimits.redis", equalTo("reachable"));
    }

    @Test
    void metricsCountRequestsPerRouteWithLatencyAndCircuitState() {
        given().auth().oauth2(Callers.freshUser("nurse")).get("/api/v1/patients/echo").then().statusCode(200);
        given().auth().oauth2(Callers.freshUser("nurse")).get("/api/v1/nowhere").then().statusCode(404);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("hms_gateway_requests_seconds_count{outcome=\"SUCCESS\",route=\"/api/v1/patients\",status=\"200\"}"))
                .body(containsString("hms_gateway_requests_seconds_bucket{outcome=\"SUCCESS\",route=\"/api/v1/patients\",status=\"200\",le=\"0.025\"}"))
                .body(containsString("hms_gateway_requests_seconds_count{outcome=\"CLIENT_ERROR\",route=\"unmatched\",status=\"404\"}"))
                .body(containsString("hms_gateway_circuit_state{upstream=\"patients\"} 0.0"));
    }
}
