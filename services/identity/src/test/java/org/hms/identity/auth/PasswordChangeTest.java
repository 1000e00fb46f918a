package org.hms.identity.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hms.identity.Accounts.PASSWORD;
import static org.hms.identity.Accounts.USERS;
import static org.hms.identity.Accounts.refresh;
import static org.hms.identity.Accounts.signIn;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.hms.identity.Accounts;
import org.hms.identity.Accounts.Account;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PasswordChangeTest {

    @Test
    void anAccountChangesItsPasswordAndItsSessionsEnd() {
        Account nurse = Accounts.create("nurse");
        String refreshToken = Accounts.tokens(nurse).path("refresh_token");
        String newPassword = Accounts.password();

        change(nurse.username(), nurse.password(), newPassword).statusCode(204);

        signIn(nurse.username(), nurse.password()).then().statusCode(401);
        signIn(nurse.username(), newPassword).then().statusCode(200);
        refresh(refreshToken).then().statusCode(401);
    }

    @Test
    void aResetByAnAdminMustBeChangedBeforeTheNextSignIn() {
        Account physician = Accounts.create("physician");
        String temporary = Accounts.password();
        given().auth().oauth2(TestTokens.of("admin")).header("If-Match", Accounts.etag(physician.id()))
                .contentType(ContentType.JSON).body(Map.of("newPassword", temporary))
                .post(USERS + "/" + physician.id() + "/password")
                .then()
                .statusCode(200)
                .body("mustChangePassword", equalTo(true));

        signIn(physician.username(), physician.password()).then().statusCode(401);
        signIn(physician.username(), temporary)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/password-change-required"))
                .body("changePasswordAt", equalTo(PASSWORD));

        String chosen = Accounts.password();
        change(physician.username(), temporary, chosen).statusCode(204);
        signIn(physician.username(), chosen).then().statusCode(200);
    }

    @Test
    void theNewPasswordMustMeetThePolicyAndDifferFromTheCurrentOne() {
        Account nurse = Accounts.create("nurse");
        change(nurse.username(), nurse.password(), "short")
                .statusCode(400)
                .body("errors.field", hasItem("newPassword"));
        change(nurse.username(), nurse.password(), "Password123456!")
                .statusCode(400)
                .body("errors.field", hasItem("newPassword"));
        change(nurse.username(), nurse.password(), nurse.password())
                .statusCode(400)
                .body("errors.field", hasItem("newPassword"));
        signIn(nurse.username(), nurse.password()).then().statusCode(200);
    }

    @Test
    void aWrongCurrentPasswordIsTheSame401AsASignIn() {
        Account nurse = Accounts.create("nurse");
        change(nurse.username(), "not my password", Accounts.password())
                .statusCode(401)
                .body("type", endsWith("/invalid-credentials"));
        change(Accounts.username(), "not my password", Accounts.password())
                .statusCode(401)
                .body("type", endsWith("/invalid-credentials"));
    }

    static ValidatableResponse change(String username, String current, String next) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "currentPassword", current, "newPassword", next))
                .post(PASSWORD)
                .then();
    }
}
