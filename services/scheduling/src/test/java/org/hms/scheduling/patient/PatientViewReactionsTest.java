package org.hms.scheduling.patient;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventSchemas;
import org.hms.contracts.Topics;
import org.hms.contracts.patients.Gender;
import org.hms.contracts.patients.HumanName;
import org.hms.contracts.patients.PatientDetails;
import org.hms.contracts.patients.PatientErased;
import org.hms.contracts.patients.PatientMerged;
import org.hms.contracts.patients.PatientRegistered;
import org.hms.contracts.scheduling.AppointmentCancelled;
import org.hms.platform.events.EventJson;
import org.hms.platform.events.Outbox;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.hms.scheduling.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Scheduling's patient view fed by the real hms.patients topic: patient events are published
 * there as the patients service's outbox does, and the tests look at appointments.
 */
@QuarkusTest
class PatientViewReactionsTest {

    static final KafkaEvents kafka = new KafkaEvents();
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Inject
    EventJson json;

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aPatientRegisteredOnHmsPatientsCanBeBooked() {
        UUID patient = registered();

        UUID id = Fixtures.booked(patient, Fixtures.bookablePractitioner(), Fixtures.at(Fixtures.futureDate(), "09:00"));

        assertThat(id).isNotNull();
    }

    @Test
    void anErasedPatientsFutureAppointmentsAreCancelledOnceTheirTextRemovedAndTheyLeaveTheLists() {
        UUID patient = registered();
        UUID practitioner = Fixtures.bookablePractitioner();
        LocalDate date = Fixtures.futureDate();
        UUID first = Fixtures.booked(patient, practitioner, Fixtures.at(date, "09:00"));
        UUID second = Fixtures.booked(patient, practitioner, Fixtures.at(date, "10:00"));
        Fixtures.act(second, "check-in", "receptionist", null).then().statusCode(200);
        KafkaEvents.Mark mark = kafka.mark(Topics.SCHEDULING);
        String erasure = event(new PatientErased(patient, Instant.now(), 1));
        double duplicatesBefore = consumed("duplicate");

        send(patient, erasure);
        send(patient, erasure); // redelivered: applies nothing

        await().atMost(WAIT).until(() -> "CANCELLED".equals(row(first).getString("status"))
                && "CANCELLED".equals(row(second).getString("status")));
        for (UUID id : List.of(first, second)) {
            Row row = row(id);
            assertThat(row.getString("reason")).isNull();
            assertThat(row.getBoolean("patient_erased")).isTrue();
        }
        Predicate<ConsumerRecord<String, String>> cancellations = KafkaEvents.containing(patient)
                .and(KafkaEvents.containing(AppointmentCancelled.CONTRACT.type()));
        List<ConsumerRecord<String, String>> events = kafka.await(mark, 2, cancellations, WAIT);
        for (ConsumerRecord<String, String> record : events) {
            JsonNode envelope = read(record.value());
            assertThat(EventSchemas.envelopeViolations(envelope)).isEmpty();
            assertThat(envelope.path("data").path("cause").asText()).isEqualTo("patient-erased");
        }
        await().atMost(WAIT).until(() -> consumed("duplicate") > duplicatesBefore);
        assertThat(processed(erasure)).isEqualTo(1);
        assertThat(kafka.since(mark).stream().filter(cancellations)).as("nothing more for the redelivery").hasSize(2);
        given().auth().oauth2(TestTokens.of("receptionist")).get("/api/v1/patients/" + patient + "/appointments")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.of("receptionist")).queryParam("date", date.toString())
                .get(Fixtures.PRACTITIONERS + "/" + practitioner + "/appointments")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.of("receptionist")).get(Fixtures.APPOINTMENTS + "/" + first)
                .then().statusCode(410);
        Fixtures.book(TestTokens.of("receptionist"), Fixtures.booking(patient, practitioner, Fixtures.at(date, "11:00"), 15))
                .then().statusCode(422).body("field", equalTo("patientId"));
    }

    @Test
    void aMergedPatientsAppointmentsMoveToTheSurvivorAndADoubleBookingOfThePersonIsCancelled() {
        UUID retired = registered();
        UUID survivor = registered();
        LocalDate date = Fixtures.futureDate();
        UUID clash = Fixtures.booked(retired, Fixtures.bookablePractitioner(), Fixtures.at(date, "09:00"));
        UUID survivorsOwn = Fixtures.booked(survivor, Fixtures.bookablePractitioner(), Fixtures.at(date, "09:00"));
        UUID moving = Fixtures.booked(retired, Fixtures.bookablePractitioner(), Fixtures.at(date, "12:00"));

        publish(new PatientMerged(retired, survivor, "P1000015", 1));

        await().atMost(WAIT).until(() -> survivor.equals(row(moving).getUUID("patient_id")));
        assertThat(row(clash).getString("status")).isEqualTo("CANCELLED");
        assertThat(row(survivorsOwn).getString("status")).isEqualTo("BOOKED");
        given().auth().oauth2(TestTokens.patient(survivor)).get("/api/v1/patients/" + survivor + "/appointments")
                .then().statusCode(200).body("total", equalTo(3));
        // a booking under the retired id books the survivor
        Fixtures.book(TestTokens.of("receptionist"), Fixtures.booking(retired, Fixtures.bookablePractitioner(),
                        Fixtures.at(date, "14:00"), 15))
                .then().statusCode(201).body("patientId", equalTo(survivor.toString()));
    }

    /** A patient registered on hms.patients, once scheduling's view has it. */
    private UUID registered() {
        UUID id = UUID.randomUUID();
        publish(new PatientRegistered(id, "P1000007", 0, new PatientDetails(new HumanName("Kowalska",
                List.of("Zofia")), LocalDate.of(1984, 3, 7), Gender.FEMALE, List.of(), null, null, null, null, null)));
        await().atMost(WAIT).until(() -> Fixtures.pool()
                .preparedQuery("select count(*) from patient_view where patient_id = $1 and status = 'active'")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong(0) == 1);
        return id;
    }

    private static Row row(UUID appointment) {
        return Fixtures.pool().preparedQuery("select * from appointment where id = $1").execute(Tuple.of(appointment))
                .await().indefinitely().iterator().next();
    }

    /** How many times the view recorded this event as processed (once, however often delivered). */
    private long processed(String envelope) {
        UUID eventId = UUID.fromString(read(envelope).path("id").asText());
        return Fixtures.pool().preparedQuery("select count(*) from processed_event where event_id = $1")
                .execute(Tuple.of(eventId)).await().indefinitely().iterator().next().getLong(0);
    }

    /** hms_events_consumed_total of scheduling's patient view for one outcome, from /q/metrics. */
    private static double consumed(String outcome) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("hms_events_consumed_total{")
                        && l.contains("consumer=\"scheduling.patient-view\"") && l.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private String event(DomainEvent event) {
        return json.write(outbox.envelope(event));
    }

    private void publish(DomainEvent event) {
        send(UUID.fromString(event.subject()), event(event));
    }

    private static void send(UUID key, String value) {
        kafka.sendAsRelay(Topics.PATIENTS, key, value);
    }

    private JsonNode read(String value) {
        try {
            return json.mapper().readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
