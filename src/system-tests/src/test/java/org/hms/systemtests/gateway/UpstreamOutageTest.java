package org.hms.systemtests.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.time.Duration;
import org.hms.platform.security.Roles;
import org.hms.platform.testing.TestTokens;
import org.hms.systemtests.running.RunningSystem;
import org.hms.systemtests.running.SystemUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A service that crashes behind the gateway: its callers get a 503 problem naming it, quickly
 * and not a hang; the other services keep answering through the gateway; and once the service is
 * back, its route works again without touching the gateway.
 */
@ExtendWith(RunningSystem.class)
class UpstreamOutageTest {

    /** The gateway's per-upstream timeout (hms.gateway.upstreams.*.timeout): a 503 must come sooner. */
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void aCrashedServiceAnswers503NamingItTheOthersKeepWorkingAndItRecovers(SystemUnderTest system) {
        String physician = TestTokens.of(Roles.PHYSICIAN);
        String record = "/api/v1/patients/" + system.patientId();
        assertThat(read(system, physician, record).statusCode()).isEqualTo(200);

        system.crash("patients");
        try {
            long started = System.nanoTime();
            Response refused = read(system, physician, record);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("service")).isEqualTo("patients");
            assertThat(refused.jsonPath().getString("detail")).contains("patients");
            assertThat(took).as("a dead service is refused without waiting for the upstream timeout")
                    .isLessThan(UPSTREAM_TIMEOUT);

            Response keys = given().baseUri(system.gatewayUrl()).get("/.well-known/jwks.json");
            assertThat(keys.statusCode()).as("identity through the gateway meanwhile").isEqualTo(200);
            Response me = read(system, system.adminToken(), "/api/v1/users/me");
            assertThat(me.statusCode()).as(me.asString()).isEqualTo(200);
        } finally {
            system.restart("patients");
        }

        // the circuit may have opened: it lets a trial call through after its reset time (5 s)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(read(system, physician, record).statusCode()).isEqualTo(200));
    }

    private static Response read(SystemUnderTest system, String token, String path) {
        return given().baseUri(system.gatewayUrl()).auth().oauth2(token).get(path);
    }
}
