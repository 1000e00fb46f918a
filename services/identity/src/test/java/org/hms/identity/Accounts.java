package org.hms.identity;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hms.contracts.EventSchemas;
import org.hms.platform.testing.TestTokens;

/**
 * Accounts for tests, created through the admin API with names random enough that tests never
 * meet each other's accounts (the test database keeps them between runs).
 */
public final class Accounts {

    public static final String USERS = "/api/v1/users";
    public static final String TOKEN = "/api/v1/auth/token";
    public static final String REFRESH = "/api/v1/auth/refresh";
    public static final String LOGOUT = "/api/v1/auth/logout";
    public static final String PASSWORD = "/api/v1/auth/password";

    private Accounts() {}

    /** An account as created: its id, username, password and version. */
    public record Account(UUID id, String username, String password, long version) {}

    /** "t-" and ten random lower-case letters and digits. */
    public static String username() {
        return "t-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A password the policy accepts: several words and some randomness. */
    public static String password() {
        String[] words = {"amber", "falcon", "quiet", "harbor", "violet", "lantern", "copper", "meadow"};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " "
                + Integer.toString(random.nextInt(1_000_000), 36) + " tide";
    }

    public static Map<String, Object> body(String username, String password, List<String> roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "Test " + username);
        body.put("password", password);
        body.put("roles", roles);
        body.put("mustChangePassword", false);
        return body;
    }

    /** A new account holding {@code roles}, whose password need not change. */
    public static Account create(String... roles) {
        return create(body(username(), password(), List.of(roles)));
    }

    /** A patient's account, for {@code patientId}. */
    public static Account patient(UUID patientId) {
        Map<String, Object> body = body(username(), password(), List.of("patient"));
        body.put("patientId", patientId.toString());
        return create(body);
    }

    public static Account create(Map<String, Object> body) {
        Response created = given().auth().oauth2(TestTokens.of("admin")).contentType(ContentType.JSON).body(body)
                .post(USERS)
                .then()
                .statusCode(201)
                .extract()
                .response();
        return new Account(UUID.fromString(created.path("id")), created.path("username"),
                (String) body.get("password"), created.<Integer>path("version"));
    }

    /** POST /api/v1/auth/token as JSON. */
    public static Response signIn(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post(TOKEN);
    }

    /** The token response of a successful sign-in. */
    public static Response tokens(Account account) {
        return signIn(account.username(), account.password()).then().statusCode(200).extract().response();
    }

    public static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken)).post(REFRESH);
    }

    /** The current version of an account (its ETag), read as an admin. */
    public static String etag(UUID id) {
        return given().auth().oauth2(TestTokens.of("admin")).get(USERS + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** The claims of a JWT, decoded without checking the signature (tests check it elsewhere). */
    public static JsonNode claims(String jwt) {
        return part(jwt, 1);
    }

    public static JsonNode header(String jwt) {
        return part(jwt, 0);
    }

    private static JsonNode part(String jwt, int index) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[index]);
            return EventSchemas.JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("not a JWT: " + jwt, e);
        }
    }
}
