package org.hms.systemtests.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.client.ApiClient;
import org.hms.client.ApiException;
import org.hms.client.ApiResponse;
import org.hms.client.api.PatientsApi;
import org.hms.client.model.Gender;
import org.hms.client.model.HumanName;
import org.hms.client.model.Identifier;
import org.hms.client.model.PagePatientResponse;
import org.hms.client.model.PatientDemographics;
import org.hms.client.model.PatientResponse;
import org.hms.client.model.Problem;
import org.hms.platform.security.Roles;
import org.hms.platform.testing.TestTokens;
import org.hms.systemtests.running.RunningSystem;
import org.hms.systemtests.running.SystemUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Java client OpenAPI Generator makes from the committed merged document (java/native, at
 * build time) works against the gateway, typed end to end, as a mobile or web team would use it:
 * register, read, update with the ETag, search, and a likely duplicate refused with a 409 whose
 * body is the {@code Problem} model.
 */
@ExtendWith(RunningSystem.class)
class GeneratedClientTest {

    @Test
    void aClientGeneratedFromTheMergedDocumentRegistersReadsUpdatesSearchesAndReadsTheProblem(
            SystemUnderTest system) throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(system.gatewayUrl());
        String token = TestTokens.of(Roles.RECEPTIONIST);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        PatientsApi patients = new PatientsApi(client);
        String family = "Client" + UUID.randomUUID().toString().substring(0, 8);
        String nationalId = "CL-" + UUID.randomUUID();
        PatientDemographics details = new PatientDemographics()
                .name(new HumanName().family(family).given(List.of("Ada")))
                .birthDate(LocalDate.of(1984, 3, 7))
                .gender(Gender.FEMALE)
                .identifiers(List.of(new Identifier().system("national-id").value(nationalId)));

        ApiResponse<PatientResponse> registered = patients.registerPatientWithHttpInfo(details, null, null);
        assertThat(registered.getStatusCode()).isEqualTo(201);
        UUID id = registered.getData().getId();
        assertThat(registered.getData().getMrn()).isNotBlank();
        assertThat(registered.getHeaders().get("Location")).singleElement().asString().endsWith("/api/v1/patients/" + id);

        ApiResponse<PatientResponse> read = patients.getPatientWithHttpInfo(id);
        assertThat(read.getData().getName().getFamily()).isEqualTo(family);
        assertThat(read.getData().getGender()).isEqualTo(Gender.FEMALE);
        String etag = read.getHeaders().get("ETag").get(0);

        PatientResponse updated = patients.updatePatient(id, etag, details.phone("+48 600 100 200"));
        assertThat(updated.getPhone()).isEqualTo("+48 600 100 200");
        assertThat(updated.getVersion()).isEqualTo(registered.getData().getVersion() + 1);

        PagePatientResponse found = patients.searchPatients(null, null, family, null, null, null);
        assertThat(found.getTotal()).isEqualTo(1L);
        assertThat(found.getItems()).extracting(PatientResponse::getId).containsExactly(id);

        ApiException duplicate = catchThrowableOfType(ApiException.class,
                () -> patients.registerPatient(details, false, null));
        assertThat(duplicate.getCode()).isEqualTo(409);
        Problem problem = client.getObjectMapper().readValue(duplicate.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getType()).hasToString("https://hms.example.org/problems/possible-duplicate");
        assertThat((List<?>) problem.getAdditionalProperty("duplicates"))
                .anySatisfy(candidate -> assertThat(((Map<?, ?>) candidate).get("id")).isEqualTo(id.toString()));
    }
}
