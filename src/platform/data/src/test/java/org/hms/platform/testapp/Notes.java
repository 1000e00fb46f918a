package org.hms.platform.testapp;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.platform.security.Roles;
import org.hms.platform.testing.TestTokens;

/** Request bodies and calls of the test notes resource, unique per call so tests never collide. */
public final class Notes {

    public static final String NOTES = "/test/notes";

    private Notes() {}

    /** A valid body for a new note of a fresh patient, with a unique text. */
    public static Map<String, Object> body() {
        return body(UUID.randomUUID(), "note " + UUID.randomUUID());
    }

    public static Map<String, Object> body(UUID patientId, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patientId.toString());
        body.put("name", new LinkedHashMap<>(Map.of("family", "Kowalska", "given", List.of("Zofia", "Maria"))));
        body.put("birthDate", "1984-03-07");
        body.put("identifiers", new ArrayList<>(List.of(Map.of("system", "national-id", "value", "84030712345"))));
        body.put("text", text);
        return body;
    }

    /** Creates a note as a receptionist; the 201 response. */
    public static Response create(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.of(Roles.RECEPTIONIST))
                .contentType(ContentType.JSON)
                .body(body)
                .post(NOTES)
                .then()
                .statusCode(201)
                .extract()
                .response();
    }

    /** Rewrites a note's text with the given If-Match; the 200 response. */
    public static Response rewrite(UUID id, long version, String text) {
        return given().auth().oauth2(TestTokens.of(Roles.RECEPTIONIST))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + version + "\"")
                .body(Map.of("text", text))
                .put(NOTES + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    public static UUID id(Response response) {
        return UUID.fromString(response.path("id"));
    }
}
