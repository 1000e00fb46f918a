package org.hms.patients.patient;

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
 * The patients API and the patient events are separate contracts: the resources and the API
 * records use no type of src/contracts, and the OpenAPI document describes the API's records,
 * so a change of the API leaves the event schemas (checked in PatientEventsTest and
 * PatientMapperTest) alone.
 */
@QuarkusTest
class ApiContractTest {

    @Test
    void resourcesAndApiRecordsUseNoEventTypes() {
        ApiSurface.assertNoContractTypes("org.hms.patients");
    }

    @Test
    void theOpenApiDocumentDescribesTheApisOwnBodiesNotTheEventPayload() throws Exception {
        JsonNode openapi = new ObjectMapper().readTree(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());

        List<String> schemas = new ArrayList<>();
        openapi.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add);
        assertThat(schemas).contains("PatientDemographics", "PatientResponse")
                .doesNotContain("PatientDetails", "PatientRegistered", "PatientUpdated");
        assertThat(openapi.path("paths").path("/api/v1/patients").path("post").path("requestBody").toString())
                .contains("#/components/schemas/PatientDemographics");
        assertThat(openapi.path("paths").path("/api/v1/patients/{id}").path("put").path("requestBody").toString())
                .contains("#/components/schemas/PatientDemographics");
    }
}
