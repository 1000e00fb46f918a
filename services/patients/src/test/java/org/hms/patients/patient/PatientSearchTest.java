package org.hms.patients.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hms.patients.patient.PatientFixtures.PATIENTS;
import static org.hms.patients.patient.PatientFixtures.body;
import static org.hms.patients.patient.PatientFixtures.register;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PatientSearchTest {

    @Test
    void nameSearchIgnoresCaseAndAccents() {
        String stem = PatientFixtures.surname();
        String id = register(body("Żółć" + stem, List.of("Łukasz"), PatientFixtures.birthDate())).path("id");

        for (String query : List.of("zolc" + stem.toLowerCase(), "ŻÓŁĆ" + stem.toUpperCase(), "lukasz")) {
            given().auth().oauth2(TestTokens.of("physician")).queryParam("name", query).queryParam("size", 100)
                    .get(PATIENTS)
                    .then()
                    .statusCode(200)
                    .body("items.id", hasItem(id));
        }
    }

    @Test
    void nameSearchFindsPrefixesAndCloseMisspellings() {
        String family = PatientFixtures.surname() + "ska";
        String id = register(body(family, List.of("Zofia"), PatientFixtures.birthDate())).path("id");

        given().auth().oauth2(TestTokens.of("nurse")).queryParam("name", family.substring(0, 5))
                .queryParam("size", 100)
                .get(PATIENTS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        String typo = family.substring(0, 3) + family.substring(4); // one letter dropped
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("name", typo)
                .get(PATIENTS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void filtersCombineByBirthDateIdentifierPhoneAndMrn() {
        String family = PatientFixtures.surname();
        LocalDate born = PatientFixtures.birthDate();
        Map<String, Object> body = body(family, List.of("Anna"), born);
        body.put("phone", "+48 (601) 234-567");
        var created = register(body);
        String id = created.path("id");
        @SuppressWarnings("unchecked")
        String nationalId = ((List<Map<String, String>>) body.get("identifiers")).get(0).get("value");

        search("birthDate", born.toString()).body("items.id", hasItem(id)).body("items.birthDate",
                everyItem(equalTo(born.toString())));
        search("identifier", "national-id|" + nationalId).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        search("identifier", nationalId).body("items.id", hasItem(id));
        search("identifier", created.<String>path("mrn")).body("total", equalTo(1));
        search("phone", "601234567").body("items.id", hasItem(id));
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("name", family).queryParam("birthDate",
                        born.plusDays(1).toString())
                .get(PATIENTS)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void resultsArePagedWithATotal() {
        String family = PatientFixtures.surname();
        for (int i = 0; i < 3; i++) {
            var body = body(family, List.of("Child" + "abc".charAt(i)), PatientFixtures.birthDate());
            given().auth().oauth2(TestTokens.of("receptionist")).contentType("application/json").body(body)
                    .queryParam("confirmNotDuplicate", true)
                    .post(PATIENTS)
                    .then()
                    .statusCode(201);
        }
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("name", family).queryParam("size", 2)
                .get(PATIENTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("size", equalTo(2))
                .body("page", equalTo(0))
                .body("items", hasSize(2));
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("name", family).queryParam("size", 2)
                .queryParam("page", 1)
                .get(PATIENTS)
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void aPageSizeOverTheCapOrABadDateIsA400() {
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("size", 500).get(PATIENTS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("size"));
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("birthDate", "07/03/1984").get(PATIENTS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("birthDate"));
    }

    @Test
    void patientsAndOtherRolesCannotSearch() {
        for (String role : List.of("pharmacist", "lab_technician", "billing_clerk")) {
            given().auth().oauth2(TestTokens.of(role)).queryParam("name", "a").get(PATIENTS).then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.patient(UUID.randomUUID())).queryParam("name", "a").get(PATIENTS)
                .then()
                .statusCode(403);
        given().queryParam("name", "a").get(PATIENTS).then().statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse search(String param, String value) {
        return given().auth().oauth2(TestTokens.of("nurse")).queryParam(param, value).queryParam("size", 100)
                .get(PATIENTS)
                .then()
                .statusCode(200);
    }
}
