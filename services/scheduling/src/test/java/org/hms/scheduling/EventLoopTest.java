package org.hms.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hms.platform.testing.BlockedEventLoops;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Nothing blocks an event loop: a burst of bookings, slot reads and day lists is never reported. */
@QuarkusTest
class EventLoopTest {

    @Inject
    Vertx vertx;

    /**
     * First requests pay one-off costs on the event loop (class loading, the JIT); on a loaded
     * 2-core machine they can pass 1 s. That is start-up, not blocking I/O: one of each request
     * goes first, unwatched. (HQL is parsed at start: the queries are named.)
     */
    static void warmUp(String specialty, UUID practitioner, LocalDate date) {
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("date", date.toString())
                .get(Fixtures.PRACTITIONERS + "/" + practitioner + "/appointments").then().statusCode(200);
        given().auth().oauth2(TestTokens.of("patient")).queryParam("specialty", specialty)
                .queryParam("from", date.toString()).queryParam("to", date.toString())
                .get(Fixtures.SLOTS).then().statusCode(200);
        given().auth().oauth2(TestTokens.of("nurse")).get("/api/v1/patients/" + UUID.randomUUID() + "/appointments")
                .then().statusCode(200);
    }

    @Test
    void aBurstOfMixedRequestsNeverBlocksAnEventLoop() {
        String specialty = Fixtures.specialty();
        UUID practitioner = Fixtures.createPractitioner(specialty);
        Fixtures.setAvailability(practitioner, Fixtures.everyDay(List.of()));
        LocalDate date = Fixtures.futureDate();
        warmUp(specialty, practitioner, date);
        try (BlockedEventLoops watch = BlockedEventLoops.watch()) {
            List<UUID> patients = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                patients.add(Fixtures.knownPatient());
            }
            List<Integer> statuses = BlockedEventLoops.burst(180, 16, i -> switch (i % 3) {
                case 0 -> Fixtures.book(TestTokens.of("receptionist"), Fixtures.booking(patients.get(i / 3 % 32),
                        practitioner, Fixtures.at(date, "08:00").plusSeconds(900L * (i / 3 % 32)), 15)).statusCode();
                case 1 -> given().auth().oauth2(TestTokens.of("patient")).queryParam("specialty", specialty)
                        .queryParam("from", date.toString()).queryParam("to", date.plusDays(30).toString())
                        .get(Fixtures.SLOTS).statusCode();
                default -> given().auth().oauth2(TestTokens.of("nurse")).queryParam("date", date.toString())
                        .get(Fixtures.PRACTITIONERS + "/" + practitioner + "/appointments").statusCode();
            });
            assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(200, 201, 409));
            assertThat(watch.reports()).isEmpty();
        }
    }

    /** The guard above can fail: an event loop blocked on purpose is reported. */
    @Test
    void aBlockedEventLoopIsReported() {
        BlockedEventLoops.proveDetection(vertx, Duration.ofMillis(2500));
    }
}
