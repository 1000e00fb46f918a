package org.hms.clinical;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hms.platform.testing.ServiceSurface;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Health and OpenAPI (shared checks), and the service's own metrics. */
@QuarkusTest
class ServiceSurfaceTest extends ServiceSurface {

    @Test
    void metricsExposeTheVitalsCounters() {
        given().auth().oauth2(TestTokens.of("nurse")).contentType(ContentType.JSON)
                .body(ClinicalFixtures.calmVitals(ClinicalFixtures.knownPatient()))
                .post(ClinicalFixtures.VITALS)
                .then()
                .statusCode(201);
        given().get("/q/metrics").then().statusCode(200).body(containsString("hms_clinical_vitals_recorded_total"));
    }
}
