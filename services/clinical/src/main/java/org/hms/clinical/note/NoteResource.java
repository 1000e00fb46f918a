package org.hms.clinical.note;

import static org.hms.platform.security.Roles.NURSE;
import static org.hms.platform.security.Roles.PHYSICIAN;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hms.clinical.note.NoteDtos.NewNote;
import org.hms.clinical.note.NoteDtos.NoteResponse;
import org.hms.clinical.note.NoteDtos.Soap;
import org.hms.platform.audit.Audited;
import org.hms.platform.web.Versions;

/**
 * Clinical notes over HTTP: drafts, signing, amendments. A note's path parameter is
 * {@code noteId}, not {@code id}: the audit filter reads {@code id} as the patient's.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notes", description = "Clinical notes in SOAP sections; signed notes are final, corrected by amendments")
public class NoteResource {

    private final NoteService notes;
    private final SecurityIdentity identity;
    private final UriInfo uri;

    public NoteResource(NoteService notes, SecurityIdentity identity, UriInfo uri) {
        this.notes = notes;
        this.identity = identity;
        this.uri = uri;
    }

    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({PHYSICIAN, NURSE})
    @Audited(action = "write-note")
    @Operation(operationId = "writeNote", summary = "Write a draft note", description = "Progress notes are"
            + " physicians'; nurses write nursing notes (403 otherwise). Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "The draft; Location is the note, ETag its version",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NoteResponse.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key is in use by a request still running")
    @APIResponse(responseCode = "410", description = "patient-erased")
    public Uni<Response> write(@Valid @NotNull NewNote request) {
        return notes.write(request, identity).map(n -> Response.created(location(n.id()))
                .header(HttpHeaders.ETAG, Versions.etag(n.version()))
                .entity(n)
                .build());
    }

    @GET
    @Path("notes/{noteId}")
    @RolesAllowed({PHYSICIAN, NURSE})
    @Audited(action = "read")
    @Operation(operationId = "getNote", summary = "Read a note with its amendments")
    @APIResponse(responseCode = "200", description = "The note; ETag is its version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NoteResponse.class)))
    @APIResponse(responseCode = "404", description = "No note with this id")
    public Uni<Response> read(@PathParam("noteId") UUID id) {
        return notes.read(id).map(n -> Response.ok(n).header(HttpHeaders.ETAG, Versions.etag(n.version())).build());
    }

    @PUT
    @Path("notes/{noteId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({PHYSICIAN, NURSE})
    @Audited(action = "edit-note")
    @Operation(operationId = "editNote", summary = "Rewrite a draft note", description = "If-Match must carry the"
            + " draft's ETag. A signed note refuses edits (409): amend it instead.")
    @APIResponse(responseCode = "200", description = "The draft as it is now; ETag is its new version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NoteResponse.class)))
    @APIResponse(responseCode = "404", description = "No note with this id")
    @APIResponse(responseCode = "409", description = "note-signed: signed notes do not change")
    @APIResponse(responseCode = "412", description = "stale-version: If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match is missing")
    public Uni<Response> edit(
            @PathParam("noteId") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The draft's ETag, e.g. \"0\"", required = true)
                    String ifMatch,
            @Valid @NotNull Soap soap) {
        long expected = Versions.fromIfMatch(ifMatch);
        return notes.edit(id, expected, soap, identity)
                .map(n -> Response.ok(n).header(HttpHeaders.ETAG, Versions.etag(n.version())).build());
    }

    @POST
    @Path("notes/{noteId}/sign")
    @RolesAllowed({PHYSICIAN, NURSE})
    @Audited(action = "sign-note")
    @Operation(operationId = "signNote", summary = "Sign a draft note: it is final from now on")
    @APIResponse(responseCode = "200", description = "The signed note",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NoteResponse.class)))
    @APIResponse(responseCode = "404", description = "No note with this id")
    @APIResponse(responseCode = "409", description = "note-signed: signed already")
    public Uni<NoteResponse> sign(@PathParam("noteId") UUID id) {
        return notes.sign(id, identity);
    }

    @POST
    @Path("notes/{noteId}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({PHYSICIAN, NURSE})
    @Audited(action = "amend-note")
    @Operation(operationId = "amendNote", summary = "Correct a signed note", description = "A new note, signed at"
            + " once, naming the original; the original stays as it was. Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "The amendment; Location is the amendment",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NoteResponse.class)))
    @APIResponse(responseCode = "404", description = "No note with this id")
    @APIResponse(responseCode = "409", description = "note-draft: edit a draft instead; or the Idempotency-Key is in"
            + " use")
    public Uni<Response> amend(@PathParam("noteId") UUID id, @Valid @NotNull Soap soap) {
        return notes.amend(id, soap, identity).map(n -> Response.created(location(n.id())).entity(n).build());
    }

    @GET
    @Path("patients/{id}/notes")
    @RolesAllowed({PHYSICIAN, NURSE})
    @Audited(action = "read")
    @Operation(operationId = "listPatientNotes", summary = "A patient's notes and amendments, newest first")
    @APIResponse(responseCode = "200", description = "Every note",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = NoteResponse.class)))
    public Uni<List<NoteResponse>> ofPatient(@PathParam("id") UUID id) {
        return notes.ofPatient(id);
    }

    private java.net.URI location(UUID id) {
        return uri.getBaseUriBuilder().path("api/v1/notes").path(id.toString()).build();
    }
}
