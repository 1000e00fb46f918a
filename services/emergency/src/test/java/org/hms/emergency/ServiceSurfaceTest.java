package org.hms.emergency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.hms.platform.testing.ServiceSurface;
import org.junit.jupiter.api.Test;

/** Health and OpenAPI (shared checks), and the service's own metrics. */
@QuarkusTest
class ServiceSurfaceTest extends ServiceSurface {

    @Test
    void metricsExposeTheArrivalsCounter() {
        EmergencyFixtures.arriveUnidentified("metrics");
        given().get("/q/metrics").then().statusCode(200).body(containsString("hms_emergency_arrivals_total"));
    }

    @Test
    void theAlertStreamIsDeclaredAsServerSentEvents() {
        given().accept("application/json").get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/alerts/stream'.get.responses.'200'.content.'text/event-stream'.schema.'$ref'",
                        containsString("AlertNotice"));
    }
}
