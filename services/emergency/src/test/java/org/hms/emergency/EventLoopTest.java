package org.hms.emergency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.hms.platform.testing.BlockedEventLoops;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Nothing blocks an event loop: a burst of concurrent arrivals, triages, board and alert reads
 * must not make Vert.x report a blocked event-loop thread (threshold 1 s in tests).
 */
@QuarkusTest
class EventLoopTest {

    @Inject
    Vertx vertx;

    @Test
    void aBurstOfMixedRequestsNeverBlocksAnEventLoop() {
        try (BlockedEventLoops watch = BlockedEventLoops.watch()) {
            String known = EmergencyFixtures.arriveUnidentified("burst");
            List<Integer> statuses = BlockedEventLoops.burst(200, 16, i -> switch (i % 4) {
                case 0 -> EmergencyFixtures.post("nurse", EmergencyFixtures.VISITS,
                        EmergencyFixtures.unidentified("burst")).statusCode();
                case 1 -> EmergencyFixtures.triage(known, EmergencyFixtures.triageLevel3()).statusCode();
                case 2 -> given().auth().oauth2(TestTokens.of("nurse")).get(EmergencyFixtures.BOARD).statusCode();
                default -> given().auth().oauth2(TestTokens.of("physician")).queryParam("status", "open")
                        .get(EmergencyFixtures.ALERTS).statusCode();
            });
            assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(200, 201));
            assertThat(watch.reports()).isEmpty();
        }
    }

    /** The guard above can fail: an event loop blocked on purpose is reported. */
    @Test
    void aBlockedEventLoopIsReported() {
        BlockedEventLoops.proveDetection(vertx, Duration.ofMillis(2500));
    }
}
