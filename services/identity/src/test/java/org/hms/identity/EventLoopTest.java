package org.hms.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hms.identity.Accounts.Account;
import org.hms.platform.testing.BlockedEventLoops;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Password hashing never runs on an event loop. With bcrypt at cost 14 (over a second of CPU per
 * hash here), a single hash on an event loop would hold it beyond the 1 s that Vert.x reports in
 * tests; concurrent sign-ins, right and wrong, beside other calls must cause no report.
 */
@QuarkusTest
@TestProfile(EventLoopTest.CostlyHashes.class)
class EventLoopTest {

    @Inject
    Vertx vertx;

    @Test
    void aBurstOfSignInsAndAdminCallsNeverBlocksAnEventLoop() {
        Account account = Accounts.create("nurse");
        try (BlockedEventLoops watch = BlockedEventLoops.watch()) {
            List<Integer> statuses = BlockedEventLoops.burst(4, 4, i -> switch (i) {
                case 0, 1 -> Accounts.signIn(account.username(), account.password()).statusCode();
                case 2 -> Accounts.signIn(account.username(), "a wrong password").statusCode();
                default -> given().auth().oauth2(TestTokens.of("admin")).get(Accounts.USERS).statusCode();
            });
            assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(200, 401));
            assertThat(watch.reports()).isEmpty();
        }
    }

    /** The guard above can fail: an event loop blocked on purpose is reported. */
    @Test
    void aBlockedEventLoopIsReported() {
        BlockedEventLoops.proveDetection(vertx, Duration.ofMillis(2500));
    }

    /** bcrypt twice as costly as in production. */
    public static class CostlyHashes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hms.identity.password.bcrypt-cost", "14");
        }
    }
}
