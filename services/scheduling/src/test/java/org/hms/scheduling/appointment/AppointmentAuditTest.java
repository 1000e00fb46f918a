package org.hms.scheduling.appointment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.hms.contracts.EventSchemas;
import org.hms.contracts.Topics;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.TestTokens;
import org.hms.scheduling.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every booking and read of an appointment is audited naming the patient; retried bookings book once. */
@QuarkusTest
class AppointmentAuditTest {

    static final KafkaEvents kafka = new KafkaEvents();

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void bookingAndReadingAreAuditedWithThePatient() throws Exception {
        UUID patient = Fixtures.knownPatient();
        KafkaEvents.Mark mark = kafka.mark(Topics.AUDIT);

        Response booked = Fixtures.book(TestTokens.as("desk-anna", "receptionist"), Fixtures.booking(patient,
                Fixtures.bookablePractitioner(), Fixtures.at(Fixtures.futureDate(), "08:45"), 15));
        booked.then().statusCode(201);
        String read = given().auth().oauth2(TestTokens.as("dr-house", "physician"))
                .get(Fixtures.APPOINTMENTS + "/" + booked.path("id"))
                .then().statusCode(200).extract().header("X-Request-Id");

        JsonNode booking = audit(mark, booked.header("X-Request-Id"));
        assertThat(booking.get("actor").asText()).isEqualTo("desk-anna");
        assertThat(booking.get("action").asText()).isEqualTo("create");
        assertThat(booking.get("path").asText()).isEqualTo("/api/v1/appointments");
        assertThat(booking.get("resource").asText()).isEqualTo("Appointment");
        assertThat(booking.get("resourceId").asText()).isEqualTo(booked.path("id").toString());
        assertThat(booking.get("patientIds").get(0).asText()).isEqualTo(patient.toString());
        assertThat(booking.get("status").asInt()).isEqualTo(201);
        JsonNode reading = audit(mark, read);
        assertThat(reading.get("action").asText()).isEqualTo("read");
        assertThat(reading.get("patientIds").get(0).asText()).isEqualTo(patient.toString());
    }

    @Test
    void aBookingRetriedWithTheSameIdempotencyKeyBooksOnce() {
        Map<String, Object> body = Fixtures.booking(Fixtures.knownPatient(), Fixtures.bookablePractitioner(),
                Fixtures.at(Fixtures.futureDate(), "14:30"), 15);
        String key = UUID.randomUUID().toString();

        String first = given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post(Fixtures.APPOINTMENTS)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post(Fixtures.APPOINTMENTS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));

        assertThat(BookingRaceTest.activeAppointments("practitioner_id",
                UUID.fromString(body.get("practitionerId").toString()))).isEqualTo(1);
    }

    private static JsonNode audit(KafkaEvents.Mark mark, String requestId) throws Exception {
        JsonNode envelope = EventSchemas.JSON.readTree(kafka.awaitOne(mark, KafkaEvents.containing(requestId)).value());
        assertThat(EventSchemas.envelopeViolations(envelope)).isEmpty();
        return envelope.get("data");
    }
}
