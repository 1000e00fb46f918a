package org.hms.scheduling.slot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.platform.testing.TestTokens;
import org.hms.scheduling.Fixtures;
import org.junit.jupiter.api.Test;

/** The free-slot read over HTTP: template, leave, extra session, bookings, range rules. */
@QuarkusTest
class FreeSlotsTest {

    static ValidatableResponse slots(String role, Map<String, ?> query) {
        return given().auth().oauth2(TestTokens.of(role)).queryParams(query).get(Fixtures.SLOTS).then();
    }

    @Test
    void freeSlotsComeFromTheTemplateInTheZoneWithoutLeaveAndBookingsPlusExtraSessions() {
        String specialty = Fixtures.specialty();
        UUID practitioner = Fixtures.createPractitioner(specialty);
        LocalDate monday = Fixtures.futureDate().with(java.time.DayOfWeek.MONDAY).plusWeeks(1);
        Fixtures.setAvailability(practitioner, Map.of("timeZone", "Europe/Warsaw",
                "weekly", List.of(Map.of("dayOfWeek", "MONDAY", "start", "08:00", "end", "12:00", "slotMinutes", 15)),
                "exceptions", List.of(
                        Map.of("date", monday.plusWeeks(1).toString(), "available", false),
                        Map.of("date", monday.plusDays(5).toString(), "available", true, "start", "10:00",
                                "end", "11:00", "slotMinutes", 30))));
        Fixtures.booked(Fixtures.knownPatient(), practitioner, Fixtures.at(monday, "08:15"));

        List<String> starts = slots("patient", Map.of("specialty", specialty, "from", monday.toString(),
                        "to", monday.plusWeeks(1).toString()))
                .statusCode(200)
                .body("items[0].practitionerId", equalTo(practitioner.toString()))
                .extract().path("items.start");

        // Monday: 16 slots minus the booked one; Saturday's extra session: 2; next Monday: on leave
        assertThat(starts).hasSize(17)
                .contains(Fixtures.at(monday, "08:00").toString(), Fixtures.at(monday, "08:30").toString(),
                        Fixtures.at(monday.plusDays(5), "10:30").toString())
                .doesNotContain(Fixtures.at(monday, "08:15").toString(),
                        Fixtures.at(monday.plusWeeks(1), "08:00").toString());
        slots("receptionist", Map.of("specialty", specialty, "from", monday.toString(), "to", monday.toString(),
                        "practitionerId", practitioner.toString()))
                .statusCode(200).body("total", equalTo(15))
                .body("items[0].minutes", equalTo(15));
        slots("receptionist", Map.of("specialty", specialty, "from", monday.toString(), "to", monday.toString(),
                        "practitionerId", UUID.randomUUID().toString()))
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aRangeBackwardsLongerThan31DaysOrUnreadableIsABadRequestNamingTheFields() {
        slots("receptionist", Map.of("specialty", "cardiology", "from", "2027-01-10", "to", "2027-01-09"))
                .statusCode(400).body("errors.field", hasItems("to"));
        slots("receptionist", Map.of("specialty", "cardiology", "from", "2027-01-01", "to", "2027-02-01"))
                .statusCode(400).body("errors.field", hasItems("to"));
        slots("receptionist", Map.of("specialty", "cardiology", "from", "2027-01-01", "to", "2027-01-31"))
                .statusCode(200);
        slots("receptionist", Map.of("specialty", "cardiology", "from", "01/02/2027", "to", "soon"))
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("from", "to"));
        slots("receptionist", Map.of("specialty", "Cardiology!", "from", "2027-01-01"))
                .statusCode(400).body("errors.field.size()", equalTo(2));
    }

    @Test
    void aPractitionerIdThatIsNoIdIsABadRequestNamingIt() {
        for (String malformed : List.of("abc", "1-1-1-1-1")) {
            slots("receptionist", Map.of("specialty", "cardiology", "from", "2027-01-01", "to", "2027-01-02",
                            "practitionerId", malformed))
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItems("practitionerId"));
        }
    }

    @Test
    void staffWhoDoNotBookCannotSeeSlots() {
        slots("pharmacist", Map.of("specialty", "cardiology", "from", "2027-01-01", "to", "2027-01-02"))
                .statusCode(403);
    }
}
