package org.hms.patients.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hms.patients.patient.PatientFixtures.PATIENTS;
import static org.hms.patients.patient.PatientFixtures.body;
import static org.hms.patients.patient.PatientFixtures.register;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Update, merge, export and erasure. */
@QuarkusTest
class PatientChangesTest {

    @Test
    void anUpdateNeedsTheCurrentVersionInIfMatch() {
        Map<String, Object> body = body();
        String location = PATIENTS + "/" + register(body).<String>path("id");
        body.put("email", "new@example.org");

        put(location, null, body).statusCode(428).contentType("application/problem+json");
        put(location, "\"7\"", body).statusCode(412).body("currentVersion", equalTo(0));
        put(location, "\"0\"", body).statusCode(200).header("ETag", "\"1\"").body("email", equalTo(
                "new@example.org"));
        put(location, "\"0\"", body).statusCode(412);
    }

    @Test
    void anInvalidUpdateChangesNothing() {
        Map<String, Object> body = body();
        String location = PATIENTS + "/" + register(body).<String>path("id");
        Map<String, Object> bad = body();
        bad.put("birthDate", null);
        put(location, "\"0\"", bad).statusCode(400).body("errors.field", hasItem("birthDate"));
        given().auth().oauth2(TestTokens.of("nurse")).get(location)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("birthDate", equalTo(body.get("birthDate")));
    }

    @Test
    void onlyTheDeskAndAdminsUpdate() {
        Map<String, Object> body = body();
        UUID id = UUID.fromString(register(body).path("id"));
        for (String token : List.of(TestTokens.of("nurse"), TestTokens.of("physician"), TestTokens.patient(id))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                    .put(PATIENTS + "/" + id)
                    .then()
                    .statusCode(403);
        }
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).put(PATIENTS + "/" + id)
                .then()
                .statusCode(401);
    }

    @Test
    void mergingRetiresTheDuplicateIntoTheSurvivor() {
        Map<String, Object> survivorBody = body();
        String survivor = register(survivorBody).path("id");
        Map<String, Object> duplicateBody = body();
        String duplicate = register(duplicateBody).path("id");
        @SuppressWarnings("unchecked")
        String duplicateNationalId =
                ((List<Map<String, String>>) duplicateBody.get("identifiers")).get(0).get("value");

        merge(duplicate, survivor, "admin")
                .statusCode(200)
                .body("id", equalTo(survivor))
                .body("version", equalTo(1))
                .body("identifiers.value", hasItem(duplicateNationalId));

        given().auth().oauth2(TestTokens.of("nurse")).redirects().follow(false).get(PATIENTS + "/" + duplicate)
                .then()
                .statusCode(301)
                .header("Location", endsWith(PATIENTS + "/" + survivor))
                .body("mergedInto", equalTo(survivor));
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("identifier", duplicateNationalId).get(PATIENTS)
                .then()
                .body("items.id", hasItem(survivor))
                .body("items.id", not(hasItem(duplicate)));
        given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(duplicateBody)
                .put(PATIENTS + "/" + duplicate)
                .then()
                .statusCode(409)
                .body("survivorId", equalTo(survivor));
    }

    @Test
    void mergingIsForAdminsAndNeverIntoItself() {
        String a = register(body()).path("id");
        String b = register(body()).path("id");
        merge(a, b, "receptionist").statusCode(403);
        merge(a, a, "admin").statusCode(400).body("errors.field", hasItem("survivorId"));
        merge(a, UUID.randomUUID().toString(), "admin").statusCode(404);
    }

    @Test
    void anExportHoldsEverythingKeptAboutThePatient() {
        Map<String, Object> body = body();
        String id = register(body).path("id");
        String duplicate = register(body()).path("id");
        merge(duplicate, id, "admin").statusCode(200);

        given().auth().oauth2(TestTokens.patient(UUID.fromString(id))).get(PATIENTS + "/" + id + "/export")
                .then()
                .statusCode(200)
                .body("patient.id", equalTo(id))
                .body("patient.name", equalTo(body.get("name")))
                .body("patient.address", equalTo(body.get("address")))
                .body("status", equalTo("active"))
                .body("createdAt", notNullValue())
                .body("exportedAt", notNullValue())
                .body("mergedRecords.id", hasItems(duplicate));
        given().auth().oauth2(TestTokens.of("admin")).get(PATIENTS + "/" + id + "/export").then().statusCode(200);
        given().auth().oauth2(TestTokens.patient(UUID.randomUUID())).get(PATIENTS + "/" + id + "/export")
                .then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.of("nurse")).get(PATIENTS + "/" + id + "/export").then().statusCode(403);
    }

    @Test
    void erasureRemovesPersonalDataAndKeepsTheFact() {
        Map<String, Object> body = body();
        var created = register(body);
        String id = created.path("id");
        @SuppressWarnings("unchecked")
        String family = ((Map<String, Object>) body.get("name")).get("family").toString();

        erase(id, "receptionist", Map.of("reason", "GDPR request 2026/117")).statusCode(403);
        erase(id, "admin", Map.of()).statusCode(400).body("errors.field", hasItem("reason"));
        erase(id, "admin", Map.of("reason", "GDPR request 2026/117"))
                .statusCode(200)
                .body("id", equalTo(id))
                .body("mrn", equalTo(created.path("mrn")))
                .body("status", equalTo("erased"))
                .body("erasedAt", notNullValue())
                .body("name", nullValue());

        given().auth().oauth2(TestTokens.of("nurse")).get(PATIENTS + "/" + id)
                .then()
                .statusCode(410)
                .body("erasedAt", notNullValue())
                .body("detail", not(org.hamcrest.Matchers.containsString(family)));
        given().auth().oauth2(TestTokens.of("nurse")).queryParam("name", family).get(PATIENTS)
                .then()
                .body("total", equalTo(0));
        // erasing again is harmless
        erase(id, "admin", Map.of("reason", "again")).statusCode(200).body("status", equalTo("erased"));
    }

    private static io.restassured.response.ValidatableResponse put(String location, String ifMatch, Object body) {
        var request = given().auth().oauth2(TestTokens.of("receptionist")).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(location).then();
    }

    private static io.restassured.response.ValidatableResponse merge(String duplicate, String survivor, String role) {
        return given().auth().oauth2(TestTokens.of(role)).contentType(ContentType.JSON)
                .body(Map.of("survivorId", survivor))
                .post(PATIENTS + "/" + duplicate + "/merge")
                .then();
    }

    private static io.restassured.response.ValidatableResponse erase(String id, String role, Object body) {
        return given().auth().oauth2(TestTokens.of(role)).contentType(ContentType.JSON).body(body)
                .post(PATIENTS + "/" + id + "/erasure")
                .then();
    }
}
