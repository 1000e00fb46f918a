package org.hms.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hms.gateway.testing.Callers;
import org.hms.gateway.testing.TestUpstream;
import org.hms.gateway.testing.UpstreamServers;
import org.junit.jupiter.api.Test;

/**
 * Upstream failures in the test profile: ghost (nothing listens), flaky (stopped and started by
 * the test; circuit opens after 2 failures, tries again after 1 s), sluggish (500 ms timeout).
 */
@QuarkusTest
@WithTestResource(UpstreamServers.class)
class ResilienceTest {

    /** hms.gateway.upstreams.*.timeout's default: a dead service must be answered well before it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void aServiceNobodyAnswersForIsA503ProblemNamingIt() {
        long started = System.nanoTime();
        given().auth().oauth2(Callers.freshUser("nurse"))
                .get("/api/v1/ghost/anything")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hms.example.org/problems/service-unavailable"))
                .body("service", equalTo("ghost"))
                .body("detail", containsString("ghost"))
                .header("Retry-After", notNullValue());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
    }

    @Test
    void aStoppedServiceFailsFastWhileOthersWorkAndRecoversWhenItIsBack() {
        TestUpstream flaky = UpstreamServers.flaky();
        String token = Callers.freshUser("admin");
        given().auth().oauth2(token).get("/api/v1/flaky/1").then().statusCode(200).body("upstream", equalTo("flaky"));
        try {
            flaky.stop();
            for (int i = 0; i < 2; i++) {
                given().auth().oauth2(token).get("/api/v1/flaky/1")
                        .then().statusCode(503).body("service", equalTo("flaky"));
            }
            // two failures opened its circuit: no connection is even tried now
            given().auth().oauth2(token).get("/api/v1/flaky/1")
                    .then()
                    .statusCode(503)
                    .body("service", equalTo("flaky"))
                    .body("circuit", equalTo("OPEN"))
                    .header("Retry-After", "1");
            given().auth().oauth2(token).get("/api/v1/patients/1").then().statusCode(200);
            Map<String, Object> state = upstream(status(token), "flaky");
            assertThat(state).containsEntry("circuit", "OPEN").containsEntry("reachable", false);
            given().get("/q/metrics").then().body(containsString("hms_gateway_circuit_state{upstream=\"flaky\"} 2.0"));
        } finally {
            flaky.start();
        }
        // after the pause one trial call goes through (half-open), succeeds, and closes the circuit
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/flaky/1").then().statusCode(200));
        assertThat(upstream(status(token), "flaky")).containsEntry("circuit", "CLOSED").containsEntry("reachable", true);
    }

    @Test
    void aServiceTooSlowToAnswerIsA504WithinItsTimeout() {
        long started = System.nanoTime();
        given().auth().oauth2(Callers.freshUser("nurse"))
                .get("/api/v1/sluggish/slow?ms=5000")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hms.example.org/problems/upstream-timeout"))
                .body("service", equalTo("sluggish"))
                .body("detail", equalTo("sluggish did not answer within 500 ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aClientHangingUpMidUploadFreesTheServiceAndDoesNotCountAgainstIt() throws Exception {
        String token = Callers.freshUser("receptionist");
        for (int i = 0; i < 3; i++) {
            String path = "/api/v1/uploads/" + UUID.randomUUID() + "/digest";
            try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Length: 10000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(TestUpstream.pattern(64 * 1024));
                out.flush();
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> UpstreamServers.patients().saw(path));
            }
            // the service learns at once that the upload will never complete
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> UpstreamServers.patients().sawAborted(path));
        }
        String admin = Callers.freshUser("admin");
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(upstream(status(admin), "uploads"))
                        .containsEntry("circuit", "CLOSED")
                        .containsEntry("recentFailures", 0));
        given().auth().oauth2(token).get("/api/v1/uploads/1").then().statusCode(200);
    }

    @Test
    void aClientThatStopsWaitingFreesTheServiceAtOnce() throws Exception {
        String path = "/api/v1/uploads/" + UUID.randomUUID() + "/slow";
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.getOutputStream().write(("GET " + path + "?ms=20000 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Callers.freshUser("nurse") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> UpstreamServers.patients().saw(path));
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> UpstreamServers.patients().sawAborted(path));
    }

    private static Response status(String adminToken) {
        return given().auth().oauth2(adminToken).get("/api/v1/gateway/status");
    }

    private static Map<String, Object> upstream(Response status, String name) {
        return JsonPath.from(status.asString()).getMap("upstreams.find { it.name == '" + name + "' }");
    }
}
