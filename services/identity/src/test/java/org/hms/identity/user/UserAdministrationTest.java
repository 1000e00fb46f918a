package org.hms.identity.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hms.identity.Accounts.USERS;
import static org.hms.identity.Accounts.body;
import static org.hms.identity.Accounts.signIn;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.identity.Accounts;
import org.hms.identity.Accounts.Account;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserAdministrationTest {

    @Test
    void creatingAnAccountAnswersItWithLocationAndETagButNeverThePassword() {
        String username = Accounts.username();
        UUID practitioner = UUID.randomUUID();
        Map<String, Object> body = body(username.toUpperCase(), Accounts.password(), List.of("physician", "admin"));
        body.put("practitionerId", practitioner.toString());
        body.remove("mustChangePassword");

        Response created = admin().contentType(ContentType.JSON).body(body).post(USERS);

        created.then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("username", equalTo(username))
                .body("displayName", equalTo("Test " + username.toUpperCase()))
                .body("roles", equalTo(List.of("physician", "admin")))
                .body("practitionerId", equalTo(practitioner.toString()))
                .body("enabled", equalTo(true))
                .body("mustChangePassword", equalTo(true))
                .body("version", equalTo(0));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(USERS + "/" + id);
        assertThat(created.jsonPath().getMap("$").keySet()).doesNotContain("password", "passwordHash");
        assertThat(created.asString()).doesNotContain("$2a$").doesNotContain((String) body.get("password"));
        admin().get(created.header("Location")).then().statusCode(200).header("ETag", "\"0\"")
                .body("username", equalTo(username));
    }

    @Test
    void invalidFieldsAreEachNamedAndNothingIsStored() {
        String username = Accounts.username();
        Map<String, Object> body = body(username, "short", List.of("surgeon", "nurse"));
        body.put("displayName", "");

        admin().contentType(ContentType.JSON).body(body).post(USERS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("displayName"));
        body.put("displayName", "Someone");
        admin().contentType(ContentType.JSON).body(body).post(USERS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("roles[0]", "password"));
        admin().contentType(ContentType.JSON).body(Map.of("username", "x", "roles", List.of())).post(USERS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("username", "displayName", "password", "roles"));

        admin().queryParam("username", username).get(USERS).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void thePasswordPolicyRefusesShortCommonAndUsernameBasedPasswords() {
        String username = Accounts.username();
        for (String weak : List.of("Tr0ub4dor&3", "Password2024!", "qwertyuiop123", username + "-secret-42",
                "aaaaaaaaaaaaaaaa", "123456789012345")) {
            admin().contentType(ContentType.JSON).body(body(username, weak, List.of("nurse"))).post(USERS)
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("password"));
        }
        admin().queryParam("username", username).get(USERS).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void patientAccountsNeedTheirPatientIdAndNoStaffRole() {
        admin().contentType(ContentType.JSON).body(body(Accounts.username(), Accounts.password(), List.of("patient")))
                .post(USERS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("patientId"));
        Map<String, Object> mixed = body(Accounts.username(), Accounts.password(), List.of("patient", "nurse"));
        mixed.put("patientId", UUID.randomUUID().toString());
        admin().contentType(ContentType.JSON).body(mixed).post(USERS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("roles"));
        Map<String, Object> staff = body(Accounts.username(), Accounts.password(), List.of("nurse"));
        staff.put("patientId", UUID.randomUUID().toString());
        admin().contentType(ContentType.JSON).body(staff).post(USERS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("patientId"));
    }

    @Test
    void aTakenUsernameIsAConflictWhateverItsCase() {
        Account existing = Accounts.create("nurse");
        admin().contentType(ContentType.JSON)
                .body(body(existing.username().toUpperCase(), Accounts.password(), List.of("physician")))
                .post(USERS)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyCreatesOneAccount() {
        Map<String, Object> body = body(Accounts.username(), Accounts.password(), List.of("pharmacist"));
        String key = UUID.randomUUID().toString();

        Response first = admin().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(USERS);
        Response retry = admin().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(USERS);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        admin().queryParam("username", body.get("username")).get(USERS).then().body("total", equalTo(1));
    }

    @Test
    void accountsAreListedByUsernameInPagesWithTheTotal() {
        String prefix = "t-list-" + UUID.randomUUID().toString().substring(0, 6);
        for (String suffix : List.of("c", "a", "b")) {
            String role = suffix.equals("b") ? "nurse" : "physician";
            Accounts.create(body(prefix + suffix, Accounts.password(), List.of(role)));
        }

        admin().queryParam("username", prefix.toUpperCase()).queryParam("size", 2).get(USERS)
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("items.username", equalTo(List.of(prefix + "a", prefix + "b")));
        admin().queryParam("username", prefix).queryParam("size", 2).queryParam("page", 1).get(USERS)
                .then()
                .body("items.username", equalTo(List.of(prefix + "c")));
        admin().queryParam("username", prefix).queryParam("role", "nurse").get(USERS)
                .then()
                .body("total", equalTo(1))
                .body("items[0].username", equalTo(prefix + "b"));
        admin().queryParam("username", prefix).queryParam("enabled", "false").get(USERS)
                .then()
                .body("total", equalTo(0));
        admin().get(USERS).then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20));
        admin().queryParam("role", "surgeon").get(USERS).then().statusCode(400).body("errors.field", hasItem("role"));
        admin().queryParam("size", 500).get(USERS).then().statusCode(400).body("errors.field", hasItem("size"));
    }

    @Test
    void changesNeedTheCurrentETag() {
        Account nurse = Accounts.create("nurse");
        String path = USERS + "/" + nurse.id();

        admin().post(path + "/disable").then().statusCode(428).contentType("application/problem+json");
        admin().header("If-Match", "\"7\"").post(path + "/disable").then().statusCode(412);

        Response disabled = admin().header("If-Match", "\"0\"").post(path + "/disable");
        disabled.then().statusCode(200).header("ETag", "\"1\"").body("enabled", equalTo(false));
        admin().header("If-Match", "\"0\"").post(path + "/enable").then().statusCode(412);
        admin().header("If-Match", "\"1\"").post(path + "/enable")
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("enabled", equalTo(true));
        signIn(nurse.username(), nurse.password()).then().statusCode(200);

        admin().header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("nurse", "admin")))
                .put(path + "/roles")
                .then()
                .statusCode(200)
                .header("ETag", "\"3\"")
                .body("roles", equalTo(List.of("nurse", "admin")));
        admin().header("If-Match", "\"3\"").contentType(ContentType.JSON).body(Map.of("roles", List.of("wizard")))
                .put(path + "/roles")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("roles[0]"));
        admin().get(USERS + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void signingInDoesNotChangeTheAccountsVersion() {
        Account nurse = Accounts.create("nurse");
        Accounts.tokens(nurse);
        admin().get(USERS + "/" + nurse.id()).then().header("ETag", "\"0\"");
    }

    @Test
    void anAdminCannotDisableThemselvesNorDropTheirOwnAdminRole() {
        Account admin = Accounts.create("admin");
        String token = Accounts.tokens(admin).path("access_token");
        String path = USERS + "/" + admin.id();

        given().auth().oauth2(token).header("If-Match", "\"0\"").post(path + "/disable")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(token).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("physician")))
                .put(path + "/roles")
                .then()
                .statusCode(409);
        // another admin may
        admin().header("If-Match", "\"0\"").post(path + "/disable").then().statusCode(200);
    }

    @Test
    void everyAccountSeesItselfButTokensFromOutsideIdentityHaveNoAccount() {
        Account pharmacist = Accounts.create("pharmacist");
        given().auth().oauth2(Accounts.tokens(pharmacist).<String>path("access_token")).get(USERS + "/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(pharmacist.username()))
                .body("roles", hasSize(1));
        given().auth().oauth2(TestTokens.of("nurse")).get(USERS + "/me").then().statusCode(404);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.of("admin"));
    }
}
