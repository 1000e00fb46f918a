package org.hms.patients;

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
    void openApiDescribesEveryEndpointWithBearerSecurity() {
        given().accept("application/json").get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/patients'.post", notNullValue())
                .body("paths.'/api/v1/patients'.get", notNullValue())
                .body("paths.'/api/v1/patients/{id}'.get", notNullValue())
                .body("paths.'/api/v1/patients/{id}'.put", notNullValue())
                .body("paths.'/api/v1/patients/{id}/merge'.post", notNullValue())
                .body("paths.'/api/v1/patients/{id}/erasure'.post", notNullValue())
                .body("paths.'/api/v1/patients/{id}/export'.get", notNullValue())
                .body("components.securitySchemes", notNullValue());
    }

    @Test
    void metricsExposeTheRegistrationsCounter() {
        org.hms.patients.patient.PatientFixtures.registerNew();
        given().get("/q/metrics").then().statusCode(200).body(containsString("hms_patients_registrations_total"));
    }
}
