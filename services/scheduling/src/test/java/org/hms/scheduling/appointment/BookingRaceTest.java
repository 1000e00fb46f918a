package org.hms.scheduling.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.hms.platform.testing.TestTokens;
import org.hms.scheduling.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Many clients booking the same time at the same moment: PostgreSQL's exclusion constraints
 * let exactly one through, and every loser gets a 409 problem naming what is taken (never a 500).
 */
@QuarkusTest
class BookingRaceTest {

    static final int CLIENTS = 20;
    static final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);

    @AfterAll
    static void stop() {
        pool.shutdown();
    }

    @Test
    void twentyClientsBookingOneSlotAtOnceGiveOneBookingAndNineteenConflicts() throws Exception {
        UUID practitioner = Fixtures.bookablePractitioner();
        Instant start = Fixtures.at(Fixtures.futureDate(), "10:00");

        List<Response> answers = race(i -> Fixtures.booking(Fixtures.knownPatient(), practitioner, start, 15));

        assertThat(statuses(answers)).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("taken")).isEqualTo("practitioner");
            assertThat(r.jsonPath().getString("type")).endsWith("slot-taken");
        });
        assertThat(activeAppointments("practitioner_id", practitioner)).isEqualTo(1);
    }

    @Test
    void onePatientBookedAtOverlappingTimesWithTwentyPractitionersAtOnceGetsOneAppointment() throws Exception {
        UUID patient = Fixtures.knownPatient();
        LocalDate date = Fixtures.futureDate();
        List<UUID> practitioners = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            practitioners.add(Fixtures.bookablePractitioner());
        }

        // 10:00, 10:05, 10:10, ... for 30 minutes: each overlaps all the others
        List<Response> answers = race(i -> Fixtures.booking(patient, practitioners.get(i),
                Fixtures.at(date, "10:00").plusSeconds(60L * (i % 3) * 5), 30));

        assertThat(statuses(answers)).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        answers.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertThat(r.jsonPath().getString("taken")).isEqualTo("patient"));
        assertThat(activeAppointments("patient_id", patient)).isEqualTo(1);
    }

    /** Sends {@code CLIENTS} bookings released at the same instant. */
    private static List<Response> race(IntFunction<Map<String, Object>> body) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Map<String, Object> booking = body.apply(i);
            String token = TestTokens.of("receptionist");
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return Fixtures.book(token, booking);
            }, pool));
        }
        go.countDown();
        List<Response> answers = new ArrayList<>();
        for (CompletableFuture<Response> call : calls) {
            answers.add(call.get());
        }
        return answers;
    }

    private static List<Integer> statuses(List<Response> answers) {
        return answers.stream().map(Response::statusCode).toList();
    }

    static long activeAppointments(String column, UUID id) {
        return Fixtures.pool()
                .preparedQuery("select count(*) from appointment where " + column
                        + " = $1 and status in ('BOOKED', 'CHECKED_IN')")
                .execute(Tuple.of(id))
                .await().indefinitely()
                .iterator().next().getLong(0);
    }
}
