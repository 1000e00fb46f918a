package org.hms.scheduling.practitioner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.platform.testing.TestTokens;
import org.hms.scheduling.Fixtures;
import org.junit.jupiter.api.Test;

/** The practitioner directory and availability, as the contract shapes them. */
@QuarkusTest
class PractitionerDirectoryTest {

    @Test
    void anAdminAddsAPractitionerThatStaffFindBySpecialty() {
        String specialty = Fixtures.specialty();
        String id = given().auth().oauth2(TestTokens.of("admin")).contentType(ContentType.JSON)
                .body(Fixtures.practitionerBody(specialty))
                .post(Fixtures.PRACTITIONERS)
                .then().statusCode(201)
                .header("Location", startsWith("http")).header("ETag", equalTo("\"0\""))
                .body("name.family", equalTo("Nowak")).body("name.given", equalTo(List.of("Adam")))
                .extract().path("id");

        given().auth().oauth2(TestTokens.of("pharmacist")).get(Fixtures.PRACTITIONERS + "/" + id)
                .then().statusCode(200).body("specialty", equalTo(specialty));
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("specialty", specialty).get(Fixtures.PRACTITIONERS)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                .body(Fixtures.practitionerBody(specialty)).post(Fixtures.PRACTITIONERS)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.patient(UUID.randomUUID())).get(Fixtures.PRACTITIONERS)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.of("nurse")).get(Fixtures.PRACTITIONERS + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void availabilityIsReplacedWholeAndAStaleIfMatchIsRefused() {
        UUID id = Fixtures.createPractitioner(Fixtures.specialty());
        Map<String, Object> contract = Map.of("timeZone", "Europe/Warsaw",
                "weekly", List.of(Map.of("dayOfWeek", "MONDAY", "start", "08:00", "end", "12:00", "slotMinutes", 15)),
                "exceptions", List.of(Map.of("date", "2026-12-24", "available", false)));

        put(id, null, contract).then().statusCode(200).header("ETag", equalTo("\"1\""));
        put(id, "\"0\"", contract).then().statusCode(412).body("currentVersion", equalTo(1));
        put(id, "\"1\"", Fixtures.everyDay(List.of())).then().statusCode(200).header("ETag", equalTo("\"2\""));

        given().auth().oauth2(TestTokens.of("receptionist")).get(Fixtures.PRACTITIONERS + "/" + id + "/availability")
                .then().statusCode(200)
                .body("timeZone", equalTo("Europe/Warsaw"))
                .body("weekly.size()", equalTo(7))
                .body("weekly[0].start", equalTo("08:00"));
        put(id, null, contract).then().statusCode(200);
        given().auth().oauth2(TestTokens.of("receptionist")).get(Fixtures.PRACTITIONERS + "/" + id + "/availability")
                .then().statusCode(200)
                .body("weekly[0].dayOfWeek", equalTo("MONDAY"))
                .body("exceptions[0].date", equalTo("2026-12-24"))
                .body("exceptions[0].available", equalTo(false));
    }

    private static io.restassured.response.Response put(UUID id, String ifMatch, Map<String, Object> body) {
        var request = given().auth().oauth2(TestTokens.of("admin")).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(Fixtures.PRACTITIONERS + "/" + id + "/availability");
    }
}
