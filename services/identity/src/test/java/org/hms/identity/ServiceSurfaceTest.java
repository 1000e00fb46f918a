package org.hms.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.hms.platform.testing.ServiceSurface;
import org.junit.jupiter.api.Test;

/** Health and OpenAPI (shared checks), and the service's own metrics. */
@QuarkusTest
class ServiceSurfaceTest extends ServiceSurface {

    @Test
    void metricsExposeTheSignInAndLockoutCounters() {
        Accounts.signIn(Accounts.username(), "not the password at all").then().statusCode(401);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("hms_identity_logins_total{outcome=\"invalid-credentials\""))
                .body(containsString("hms_identity_lockouts_total"));
    }
}
