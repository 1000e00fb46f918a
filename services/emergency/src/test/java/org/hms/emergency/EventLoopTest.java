package org.hms.emergency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    void aBurstOfMixedRequestsNeverBlocksAnEventLoop() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try (BlockedEventLoops watch = BlockedEventLoops.watch()) {
            String known = EmergencyFixtures.arriveUnidentified("burst");
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int kind = i % 4;
                calls.add(CompletableFuture.supplyAsync(() -> switch (kind) {
                    case 0 -> EmergencyFixtures.post("nurse", EmergencyFixtures.VISITS,
                            EmergencyFixtures.unidentified("burst")).statusCode();
                    case 1 -> EmergencyFixtures.triage(known, EmergencyFixtures.triageLevel3()).statusCode();
                    case 2 -> given().auth().oauth2(TestTokens.of("nurse")).get(EmergencyFixtures.BOARD).statusCode();
                    default -> given().auth().oauth2(TestTokens.of("physician")).queryParam("status", "open")
                            .get(EmergencyFixtures.ALERTS).statusCode();
                }, clients));
            }
            for (CompletableFuture<Integer> call : calls) {
                assertThat(call.get()).isIn(200, 201);
            }
            assertThat(watch.reports()).isEmpty();
        } finally {
            clients.shutdown();
        }
    }

    /** The guard above can fail: an event loop blocked on purpose is reported. */
    @Test
    void aBlockedEventLoopIsReported() {
        BlockedEventLoops.proveDetection(vertx, Duration.ofMillis(2500));
    }
}
