package org.hms.platform.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.hms.platform.security.Roles;
import org.hms.platform.testapp.Notes;
import org.hms.platform.testapp.TestDb;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** A POST retried with the same {@code Idempotency-Key} creates once and answers as the first time. */
@QuarkusTest
class IdempotencyKeysTest {

    static final String RECEPTIONIST = TestTokens.of(Roles.RECEPTIONIST);

    @Inject
    TestDb db;

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstResponseAndCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Notes.body();

        Response first = post(RECEPTIONIST, key, body);
        Response retry = post(RECEPTIONIST, key, body);

        first.then().statusCode(201);
        assertThat(first.header(IdempotencyKeys.REPLAYED)).isNull();
        retry.then().statusCode(201).contentType(ContentType.JSON).header(IdempotencyKeys.REPLAYED, "true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).isNotBlank();
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(db.count("select count(*) from test_note where text = $1", body.get("text"))).isOne();
    }

    @Test
    void theSameKeyForADifferentRequestIs422() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Notes.body();
        post(RECEPTIONIST, key, body).then().statusCode(201);

        Map<String, Object> other = Notes.body();
        post(RECEPTIONIST, key, other)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hms.example.org/problems/idempotency-key-reused"));
        assertThat(db.count("select count(*) from test_note where text = $1", other.get("text"))).isZero();
    }

    @Test
    void aFailedRequestDoesNotUseUpItsKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Notes.body();
        Map<String, Object> invalid = Notes.body(UUID.randomUUID(), "");

        post(RECEPTIONIST, key, invalid).then().statusCode(400);
        Response corrected = post(RECEPTIONIST, key, body);

        corrected.then().statusCode(201);
        assertThat(corrected.header(IdempotencyKeys.REPLAYED)).isNull();
        assertThat(db.count("select count(*) from test_note where text = $1", body.get("text"))).isOne();
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Notes.body();

        Response mine = post(TestTokens.as("reception-desk-1", Roles.RECEPTIONIST), key, body);
        Response theirs = post(TestTokens.as("reception-desk-2", Roles.RECEPTIONIST), key, body);

        mine.then().statusCode(201);
        theirs.then().statusCode(201);
        assertThat(theirs.header(IdempotencyKeys.REPLAYED)).isNull();
        assertThat(theirs.header("Location")).isNotEqualTo(mine.header("Location"));
        assertThat(db.count("select count(*) from test_note where text = $1", body.get("text"))).isEqualTo(2);
    }

    @Test
    void anOverlongKeyIsA400() {
        post(RECEPTIONIST, "k".repeat(256), Notes.body())
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private static Response post(String token, String key, Map<String, Object> body) {
        return given().auth().oauth2(token)
                .header(IdempotencyKeys.HEADER, key)
                .contentType(ContentType.JSON)
                .body(body)
                .post(Notes.NOTES);
    }
}
