package org.hms.patients;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.hms.patients.patient.PatientFixtures;
import org.hms.platform.testing.ServiceSurface;
import org.junit.jupiter.api.Test;

/** Health and OpenAPI (shared checks), and the service's own metrics. */
@QuarkusTest
class ServiceSurfaceTest extends ServiceSurface {

    @Test
    void metricsExposeTheRegistrationsCounter() {
        PatientFixtures.registerNew();
        given().get("/q/metrics").then().statusCode(200).body(containsString("hms_patients_registrations_total"));
    }
}
