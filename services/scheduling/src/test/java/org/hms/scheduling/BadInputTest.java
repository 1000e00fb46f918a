package org.hms.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Bad input on every endpoint: one 400 problem naming each bad field, and nothing stored. */
@QuarkusTest
class BadInputTest {

    static long count(String sql, Object... params) {
        return Fixtures.pool().preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely()
                .iterator().next().getLong(0);
    }

    @Test
    void aPractitionerWithBadFieldsIsNotCreated() {
        long before = count("select count(*) from practitioner");

        given().auth().oauth2(TestTokens.of("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", Map.of("family", " ", "given", List.of()), "specialty", "Cardio logy",
                        "userId", "not-a-uuid"))
                .post(Fixtures.PRACTITIONERS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("name.family", "name.given", "specialty", "userId"));

        assertThat(count("select count(*) from practitioner")).isEqualTo(before);
    }

    @Test
    void anAvailabilityWithBadFieldsChangesNothing() {
        UUID practitioner = Fixtures.bookablePractitioner();
        String before = given().auth().oauth2(TestTokens.of("admin"))
                .get(Fixtures.PRACTITIONERS + "/" + practitioner + "/availability").then().statusCode(200)
                .extract().asString();

        put(practitioner, Map.of("timeZone", "Mars/Olympus",
                        "weekly", List.of(Map.of("dayOfWeek", "MONDAY", "start", "12:00", "end", "08:00", "slotMinutes", 15)),
                        "exceptions", List.of(Map.of("date", "2027-01-01", "available", true))))
                .statusCode(400)
                .body("errors.field", hasItems("timeZone", "weekly[0].end", "exceptions[0].start",
                        "exceptions[0].end", "exceptions[0].slotMinutes"));
        put(practitioner, Map.of("timeZone", "",
                        "weekly", List.of(Map.of("dayOfWeek", "FUNDAY", "start", "25:00", "end", "08:00", "slotMinutes", 1))))
                .statusCode(400)
                .body("errors.field", hasItems("timeZone", "weekly[0].dayOfWeek", "weekly[0].start",
                        "weekly[0].slotMinutes"));

        String after = given().auth().oauth2(TestTokens.of("admin"))
                .get(Fixtures.PRACTITIONERS + "/" + practitioner + "/availability").then().statusCode(200)
                .extract().asString();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aBookingWithBadFieldsBooksNothing() {
        UUID practitioner = Fixtures.bookablePractitioner();
        long before = count("select count(*) from appointment where practitioner_id = $1", practitioner);

        Fixtures.book(TestTokens.of("receptionist"), Map.of("patientId", "nobody", "practitionerId",
                        practitioner.toString(), "start", "tomorrow", "minutes", 2, "type", "Consult ation",
                        "reason", "x".repeat(501)))
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("patientId", "start", "minutes", "type", "reason"));
        Fixtures.book(TestTokens.of("receptionist"), Map.of())
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("patientId", "practitionerId", "start", "minutes", "type"));
        Fixtures.book(TestTokens.of("receptionist"), Fixtures.booking(Fixtures.knownPatient(), practitioner,
                        Instant.now().minusSeconds(3600), 15))
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("start")));

        assertThat(count("select count(*) from appointment where practitioner_id = $1", practitioner))
                .isEqualTo(before);
    }

    @Test
    void aBookingOfAnUnknownPatientOrPractitionerOrOutsideTheSessionsIsUnprocessable() {
        UUID practitioner = Fixtures.bookablePractitioner();
        var date = Fixtures.futureDate();

        Fixtures.book(TestTokens.of("receptionist"), Fixtures.booking(UUID.randomUUID(), practitioner,
                Fixtures.at(date, "09:00"), 15)).then().statusCode(422).body("field", equalTo("patientId"));
        Fixtures.book(TestTokens.of("receptionist"), Fixtures.booking(Fixtures.knownPatient(), UUID.randomUUID(),
                Fixtures.at(date, "09:00"), 15)).then().statusCode(422).body("field", equalTo("practitionerId"));
        Fixtures.book(TestTokens.of("receptionist"), Fixtures.booking(Fixtures.knownPatient(), practitioner,
                Fixtures.at(date, "15:50"), 15)).then().statusCode(422).body("field", equalTo("start"));

        assertThat(count("select count(*) from appointment where practitioner_id = $1", practitioner)).isZero();
    }

    @Test
    void lifecycleBodiesAndQueriesWithBadFieldsAreBadRequests() {
        UUID id = Fixtures.booked(Fixtures.knownPatient(), Fixtures.bookablePractitioner(),
                Fixtures.at(Fixtures.futureDate(), "10:00"));

        Fixtures.act(id, "cancel", "receptionist", Map.of("reason", " ")).then().statusCode(400)
                .body("errors.field", equalTo(List.of("reason")));
        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("start", "later", "minutes", 1000))
                .post(Fixtures.APPOINTMENTS + "/" + id + "/reschedule")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("start", "minutes"));
        given().auth().oauth2(TestTokens.of("receptionist")).get(Fixtures.APPOINTMENTS + "/" + id)
                .then().statusCode(200).body("status", equalTo("booked")).body("version", equalTo(0));

        given().auth().oauth2(TestTokens.of("receptionist")).queryParam("date", "someday")
                .get(Fixtures.PRACTITIONERS + "/" + UUID.randomUUID() + "/appointments")
                .then().statusCode(400).body("errors.field", equalTo(List.of("date")));
        given().auth().oauth2(TestTokens.of("receptionist")).queryParams(Map.of("when", "soon", "size", 1000))
                .get("/api/v1/patients/" + UUID.randomUUID() + "/appointments")
                .then().statusCode(400).body("errors.field.size()", equalTo(2));
        given().auth().oauth2(TestTokens.of("receptionist")).get(Fixtures.APPOINTMENTS + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse put(UUID practitioner, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.of("admin")).contentType(ContentType.JSON).body(body)
                .put(Fixtures.PRACTITIONERS + "/" + practitioner + "/availability")
                .then();
    }
}
