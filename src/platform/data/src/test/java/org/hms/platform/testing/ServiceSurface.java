package org.hms.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

/**
 * What ops and client developers rely on in every service: readiness and liveness, and an OpenAPI
 * document with bearer security. A service's test extends this under {@code @QuarkusTest} and adds
 * its own metrics. Which endpoints the document lists is checked once for all services, against
 * docs/authorization-matrix.md, by src/system-tests.
 */
public abstract class ServiceSurface {

    @Test
    void readinessAndLivenessAreUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiIsServedWithBearerSecurity() {
        given().accept("application/json").get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.keySet()", not(empty()))
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"))
                .body("components.securitySchemes.SecurityScheme.bearerFormat", notNullValue());
    }
}
