package org.hms.scheduling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hms.platform.testing.ServiceSurface;
import org.hms.platform.testing.SkipTopicBacklog;
import org.junit.jupiter.api.Test;

/**
 * Health and OpenAPI (shared checks), and the service's own metrics. Declares, for every test
 * class (global), that the test patient view starts at the end of hms.patients.
 */
@QuarkusTest
@WithTestResource(value = SkipTopicBacklog.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "group", value = "hms-scheduling-test-patient-view"),
        @ResourceArg(name = "topic", value = "hms.patients")})
class ServiceSurfaceTest extends ServiceSurface {

    @Test
    void metricsExposeTheBookingCounters() {
        Fixtures.booked(Fixtures.knownPatient(), Fixtures.bookablePractitioner(),
                Fixtures.at(Fixtures.futureDate(), "09:00"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("hms_scheduling_bookings_total"))
                .body(containsString("hms_scheduling_booking_conflicts_total"));
    }
}
