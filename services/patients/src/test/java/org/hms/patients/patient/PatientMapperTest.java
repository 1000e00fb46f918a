package org.hms.patients.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.hms.contracts.EventSchemas;
import org.hms.contracts.patients.PatientDetails;
import org.hms.contracts.patients.PatientRegistered;
import org.junit.jupiter.api.Test;

/** {@link PatientMapper}: from what the desk sends to what the events carry, and back to what clients read. */
class PatientMapperTest {

    /** The registration example of the committed PatientRegistered schema. */
    static final JsonNode EXAMPLE = EventSchemas.examples(PatientRegistered.CONTRACT).get(0);

    @Test
    void aFormFilledLikeTheSchemaExampleBecomesExactlyTheExamplesEventPayload() throws Exception {
        PatientDemographics form =
                EventSchemas.JSON.treeToValue(EXAMPLE.get("patient"), PatientDemographics.class);

        PatientDetails details = PatientMapper.toDetails(form);
        JsonNode event = EventSchemas.JSON.valueToTree(new PatientRegistered(
                UUID.fromString(EXAMPLE.get("patientId").asText()), EXAMPLE.get("mrn").asText(), 0, details));

        assertThat(EventSchemas.violations(PatientRegistered.CONTRACT, event)).isEmpty();
        assertThat(EventSchemas.JSON.readTree(event.toString())).isEqualTo(EXAMPLE); // same numbers' node types
    }

    @Test
    void aFieldTheApiDoesNotKnowNeverReachesTheEvent() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode body = EXAMPLE.get("patient").deepCopy();
        body.put("nickname", "Zosia");

        PatientDetails details = PatientMapper.toDetails(
                EventSchemas.JSON.treeToValue(body, PatientDemographics.class));

        assertThat(EventSchemas.JSON.valueToTree(details).toString()).doesNotContain("nickname", "Zosia");
    }

    @Test
    void theResponseCarriesEveryRegisteredFieldUnderTheSameJsonNames() throws Exception {
        PatientDetails details = EventSchemas.JSON.treeToValue(EXAMPLE.get("patient"), PatientDetails.class);
        Patient patient = Patient.register(UUID.randomUUID(), "P1000007", details);

        JsonNode response = EventSchemas.JSON.valueToTree(PatientMapper.toResponse(patient));

        EXAMPLE.get("patient").fieldNames().forEachRemaining(field ->
                assertThat(response.get(field)).as(field).isEqualTo(EXAMPLE.get("patient").get(field)));
        assertThat(response.get("mrn").asText()).isEqualTo("P1000007");
    }
}
