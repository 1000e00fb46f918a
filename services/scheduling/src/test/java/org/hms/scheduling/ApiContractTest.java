package org.hms.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.hms.platform.testing.ApiSurface;
import org.junit.jupiter.api.Test;

/** The scheduling API and the scheduling events are separate contracts. */
@QuarkusTest
class ApiContractTest {

    @Test
    void resourcesAndApiRecordsUseNoEventTypes() {
        ApiSurface.assertNoContractTypes("org.hms.scheduling");
    }

    @Test
    void theOpenApiDocumentDescribesTheApisOwnBodies() throws Exception {
        JsonNode openapi = new ObjectMapper().readTree(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());

        List<String> schemas = new ArrayList<>();
        openapi.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add);
        assertThat(schemas).contains("Booking", "AppointmentResponse", "Availability")
                .doesNotContain("AppointmentBooked", "AppointmentCheckedIn");
        assertThat(openapi.path("paths").path("/api/v1/appointments").path("post").path("requestBody").toString())
                .contains("#/components/schemas/Booking");
    }
}
