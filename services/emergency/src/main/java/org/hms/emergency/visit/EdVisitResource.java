package org.hms.emergency.visit;

import static org.hms.platform.security.Roles.ADMIN;
import static org.hms.platform.security.Roles.NURSE;
import static org.hms.platform.security.Roles.PHYSICIAN;
import static org.hms.platform.security.Roles.RECEPTIONIST;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hms.emergency.triage.EmergencySeverityIndex;
import org.hms.emergency.visit.EdVisitRequests.Arrival;
import org.hms.emergency.visit.EdVisitRequests.Departure;
import org.hms.emergency.visit.EdVisitRequests.Identification;
import org.hms.emergency.visit.EdVisitRequests.Triage;
import org.hms.platform.audit.Audited;
import org.hms.platform.problem.ProblemException;

/** ED visits over HTTP: arrival, triage, seen, departure and identification. */
@Path("/api/v1/ed-visits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "ED visits", description = "Emergency department arrivals, ESI triage and departures")
public class EdVisitResource {

    private static final String VISIT_RESOURCE = EdVisitService.VISIT;

    private final EdVisitService visits;
    private final SecurityIdentity identity;
    private final UriInfo uri;

    public EdVisitResource(EdVisitService visits, SecurityIdentity identity, UriInfo uri) {
        this.visits = visits;
        this.identity = identity;
        this.uri = uri;
    }

    @POST
    @RolesAllowed({NURSE, PHYSICIAN, RECEPTIONIST, ADMIN})
    @Audited(action = "create", resource = VISIT_RESOURCE, patientData = false)
    @Operation(operationId = "registerEdArrival", summary = "Register an arrival in the emergency department",
            description = "Either patientId (a registered patient) or unidentified (sex and estimated age: the"
                    + " patient gets a temporary identity such as UNKNOWN-7F3K2Q, reconciled later with"
                    + " /identify). Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Arrived: Location is the new visit",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EdVisitResponse.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key is in use")
    public Uni<Response> arrive(@Valid @NotNull Arrival arrival) {
        requireOneIdentity(arrival);
        var unidentified = arrival.unidentified();
        return visits.arrive(arrival.patientId(), unidentified == null ? null : unidentified.sex(),
                        unidentified == null ? null : unidentified.estimatedAgeYears(), arrival.chiefComplaint().strip())
                .map(v -> Response.created(location(v.id())).entity(v).build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({NURSE, PHYSICIAN, ADMIN})
    // the patient read comes from the body; a failed read names no patient (the path holds a visit id)
    @Audited(action = "read", resource = VISIT_RESOURCE, idParam = "no-patient-in-path")
    @Operation(operationId = "getEdVisit", summary = "Read an ED visit, with its triage history")
    @APIResponse(responseCode = "200", description = "The visit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EdVisitResponse.class)))
    @APIResponse(responseCode = "404", description = "No ED visit with this id")
    public Uni<EdVisitResponse> read(@PathParam("id") UUID id) {
        return visits.read(id);
    }

    @POST
    @Path("{id}/triage")
    @RolesAllowed({NURSE, PHYSICIAN})
    @Audited(action = "triage", resource = VISIT_RESOURCE, patientData = false)
    @Operation(operationId = "triageEdVisit", summary = "Triage with the Emergency Severity Index (v4)",
            description = "Computes the ESI level from the decision points (A life-saving intervention, B high"
                    + " risk / confusion / severe pain, C resources, D danger-zone vitals by age); any vital may be"
                    + " absent. override sets the final level with a reason; the computed level is kept. ESI 1-2"
                    + " raises an alert.")
    @APIResponse(responseCode = "200", description = "The visit with its ESI level",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EdVisitResponse.class)))
    @APIResponse(responseCode = "404", description = "No ED visit with this id")
    @APIResponse(responseCode = "409", description = "visit-state: the patient departed (status says so)")
    public Uni<EdVisitResponse> triage(@PathParam("id") UUID id, @Valid @NotNull Triage triage) {
        var assessment = new EmergencySeverityIndex.Assessment(triage.lifeSavingIntervention(), triage.highRisk(),
                triage.confusedLethargicOrDisoriented(), triage.severePainOrDistress(), triage.expectedResources(),
                triage.ageMonths(), triage.heartRate(), triage.respiratoryRate(), triage.spo2());
        var override = triage.override();
        return visits.triage(id, assessment, override == null ? null : override.level(),
                override == null ? null : override.reason().strip(), identity.getPrincipal().getName());
    }

    @POST
    @Path("{id}/seen")
    @Consumes(MediaType.WILDCARD) // no body: any Content-Type, or none
    @RolesAllowed({NURSE, PHYSICIAN})
    @Audited(action = "seen", resource = VISIT_RESOURCE, patientData = false)
    @Operation(operationId = "markEdVisitSeen", summary = "Record that a clinician saw the patient",
            description = "Stops the time-to-clinician clock on the board.")
    @APIResponse(responseCode = "200", description = "The visit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EdVisitResponse.class)))
    @APIResponse(responseCode = "404", description = "No ED visit with this id")
    @APIResponse(responseCode = "409", description = "visit-state: seen already, or departed (status says which)")
    public Uni<EdVisitResponse> seen(@PathParam("id") UUID id) {
        return visits.seen(id);
    }

    @POST
    @Path("{id}/depart")
    @RolesAllowed({NURSE, PHYSICIAN})
    @Audited(action = "depart", resource = VISIT_RESOURCE, patientData = false)
    @Operation(operationId = "departEdVisit", summary = "Record that the patient left the department",
            description = "disposition: admitted, discharged, transferred or left (without being seen / against"
                    + " advice). The patient leaves the board.")
    @APIResponse(responseCode = "200", description = "The visit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EdVisitResponse.class)))
    @APIResponse(responseCode = "404", description = "No ED visit with this id")
    @APIResponse(responseCode = "409", description = "visit-state: the patient departed already")
    public Uni<EdVisitResponse> depart(@PathParam("id") UUID id, @Valid @NotNull Departure departure) {
        return visits.depart(id, departure.disposition());
    }

    @POST
    @Path("{id}/identify")
    @RolesAllowed({NURSE, PHYSICIAN, RECEPTIONIST, ADMIN})
    @Audited(action = "identify", resource = VISIT_RESOURCE, patientData = false)
    @Operation(operationId = "identifyEdPatient", summary = "Reconcile an unidentified patient to a registered one",
            description = "The visit, its triage history and its alerts follow the patient. The patient must be"
                    + " registered (known to this service's patient view).")
    @APIResponse(responseCode = "200", description = "The visit, now the patient's",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EdVisitResponse.class)))
    @APIResponse(responseCode = "404", description = "No ED visit with this id")
    @APIResponse(responseCode = "409", description = "visit-state: the visit's patient is identified already")
    public Uni<EdVisitResponse> identify(@PathParam("id") UUID id, @Valid @NotNull Identification identification) {
        return visits.identify(id, identification.patientId());
    }

    /** A registered patient or an unidentified one: exactly one of the two. */
    private static void requireOneIdentity(Arrival arrival) {
        if (arrival.patientId() == null && arrival.unidentified() == null) {
            throw ProblemException.badRequest("patientId", "is required unless unidentified describes the patient");
        }
        if (arrival.patientId() != null && arrival.unidentified() != null) {
            throw ProblemException.badRequest("unidentified", "must be null when patientId is given");
        }
    }

    private URI location(UUID id) {
        return uri.getBaseUriBuilder().path("api/v1/ed-visits").path(id.toString()).build();
    }
}
