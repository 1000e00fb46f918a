package org.hms.patients.patient;

import static org.hms.platform.security.Roles.ADMIN;
import static org.hms.platform.security.Roles.NURSE;
import static org.hms.platform.security.Roles.PATIENT;
import static org.hms.platform.security.Roles.PHYSICIAN;
import static org.hms.platform.security.Roles.RECEPTIONIST;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hms.patients.patient.PatientRequests.ErasedPatient;
import org.hms.patients.patient.PatientRequests.ErasureRequest;
import org.hms.patients.patient.PatientRequests.MergeRequest;
import org.hms.patients.patient.PatientRequests.MergedPointer;
import org.hms.patients.patient.PatientRequests.PatientExport;
import org.hms.platform.audit.Audited;
import org.hms.platform.problem.ProblemException;
import org.hms.platform.security.PatientAccess;
import org.hms.platform.web.Page;
import org.hms.platform.web.Versions;

/** The registration desk and master patient index over HTTP. */
@Path("/api/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Patients", description = "Registration and the master patient index")
public class PatientResource {

    private final PatientService patients;
    private final PatientAccess access;
    private final SecurityIdentity identity;
    private final UriInfo uri;

    public PatientResource(PatientService patients, PatientAccess access, SecurityIdentity identity, UriInfo uri) {
        this.patients = patients;
        this.access = access;
        this.identity = identity;
        this.uri = uri;
    }

    @POST
    @RolesAllowed({RECEPTIONIST, ADMIN})
    @Audited(action = "create")
    @Operation(operationId = "registerPatient", summary = "Register a patient", description = "Assigns an MRN. A likely duplicate (same identifier,"
            + " or same birth date and a similar name) answers 409 with the candidates unless confirmNotDuplicate=true."
            + " Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Registered: Location is the new record, ETag its version",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "409", description = "possible-duplicate: likely the same person as the records in"
            + " duplicates (id, mrn, name, birthDate, matchedOn); or the Idempotency-Key is in use")
    public Uni<Response> register(
            @Valid @NotNull PatientDemographics details,
            @QueryParam("confirmNotDuplicate") @DefaultValue("false") boolean confirmNotDuplicate) {
        return patients.register(PatientMapper.toDetails(details), confirmNotDuplicate)
                .map(p -> Response.created(location(p.id())).header(HttpHeaders.ETAG, Versions.etag(p.version())).entity(p).build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({PHYSICIAN, NURSE, RECEPTIONIST, ADMIN, PATIENT})
    @Audited(action = "read")
    @Operation(operationId = "getPatient", summary = "Read a patient", description = "A patient may read only"
            + " their own record. A merged record answers 301 pointing at the survivor; an erased one 410.")
    @APIResponse(responseCode = "200", description = "The patient; ETag is its version (send it as If-Match to"
            + " update)", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "301", description = "Merged into another record: Location is the survivor",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MergedPointer.class)))
    @APIResponse(responseCode = "404", description = "No patient with this id")
    @APIResponse(responseCode = "410", description = "patient-erased: the record's personal data was erased")
    public Uni<Response> read(@PathParam("id") UUID id) {
        access.requireSelfOrStaff(identity, id);
        return patients.read(id).map(this::answer);
    }

    @GET
    @RolesAllowed({PHYSICIAN, NURSE, RECEPTIONIST, ADMIN})
    @Audited(action = "search")
    @Operation(operationId = "searchPatients", summary = "Search patients", description = "Name: case- and accent-insensitive, prefix of any name"
            + " or a close misspelling. identifier: system|value or a bare value (also matches the MRN)."
            + " Phone: any formatting. Paged; total counts all matches.")
    public Uni<Page<PatientResponse>> search(
            @QueryParam("name") @Size(max = 100) @Parameter(description = "Empty means no filter") String name,
            @QueryParam("birthDate") @Parameter(description = "ISO date, e.g. 1984-03-07",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String birthDate,
            @QueryParam("identifier") @Size(max = 130) String identifier,
            @QueryParam("phone") @Pattern(regexp = PatientDemographics.PHONE, message = "must be a phone number")
                    String phone,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return patients.search(new PatientSearch(blankToNull(name), date("birthDate", birthDate),
                blankToNull(identifier), blankToNull(phone), page, size));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({RECEPTIONIST, ADMIN})
    @Audited(action = "update")
    @Operation(operationId = "updatePatient", summary = "Update a patient", description = "Replaces the"
            + " demographics. If-Match must carry the ETag of the version the change was based on: 428 without it,"
            + " 412 when stale.")
    @APIResponse(responseCode = "200", description = "Updated; ETag is the new version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "404", description = "No patient with this id")
    @APIResponse(responseCode = "409", description = "patient-merged: the record was merged into survivorId")
    @APIResponse(responseCode = "410", description = "patient-erased")
    @APIResponse(responseCode = "412", description = "stale-version: If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match is missing")
    public Uni<Response> update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag of the version this change"
                    + " is based on, e.g. \"3\"", required = true) String ifMatch,
            @Valid @NotNull PatientDemographics details) {
        long expected = Versions.fromIfMatch(ifMatch);
        return patients.update(id, expected, PatientMapper.toDetails(details))
                .map(p -> Response.ok(p).header(HttpHeaders.ETAG, Versions.etag(p.version())).build());
    }

    @POST
    @Path("{id}/merge")
    @RolesAllowed(ADMIN)
    @Audited(action = "merge")
    @Operation(operationId = "mergePatients", summary = "Merge a duplicate into a survivor", description = "The patient in the path is retired"
            + " into survivorId; its identifiers move over and its id answers 301 to the survivor from now on.")
    @APIResponse(responseCode = "200", description = "The survivor as it now is; ETag is its version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "404", description = "No patient with this id, or no such survivor")
    @APIResponse(responseCode = "409", description = "patient-merged: one of them was merged already; or the"
            + " Idempotency-Key is in use")
    @APIResponse(responseCode = "410", description = "patient-erased: one of them was erased")
    public Uni<Response> merge(@PathParam("id") UUID id, @Valid @NotNull MergeRequest request) {
        return patients.merge(id, request.survivorId())
                .map(survivor -> Response.ok(survivor).header(HttpHeaders.ETAG, Versions.etag(survivor.version())).build());
    }

    @POST
    @Path("{id}/erasure")
    @RolesAllowed(ADMIN)
    @Audited(action = "erase")
    @Operation(operationId = "erasePatient", summary = "Erase a patient's personal data", description = "GDPR art. 17: removes every personal"
            + " datum, keeps the id, MRN and the fact of erasure, and publishes PatientErased. Erasing twice"
            + " changes nothing.")
    @APIResponse(responseCode = "200", description = "Erased (now or before)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ErasedPatient.class)))
    @APIResponse(responseCode = "404", description = "No patient with this id")
    public Uni<ErasedPatient> erase(@PathParam("id") UUID id, @Valid @NotNull ErasureRequest request) {
        return patients.erase(id, identity.getPrincipal().getName(), request.reason());
    }

    @GET
    @Path("{id}/export")
    @RolesAllowed({ADMIN, PATIENT})
    @Audited(action = "export")
    @Operation(operationId = "exportPatient", summary = "Export everything held about a patient", description = "GDPR art. 15 / HIPAA right of"
            + " access; a patient may export only their own record.")
    @APIResponse(responseCode = "200", description = "Everything held about the patient",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientExport.class)))
    @APIResponse(responseCode = "404", description = "No patient with this id")
    @APIResponse(responseCode = "409", description = "patient-merged: export the survivor")
    @APIResponse(responseCode = "410", description = "patient-erased")
    public Uni<PatientExport> export(@PathParam("id") UUID id) {
        access.requireSelfOrStaff(identity, id);
        return patients.export(id);
    }

    private Response answer(PatientRead read) {
        return switch (read) {
            case PatientRead.Current current -> Response.ok(current.json())
                    .type(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.ETAG, Versions.etag(current.version()))
                    .build();
            case PatientRead.Merged merged -> Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(location(merged.survivorId()))
                    .entity(new MergedPointer(merged.id(), "merged", merged.survivorId()))
                    .build();
            case PatientRead.Erased erased -> throw PatientService.gone(erased.patient().id(), erased.patient().erasedAt());
        };
    }

    private URI location(UUID id) {
        return uri.getBaseUriBuilder().path("api/v1/patients").path(id.toString()).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO date such as 1984-03-07");
        }
    }
}
