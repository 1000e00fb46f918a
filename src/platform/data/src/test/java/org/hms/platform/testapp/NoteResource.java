package org.hms.platform.testapp;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.hms.platform.audit.Audited;
import org.hms.platform.security.Roles;
import org.hms.platform.testapp.NoteDtos.NoteRequest;
import org.hms.platform.testapp.NoteDtos.NoteUpdate;
import org.hms.platform.testapp.NoteDtos.NoteView;
import org.hms.platform.web.Versions;
import org.jboss.resteasy.reactive.RestResponse;

/** The test application's HTTP face: just enough to put every platform mechanism to work. */
@Path("/test/notes")
public class NoteResource {

    private final NoteService notes;

    public NoteResource(NoteService notes) {
        this.notes = notes;
    }

    @POST
    @RolesAllowed(Roles.RECEPTIONIST)
    @Audited(action = "create", resource = "TestNote")
    public Uni<RestResponse<NoteView>> write(@Valid @NotNull NoteRequest request, UriInfo uri) {
        return notes.write(request).map(note -> RestResponse.ResponseBuilder.<NoteView>created(
                        uri.getAbsolutePathBuilder().path(note.id().toString()).build())
                .entity(note)
                .header(HttpHeaders.ETAG, Versions.etag(note.version()))
                .build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    @Audited(action = "read", resource = "TestNote")
    public Uni<RestResponse<NoteView>> read(UUID id) {
        return notes.find(id).map(NoteResource::withEtag);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.RECEPTIONIST)
    public Uni<RestResponse<NoteView>> rewrite(
            UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull NoteUpdate update) {
        long expected = Versions.fromIfMatch(ifMatch);
        return notes.rewrite(id, expected, update).map(NoteResource::withEtag);
    }

    /** Fails the way a bug would: the answer must be a 500 problem that gives nothing away. */
    @GET
    @Path("unexpected-failure")
    @RolesAllowed(Roles.PHYSICIAN)
    public Uni<NoteView> fail() {
        return Uni.createFrom()
                .failure(new IllegalStateException("connection to db-internal-7:5432 refused (secret detail)"));
    }

    private static RestResponse<NoteView> withEtag(NoteView note) {
        return RestResponse.ResponseBuilder.ok(note)
                .header(HttpHeaders.ETAG, Versions.etag(note.version()))
                .build();
    }
}
