package org.hms.patients;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hms.patients.patient.PatientFixtures;
import org.hms.platform.testing.BlockedEventLoops;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Nothing blocks an event loop: a burst of concurrent registrations, reads and searches
 * must not make Vert.x report a blocked event-loop thread (threshold 1 s in tests).
 */
@QuarkusTest
class EventLoopTest {

    @Inject
    Vertx vertx;

    @Test
    void aBurstOfMixedRequestsNeverBlocksAnEventLoop() {
        try (BlockedEventLoops watch = BlockedEventLoops.watch()) {
            UUID known = PatientFixtures.registerNew();
            List<Integer> statuses = BlockedEventLoops.burst(240, 16, i -> switch (i % 3) {
                case 0 -> given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                        .body(PatientFixtures.body()).post(PatientFixtures.PATIENTS).statusCode();
                case 1 -> given().auth().oauth2(TestTokens.of("nurse"))
                        .get(PatientFixtures.PATIENTS + "/" + known).statusCode();
                default -> given().auth().oauth2(TestTokens.of("physician")).queryParam("name", "zof")
                        .get(PatientFixtures.PATIENTS).statusCode();
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
