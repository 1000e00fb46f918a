package org.hms.identity.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hms.identity.Accounts.PASSWORD;
import static org.hms.identity.Accounts.USERS;
import static org.hms.identity.Accounts.signIn;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.hms.identity.Accounts;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The very first start: no account exists (a schema of its own, emptied at each start of this
 * profile), so identity creates {@code admin} with a generated password in a file, and that
 * admin must change it before getting a token.
 */
@QuarkusTest
@TestProfile(FirstStartTest.EmptyDatabase.class)
class FirstStartTest {

    static final Path PASSWORD_FILE = Path.of("target", "first-start", "admin-password");

    @Inject
    InitialAdmin initialAdmin;

    @BeforeEach
    void serviceIsReady() {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void theFirstAdminMustChangeTheGeneratedPasswordBeforeSigningIn() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(PASSWORD_FILE))).isEqualTo("rw-------");
        String generated = Files.readString(PASSWORD_FILE).strip();
        assertThat(generated).hasSize(24);

        signIn("admin", generated)
                .then()
                .statusCode(403)
                .body("type", endsWith("/password-change-required"))
                .body("changePasswordAt", equalTo(PASSWORD));

        String chosen = Accounts.password();
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "currentPassword", generated, "newPassword", chosen))
                .post(PASSWORD)
                .then()
                .statusCode(204);

        String token = signIn("admin", chosen).then().statusCode(200).extract().path("access_token");
        assertThat(Accounts.claims(token).get("groups").toString()).isEqualTo("[\"admin\"]");
        given().auth().oauth2(token).get(USERS + "/me")
                .then()
                .statusCode(200)
                .body("mustChangePassword", equalTo(false));
        signIn("admin", generated).then().statusCode(401);
    }

    @Test
    void aLaterStartFindsTheAccountsAndCreatesNoOtherAdmin() throws Throwable {
        String before = Files.readString(PASSWORD_FILE);

        assertThat(VertxContextSupport.<Boolean>subscribeAndAwait(() -> initialAdmin.ensure())).isFalse();

        assertThat(Files.readString(PASSWORD_FILE)).isEqualTo(before);
        given().auth().oauth2(TestTokens.of("admin")).queryParam("role", "admin").get(USERS)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].username", equalTo("admin"));
    }

    /** The test database, in a schema of its own that Flyway empties at every start of this profile. */
    public static class EmptyDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.reactive.url",
                    "postgresql://127.0.0.1:5432/hms_identity_test?search_path=first_start",
                    "quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://127.0.0.1:5432/hms_identity_test?currentSchema=first_start",
                    "quarkus.flyway.schemas", "first_start",
                    "quarkus.flyway.clean-at-start", "true",
                    "quarkus.flyway.clean-disabled", "false",
                    "hms.identity.initial-admin-password-file", PASSWORD_FILE.toString());
        }
    }
}
