package org.hms.clinical;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hms.platform.testing.BlockedEventLoops;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Nothing blocks an event loop: a burst of concurrent vitals, chart reads and vitals lists must
 * not make Vert.x report a blocked event-loop thread (threshold 1 s in tests).
 */
@QuarkusTest
class EventLoopTest {

    @Inject
    Vertx vertx;

    @Test
    void aBurstOfMixedRequestsNeverBlocksAnEventLoop() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try (BlockedEventLoops watch = BlockedEventLoops.watch()) {
            UUID patient = ClinicalFixtures.knownPatient();
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                int kind = i % 3;
                calls.add(CompletableFuture.supplyAsync(() -> switch (kind) {
                    case 0 -> given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                            .body(ClinicalFixtures.vitals(patient)).post(ClinicalFixtures.VITALS).statusCode();
                    case 1 -> given().auth().oauth2(TestTokens.of("physician"))
                            .get("/api/v1/patients/" + patient + "/chart").statusCode();
                    default -> given().auth().oauth2(TestTokens.of("nurse"))
                            .get("/api/v1/patients/" + patient + "/vitals").statusCode();
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
