package org.hms.scheduling.appointment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hms.contracts.EventSchemas;
import org.hms.contracts.Topics;
import org.hms.contracts.scheduling.AppointmentCheckedIn;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.hms.scheduling.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The status lifecycle: possible moves and their events, impossible ones refused naming the current status. */
@QuarkusTest
class AppointmentLifecycleTest {

    static final KafkaEvents kafka = new KafkaEvents();

    @AfterAll
    static void close() {
        kafka.close();
    }

    static UUID newAppointment() {
        return Fixtures.booked(Fixtures.knownPatient(), Fixtures.bookablePractitioner(),
                Fixtures.at(Fixtures.futureDate(), "11:00"));
    }

    static void refused(UUID id, String action, String role, Object body, String current) {
        Fixtures.act(id, action, role, body)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("currentStatus", equalTo(current))
                .body("detail", org.hamcrest.Matchers.containsString("it is " + current));
    }

    @Test
    void checkInPublishesAppointmentCheckedInAsClinicalExpectsIt() throws Exception {
        UUID patient = Fixtures.knownPatient();
        UUID practitioner = Fixtures.bookablePractitioner();
        Instant start = Fixtures.at(Fixtures.futureDate(), "09:30");
        UUID id = Fixtures.booked(patient, practitioner, start);
        KafkaEvents.Mark mark = kafka.mark(Topics.SCHEDULING);

        Fixtures.act(id, "check-in", "receptionist", null).then().statusCode(200)
                .body("status", equalTo("checked-in")).header("ETag", equalTo("\"1\""));

        ConsumerRecord<String, String> record = kafka.awaitOne(mark,
                KafkaEvents.key(id).and(KafkaEvents.containing(AppointmentCheckedIn.CONTRACT.type())));
        JsonNode envelope = EventSchemas.JSON.readTree(record.value());
        assertThat(EventSchemas.envelopeViolations(envelope)).isEmpty();
        assertThat(envelope.get("source").asText()).isEqualTo("/hms/scheduling");
        AppointmentCheckedIn event = EventSchemas.JSON.treeToValue(envelope.get("data"), AppointmentCheckedIn.class);
        assertThat(event.appointmentId()).isEqualTo(id);
        assertThat(event.patientId()).isEqualTo(patient);
        assertThat(event.practitionerId()).isEqualTo(practitioner);
        assertThat(event.start()).isEqualTo(start);
        assertThat(event.minutes()).isEqualTo(15);
        assertThat(event.type()).isEqualTo("consultation");
        assertThat(event.version()).isEqualTo(1);
        assertThat(record.value()).as("no reason text in events").doesNotContain("chest pain");
    }

    @Test
    void aBookedAppointmentIsCheckedInThenCompletedAndEveryImpossibleMoveNamesTheCurrentStatus() {
        UUID id = newAppointment();

        refused(id, "complete", "physician", null, "booked");
        Fixtures.act(id, "check-in", "nurse", null).then().statusCode(200);
        refused(id, "check-in", "nurse", null, "checked-in");
        refused(id, "no-show", "receptionist", null, "checked-in");
        Fixtures.act(id, "complete", "physician", null).then().statusCode(200).body("status", equalTo("completed"));
        refused(id, "cancel", "receptionist", Map.of("reason", "too late"), "completed");
        refused(id, "check-in", "receptionist", null, "completed");
        refused(id, "complete", "physician", null, "completed");
    }

    @Test
    void aNoShowOrACancelledAppointmentGoesNowhereElse() {
        UUID noShow = newAppointment();
        Fixtures.act(noShow, "no-show", "receptionist", null).then().statusCode(200).body("status", equalTo("no-show"));
        refused(noShow, "check-in", "receptionist", null, "no-show");
        refused(noShow, "cancel", "receptionist", Map.of("reason", "x"), "no-show");

        UUID cancelled = newAppointment();
        Fixtures.act(cancelled, "cancel", "receptionist", Map.of("reason", "patient asked")).then().statusCode(200)
                .body("status", equalTo("cancelled")).body("cancelReason", equalTo("patient asked"));
        refused(cancelled, "check-in", "receptionist", null, "cancelled");
        refused(cancelled, "no-show", "nurse", null, "cancelled");
        refused(cancelled, "cancel", "receptionist", Map.of("reason", "again"), "cancelled");
    }

    @Test
    void aCancelledAppointmentFreesItsTime() {
        UUID practitioner = Fixtures.bookablePractitioner();
        Instant start = Fixtures.at(Fixtures.futureDate(), "12:00");
        UUID first = Fixtures.booked(Fixtures.knownPatient(), practitioner, start);
        Fixtures.book(TestTokens.of("receptionist"), Fixtures.booking(Fixtures.knownPatient(), practitioner, start, 15))
                .then().statusCode(409).body("taken", equalTo("practitioner"));

        Fixtures.act(first, "cancel", "receptionist", Map.of("reason", "patient asked")).then().statusCode(200);

        Fixtures.booked(Fixtures.knownPatient(), practitioner, start);
    }

    @Test
    void rolesDecideWhoMovesAnAppointment() {
        UUID id = newAppointment();
        Fixtures.act(id, "check-in", "physician", null).then().statusCode(403);
        Fixtures.act(id, "complete", "receptionist", null).then().statusCode(403);
        given().contentType("application/json").post(Fixtures.APPOINTMENTS + "/" + id + "/check-in")
                .then().statusCode(401);
    }

    @Test
    void aPatientBooksReadsAndCancelsOnlyTheirOwnAppointments() {
        UUID patient = Fixtures.knownPatient();
        UUID practitioner = Fixtures.bookablePractitioner();
        Instant start = Fixtures.at(Fixtures.futureDate(), "13:00");

        Fixtures.book(TestTokens.patient(UUID.randomUUID()), Fixtures.booking(patient, practitioner, start, 15))
                .then().statusCode(403);
        String id = Fixtures.book(TestTokens.patient(patient), Fixtures.booking(patient, practitioner, start, 15))
                .then().statusCode(201).header("Location", startsWith("http")).extract().path("id");

        given().auth().oauth2(TestTokens.patient(patient)).get(Fixtures.APPOINTMENTS + "/" + id)
                .then().statusCode(200).body("reason", equalTo("chest pain"));
        given().auth().oauth2(TestTokens.patient(UUID.randomUUID())).get(Fixtures.APPOINTMENTS + "/" + id)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.patient(UUID.randomUUID())).contentType("application/json")
                .body(Map.of("reason", "not mine")).post(Fixtures.APPOINTMENTS + "/" + id + "/cancel")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.patient(patient)).contentType("application/json")
                .body(Map.of("reason", "feeling better")).post(Fixtures.APPOINTMENTS + "/" + id + "/cancel")
                .then().statusCode(200);
    }

    @Test
    void rescheduleNeedsTheCurrentVersionAndAFreeTime() {
        UUID patient = Fixtures.knownPatient();
        UUID practitioner = Fixtures.bookablePractitioner();
        var date = Fixtures.futureDate();
        UUID id = Fixtures.booked(patient, practitioner, Fixtures.at(date, "08:00"));
        Fixtures.booked(Fixtures.knownPatient(), practitioner, Fixtures.at(date, "08:30"));
        Map<String, Object> to0815 = Map.of("start", Fixtures.at(date, "08:15").toString(), "minutes", 15);

        reschedule(id, null, to0815).then().statusCode(428);
        reschedule(id, "\"7\"", to0815).then().statusCode(412);
        reschedule(id, "\"0\"", Map.of("start", Fixtures.at(date, "08:30").toString(), "minutes", 15))
                .then().statusCode(409).body("taken", equalTo("practitioner"));
        reschedule(id, "\"0\"", Map.of("start", Fixtures.at(date, "17:00").toString(), "minutes", 15))
                .then().statusCode(422);
        reschedule(id, "\"0\"", to0815).then().statusCode(200)
                .body("start", equalTo(Fixtures.at(date, "08:15").toString())).header("ETag", equalTo("\"1\""));

        Fixtures.act(id, "check-in", "receptionist", null).then().statusCode(200);
        reschedule(id, "\"2\"", Map.of("start", Fixtures.at(date, "09:00").toString(), "minutes", 15))
                .then().statusCode(409).body("currentStatus", equalTo("checked-in"));
    }

    @Test
    void aPractitionersDayAndAPatientsListsShowTheirAppointments() {
        UUID patient = Fixtures.knownPatient();
        UUID practitioner = Fixtures.bookablePractitioner();
        var date = Fixtures.futureDate();
        UUID late = Fixtures.booked(patient, practitioner, Fixtures.at(date, "15:45"));
        UUID early = Fixtures.booked(patient, practitioner, Fixtures.at(date, "08:00"));
        Fixtures.booked(Fixtures.knownPatient(), practitioner, Fixtures.at(date.plusDays(1), "08:00"));

        given().auth().oauth2(TestTokens.of("physician")).queryParam("date", date.toString())
                .get(Fixtures.PRACTITIONERS + "/" + practitioner + "/appointments")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", equalTo(List.of(early.toString(), late.toString())));
        given().auth().oauth2(TestTokens.patient(patient))
                .get("/api/v1/patients/" + patient + "/appointments")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].id", equalTo(early.toString()));
        given().auth().oauth2(TestTokens.of("receptionist")).queryParam("when", "past")
                .get("/api/v1/patients/" + patient + "/appointments")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.patient(UUID.randomUUID()))
                .get("/api/v1/patients/" + patient + "/appointments")
                .then().statusCode(403);
    }

    static io.restassured.response.Response reschedule(UUID id, String ifMatch, Map<String, Object> body) {
        var request = given().auth().oauth2(TestTokens.of("receptionist")).contentType("application/json").body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post(Fixtures.APPOINTMENTS + "/" + id + "/reschedule");
    }
}
