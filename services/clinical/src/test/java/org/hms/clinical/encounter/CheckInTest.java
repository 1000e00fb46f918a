package org.hms.clinical.encounter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hms.clinical.ClinicalFixtures.envelope;
import static org.hms.clinical.ClinicalFixtures.sql;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hms.clinical.ClinicalFixtures;
import org.hms.contracts.Topics;
import org.hms.contracts.scheduling.AppointmentCheckedIn;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Check-ins on the real hms.scheduling open outpatient encounters, once per appointment. */
@QuarkusTest
class CheckInTest {

    static final KafkaEvents kafka = new KafkaEvents();

    @Inject
    MeterRegistry registry;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aCheckInOpensExactlyOneEncounterAndRedeliveryOpensNoneMore() {
        UUID patient = ClinicalFixtures.knownPatient();
        UUID appointment = UUID.randomUUID();
        UUID practitioner = UUID.randomUUID();
        KafkaEvents.Mark clinical = kafka.mark(Topics.CLINICAL);
        double duplicatesBefore = consumed("duplicate");
        String checkIn = envelope(new AppointmentCheckedIn(appointment, patient, practitioner,
                Instant.parse("2026-12-01T07:00:00Z"), 15, "consultation", Instant.parse("2026-12-01T06:55:00Z"), 1));

        kafka.sendAsRelay(Topics.SCHEDULING, appointment, checkIn);
        kafka.sendAsRelay(Topics.SCHEDULING, appointment, checkIn); // redelivered
        // and the same check-in published again as a new event (a replay by the producer)
        kafka.sendAsRelay(Topics.SCHEDULING, appointment, envelope(new AppointmentCheckedIn(appointment, patient,
                practitioner, Instant.parse("2026-12-01T07:00:00Z"), 15, "consultation",
                Instant.parse("2026-12-01T06:55:00Z"), 1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> consumed("duplicate") > duplicatesBefore);
        await().atMost(Duration.ofSeconds(30)).until(() -> encountersOf(appointment) == 1L);
        given().auth().oauth2(TestTokens.of("physician")).get("/api/v1/patients/" + patient + "/encounters")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].encounterClass", equalTo("outpatient"))
                .body("items[0].status", equalTo("in-progress"))
                .body("items[0].appointmentId", equalTo(appointment.toString()))
                .body("items[0].practitionerId", equalTo(practitioner.toString()))
                .body("items[0].startedAt", equalTo("2026-12-01T06:55:00Z"));
        var opened = kafka.awaitOne(clinical, KafkaEvents.key(patient).and(KafkaEvents.containing("EncounterOpened")));
        assertThat(opened.value()).contains(appointment.toString());
        assertThat(encountersOf(appointment)).isEqualTo(1L);
    }

    @Test
    void anUnreadableMessageIsDeadLetteredAndTheNextCheckInStillOpensItsEncounter() {
        UUID patient = ClinicalFixtures.knownPatient();
        UUID appointment = UUID.randomUUID();
        KafkaEvents.Mark dlq = kafka.mark(Topics.deadLetter(Topics.SCHEDULING));
        String garbage = "not an event " + UUID.randomUUID();

        kafka.sendAsRelay(Topics.SCHEDULING, appointment, garbage);
        kafka.sendAsRelay(Topics.SCHEDULING, appointment, envelope(new AppointmentCheckedIn(appointment, patient, null,
                Instant.now(), 30, "follow-up", Instant.now(), 1)));

        kafka.awaitOne(dlq, KafkaEvents.containing(garbage));
        await().atMost(Duration.ofSeconds(30)).until(() -> encountersOf(appointment) == 1L);
    }

    private static long encountersOf(UUID appointment) {
        return (Long) sql("select count(*) from encounter where appointment_id = $1", Tuple.of(appointment)).get(0);
    }

    private double consumed(String outcome) {
        var counter = registry.find("hms.events.consumed").tag("consumer", "clinical.check-ins").tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
