package org.hms.platform.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.platform.security.Roles;
import org.hms.platform.testapp.Notes;
import org.hms.platform.testapp.TestDb;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error is an RFC 9457 problem ({@code application/problem+json}) that says what is wrong. */
@QuarkusTest
class ProblemsTest {

    static final String PROBLEM = "application/problem+json";
    static final String TYPES = "https://hms.example.org/problems/";

    @Inject
    TestDb db;

    @Test
    void invalidInputIsA400NamingEveryInvalidFieldAndStoresNothing() {
        UUID patient = UUID.randomUUID();
        Map<String, Object> body = Notes.body(patient, " ");
        body.put("name", Map.of("family", "", "given", List.of("Zofia", "")));
        body.put("identifiers", List.of(Map.of("system", "national-id", "value", "")));

        post(body)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo(Notes.NOTES))
                .body("errors.field", hasItems("name.family", "name.given[1]", "identifiers[0].value", "text"));

        assertThat(db.count("select count(*) from test_note where patient_id = $1", patient)).isZero();
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        Map<String, Object> body = Notes.body();
        body.remove("birthDate");

        post(body).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("birthDate"));
    }

    static List<Object[]> wronglyTypedValues() {
        return List.of(
                new Object[] {"birthDate", "1984-13-45"},
                new Object[] {"patientId", "not-a-uuid"},
                new Object[] {"failAfterInsert", "perhaps"});
    }

    @ParameterizedTest
    @MethodSource("wronglyTypedValues")
    void aValueOfTheWrongTypeOrFormatIsA400NamingThatField(String field, String value) {
        UUID patient = UUID.randomUUID();
        Map<String, Object> body = Notes.body(patient, "typed " + UUID.randomUUID());
        body.put(field, value);

        post(body)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "validation"))
                .body("errors.field", equalTo(List.of(field)));

        assertThat(db.count("select count(*) from test_note where text = $1", body.get("text"))).isZero();
    }

    @Test
    void formatErrorsAndValidationErrorsAreNamedTogetherInOneProblem() {
        UUID patient = UUID.randomUUID();
        Map<String, Object> body = Notes.body(patient, "several mistakes " + UUID.randomUUID());
        body.put("name", Map.of("family", ""));
        body.put("birthDate", "2999-99-99");
        body.put("urgency", "whenever");
        body.put("identifiers", List.of(Map.of("system", "national-id", "value", 42)));
        body.put("failAfterInsert", "perhaps");
        body.put("text", List.of("not", "a", "string"));

        post(body)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "validation"))
                .body("errors.field", equalTo(List.of(
                        "birthDate", "failAfterInsert", "identifiers[0].value", "name.family", "text", "urgency")))
                .body("errors.find { it.field == 'urgency' }.message", equalTo("must be one of routine, urgent"))
                .body("errors.find { it.field == 'birthDate' }.message",
                        equalTo("must be a date such as 1984-03-07"));

        assertThat(db.count("select count(*) from test_note where patient_id = $1", patient)).isZero();
    }

    @Test
    void aValueOfAnotherJsonTypeIsNotCoercedButNamed() {
        Map<String, Object> body = Notes.body();
        body.put("text", 12345);
        body.put("name", "Kowalska");

        post(body).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("name", "text")));
    }

    @Test
    void theOpenApiDocumentDeclaresProblemsWithOneSharedSchema() {
        Response document = given().accept("application/json").get("/q/openapi");
        String post = "paths.'/test/notes'.post.responses.";

        assertThat(document.jsonPath().getString("components.schemas.Problem.properties.status.type"))
                .isEqualTo("integer");
        assertThat(document.jsonPath().getMap(post + "'400'.content").keySet()).containsExactly(PROBLEM);
        assertThat(document.jsonPath().getString(post + "'400'.content.'application/problem+json'.schema.$ref"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(document.jsonPath().getMap("paths.'/test/notes'.post.responses").keySet())
                .contains("400", "401", "403", "415", "429", "500");
        assertThat(document.jsonPath().getMap("paths.'/test/notes/{id}'.get.responses").keySet())
                .contains("404").doesNotContain("415");
    }

    @Test
    void aWronglyTypedValueInsideAListIsNamedWithItsIndex() {
        Map<String, Object> body = Notes.body();
        body.put("identifiers", List.of(Map.of("system", "a", "value", "b"), List.of("not", "an", "object")));

        post(body).then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("identifiers[1]")));
    }

    @Test
    void malformedJsonIsA400() {
        given().auth().oauth2(TestTokens.of(Roles.RECEPTIONIST))
                .contentType(ContentType.JSON)
                .body("{\"patientId\": ")
                .post(Notes.NOTES)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400));
    }

    @Test
    void noTokenIsA401() {
        given().get(Notes.NOTES + "/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo(TYPES + "unauthenticated"));
    }

    static List<Named<String>> brokenTokens() {
        return List.of(
                Named.of("expired", TestTokens.expired(Roles.NURSE)),
                Named.of("tampered", TestTokens.tampered(Roles.NURSE)),
                Named.of("wrong issuer", TestTokens.wrongIssuer(Roles.NURSE)),
                Named.of("signed by another key", TestTokens.signedByAnotherKey(Roles.NURSE)),
                Named.of("not a JWT", "not-a-jwt"));
    }

    @ParameterizedTest
    @MethodSource("brokenTokens")
    void aTokenThatIsExpiredTamperedForeignOrSignedByAnotherKeyIsA401(String token) {
        given().auth().oauth2(token)
                .get(Notes.NOTES + "/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "unauthenticated"));
    }

    @Test
    void theWrongRoleIsA403() {
        given().auth().oauth2(TestTokens.of(Roles.PHARMACIST))
                .get(Notes.NOTES + "/" + UUID.randomUUID())
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "forbidden"));
    }

    @Test
    void aMissingRecordIsA404() {
        UUID missing = UUID.randomUUID();
        given().auth().oauth2(TestTokens.of(Roles.NURSE))
                .get(Notes.NOTES + "/" + missing)
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "not-found"))
                .body("detail", equalTo("note " + missing + " does not exist"));
    }

    @Test
    void anUpdateWithoutIfMatchIsA428() {
        UUID note = Notes.id(Notes.create(Notes.body()));
        given().auth().oauth2(TestTokens.of(Roles.RECEPTIONIST))
                .contentType(ContentType.JSON)
                .body(Map.of("text", "no precondition"))
                .put(Notes.NOTES + "/" + note)
                .then()
                .statusCode(428)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "precondition-required"));
    }

    @Test
    void anUpdateWithAStaleIfMatchIsA412AndChangesNothing() {
        Response created = Notes.create(Notes.body());
        UUID note = Notes.id(created);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        Notes.rewrite(note, 0, "current text");

        given().auth().oauth2(TestTokens.of(Roles.RECEPTIONIST))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("text", "lost update"))
                .put(Notes.NOTES + "/" + note)
                .then()
                .statusCode(412)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "stale-version"))
                .body("currentVersion", equalTo(1));

        given().auth().oauth2(TestTokens.of(Roles.NURSE))
                .get(Notes.NOTES + "/" + note)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("text", equalTo("current text"));
    }

    @Test
    void anUnexpectedFailureIsA500WithAnErrorIdAndNoInternals() {
        Response response = given().auth().oauth2(TestTokens.of(Roles.PHYSICIAN))
                .get(Notes.NOTES + "/unexpected-failure");

        response.then()
                .statusCode(500)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "internal"));
        assertThat(UUID.fromString(response.path("errorId"))).isNotNull();
        assertThat(response.asString())
                .doesNotContain("Exception", "secret detail", "db-internal", "at org.", "at io.", "java.");
    }

    private static Response post(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.of(Roles.RECEPTIONIST))
                .contentType(ContentType.JSON)
                .body(body)
                .post(Notes.NOTES);
    }
}
