package org.hms.patients.patient;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hms.patients.patient.PatientFixtures.PATIENTS;
import static org.hms.patients.patient.PatientFixtures.body;
import static org.hms.patients.patient.PatientFixtures.register;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PatientRegistrationTest {

    @Test
    void registeringAssignsIdAndMrnAndAnswersTheWholeRecord() {
        Map<String, Object> body = body();
        Response created = register(body);

        String id = created.path("id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(created.header("Location")).endsWith(PATIENTS + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(MedicalRecordNumbers.isValid(created.path("mrn"))).isTrue();
        assertThat(created.<Integer>path("version")).isZero();
        assertThat(created.<Map<String, Object>>path("name")).isEqualTo(body.get("name"));
        assertThat(created.<String>path("birthDate")).isEqualTo(body.get("birthDate"));
        assertThat(created.<String>path("gender")).isEqualTo("female");
        assertThat(created.<List<Object>>path("identifiers")).isEqualTo(body.get("identifiers"));
        assertThat(created.<String>path("phone")).isEqualTo(body.get("phone"));
        assertThat(created.<String>path("email")).isEqualTo("zofia@example.org");
        assertThat(created.<Map<String, Object>>path("address")).isEqualTo(body.get("address"));
        assertThat(created.<Map<String, Object>>path("emergencyContact")).isEqualTo(body.get("emergencyContact"));
        assertThat(created.<String>path("preferredLanguage")).isEqualTo("pl");

        given().auth().oauth2(TestTokens.of("nurse")).get(created.header("Location"))
                .then()
                .statusCode(200)
                .body("mrn", equalTo(created.path("mrn")))
                .body("name.given", equalTo(List.of("Zofia", "Maria")));
    }

    @Test
    void everyPatientGetsADifferentMrn() {
        String first = register(body()).path("mrn");
        String second = register(body()).path("mrn");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void invalidFieldsAreEachNamedAndNothingIsStored() {
        Map<String, Object> body = body();
        String family = "Bad" + PatientFixtures.surname();
        body.put("name", Map.of("family", "", "given", List.of(family)));
        body.put("birthDate", "2999-01-01");
        body.put("email", "not-an-email");
        body.put("identifiers", List.of(Map.of("system", "national-id", "value", "")));
        body.put("address", Map.of("country", "Poland"));

        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON).body(body)
                .post(PATIENTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("name.family", "birthDate", "email", "identifiers[0].value",
                        "address.country"));

        given().auth().oauth2(TestTokens.of("nurse")).queryParam("name", family).get(PATIENTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anUnknownGenderOrAMalformedDateIsA400NamingTheField() {
        Map<String, Object> body = body();
        body.put("gender", "robot");
        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON).body(body)
                .post(PATIENTS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("gender"));

        body = body();
        body.put("birthDate", "1984-13-45");
        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON).body(body)
                .post(PATIENTS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("birthDate"));
    }

    @Test
    void aFormWithThreeMistakesLearnsOfAllThreeInOneProblem() {
        String body = "{\"name\":{\"family\":\"\"},\"birthDate\":\"2999-99-99\",\"gender\":\"dragon\"}";

        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON).body(body)
                .post(PATIENTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("birthDate", "gender", "name.family")))
                .body("errors.find { it.field == 'gender' }.message",
                        equalTo("must be one of male, female, other, unknown"));
    }

    @Test
    void aMissingBodyOrBrokenJsonIsA400Problem() {
        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON).body("{\"name\": ")
                .post(PATIENTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                .post(PATIENTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theHospitalMrnCannotBeSentAsAnIdentifier() {
        Map<String, Object> body = body();
        body.put("identifiers", List.of(Map.of("system", "mrn", "value", "P10000007")));
        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON).body(body)
                .post(PATIENTS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("identifiers[0].system"));
    }

    @Test
    void theSameIdentifierIsALikelyDuplicateUnlessConfirmed() {
        Map<String, Object> first = body();
        String existing = register(first).path("id");
        Map<String, Object> second = body(); // another name and birth date, same national id
        second.put("identifiers", first.get("identifiers"));

        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON).body(second)
                .post(PATIENTS)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("duplicates.id", hasItem(existing))
                .body("duplicates.find { it.id == '" + existing + "' }.matchedOn", equalTo("identifier"));

        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON).body(second)
                .queryParam("confirmNotDuplicate", true)
                .post(PATIENTS)
                .then()
                .statusCode(201);
    }

    @Test
    void theSameBirthDateWithASimilarNameIsALikelyDuplicate() {
        String family = PatientFixtures.surname();
        var birthDate = PatientFixtures.birthDate();
        String existing = register(body(family, List.of("Zofia", "Maria"), birthDate)).path("id");

        // a typo in the surname, one given name fewer, accents added: still the same person
        Map<String, Object> again = body(family.substring(0, family.length() - 1) + "é", List.of("Zófia"), birthDate);
        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON).body(again)
                .post(PATIENTS)
                .then()
                .statusCode(409)
                .body("duplicates.id", hasItem(existing))
                .body("duplicates[0].matchedOn", equalTo("name-and-birth-date"));

        // someone else born the same day is not
        register(body(PatientFixtures.surname(), List.of("Bartholomew"), birthDate));
    }

    @Test
    void aRetriedRegistrationWithTheSameIdempotencyKeyCreatesOnePatient() {
        Map<String, Object> body = body();
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body)
                .post(PATIENTS);
        Response retry = given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body)
                .post(PATIENTS);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");

        @SuppressWarnings("unchecked")
        String family = ((Map<String, Object>) body.get("name")).get("family").toString();
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("name", family)
                .queryParam("birthDate", body.get("birthDate").toString())
                .get(PATIENTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void onlyTheDeskAndAdminsRegister() {
        for (String role : List.of("physician", "nurse", "pharmacist", "lab_technician", "billing_clerk")) {
            given().auth().oauth2(TestTokens.of(role)).contentType(ContentType.JSON).body(body())
                    .post(PATIENTS)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.patient(UUID.randomUUID())).contentType(ContentType.JSON).body(body())
                .post(PATIENTS)
                .then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.of("admin")).contentType(ContentType.JSON).body(body())
                .post(PATIENTS)
                .then()
                .statusCode(201);
    }

    @Test
    void withoutAValidTokenNothingIsRegistered() {
        given().contentType(ContentType.JSON).body(body())
                .post(PATIENTS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        for (String token : List.of(TestTokens.expired("receptionist"), TestTokens.tampered("receptionist"),
                TestTokens.wrongIssuer("receptionist"), TestTokens.signedByAnotherKey("receptionist"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body())
                    .post(PATIENTS)
                    .then()
                    .statusCode(401);
        }
    }

    @Test
    void everyResponseCarriesARequestId() {
        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON).body(body())
                .header("X-Request-Id", "desk-7-42")
                .post(PATIENTS)
                .then()
                .statusCode(201)
                .header("X-Request-Id", equalTo("desk-7-42"));
        given().auth().oauth2(TestTokens.of("nurse")).get(PATIENTS + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("detail", notNullValue());
    }
}
