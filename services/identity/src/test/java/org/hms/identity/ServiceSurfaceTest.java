package org.hms.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What ops and client developers rely on: health, metrics, OpenAPI. */
@QuarkusTest
class ServiceSurfaceTest {

    @Test
    void readinessAndLivenessAreUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDescribesEveryEndpoint() {
        given().accept("application/json").get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/auth/token'.post", notNullValue())
                .body("paths.'/api/v1/auth/refresh'.post", notNullValue())
                .body("paths.'/api/v1/auth/logout'.post", notNullValue())
                .body("paths.'/api/v1/auth/password'.post", notNullValue())
                .body("paths.'/.well-known/jwks.json'.get", notNullValue())
                .body("paths.'/api/v1/users'.post", notNullValue())
                .body("paths.'/api/v1/users'.get", notNullValue())
                .body("paths.'/api/v1/users/me'.get", notNullValue())
                .body("paths.'/api/v1/users/{id}'.get", notNullValue())
                .body("paths.'/api/v1/users/{id}/disable'.post", notNullValue())
                .body("paths.'/api/v1/users/{id}/enable'.post", notNullValue())
                .body("paths.'/api/v1/users/{id}/password'.post", notNullValue())
                .body("paths.'/api/v1/users/{id}/roles'.put", notNullValue())
                .body("components.securitySchemes", notNullValue());
    }

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
