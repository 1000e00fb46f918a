package org.hms.identity.patient;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * The one call identity makes to the patients service. Package-private: only
 * {@link PatientDirectory}, which guards it, may use it. 404 (no such patient) and 410 (erased)
 * fail with {@link NoSuchPatientException}, which the directory turns into an answer; 301
 * (merged; redirects are not followed) arrives as a response; anything else from 400 up fails
 * with {@link PatientsUnavailableException}.
 */
@RegisterRestClient(configKey = "patients")
@Path("/api/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
interface PatientsApi {

    @GET
    @Path("{id}")
    Uni<Response> read(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** Not-found and gone are answers about the patient; anything else is the patients service failing. */
    @ClientExceptionMapper
    static RuntimeException failure(Response response) {
        int status = response.getStatus();
        return status == 404 || status == 410
                ? new NoSuchPatientException(status)
                : new PatientsUnavailableException("patients answered " + status);
    }
}
