package org.hms.clinical;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.hms.platform.testing.ApiSurface;
import org.junit.jupiter.api.Test;

/**
 * The clinical API and the clinical events are separate contracts: resources and API records
 * use no type of src/contracts, and the OpenAPI document describes the API's own records.
 */
@QuarkusTest
class ApiContractTest {

    @Test
    void resourcesAndApiRecordsUseNoEventTypes() {
        ApiSurface.assertNoContractTypes("org.hms.clinical");
    }

    @Test
    void theOpenApiDocumentDescribesTheApisOwnBodiesNotTheEventPayloads() throws Exception {
        JsonNode openapi = new ObjectMapper().readTree(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());

        List<String> schemas = new ArrayList<>();
        openapi.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add);
        assertThat(schemas).contains("VitalsRequest", "VitalsResponse", "ChartResponse", "EncounterResponse")
                .doesNotContain("VitalsRecorded", "VitalsAlertRaised", "EncounterOpened");
        assertThat(openapi.path("paths").path("/api/v1/vitals").path("post").path("requestBody").toString())
                .contains("#/components/schemas/VitalsRequest");
    }
}
