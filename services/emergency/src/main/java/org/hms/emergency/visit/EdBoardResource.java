package org.hms.emergency.visit;

import static org.hms.platform.security.Roles.ADMIN;
import static org.hms.platform.security.Roles.NURSE;
import static org.hms.platform.security.Roles.PHYSICIAN;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hms.platform.audit.Audited;

/** The emergency department board. */
@Path("/api/v1/ed-board")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ED board", description = "Who is in the emergency department, by acuity")
public class EdBoardResource {

    private final EdVisitService visits;

    public EdBoardResource(EdVisitService visits) {
        this.visits = visits;
    }

    @GET
    @RolesAllowed({NURSE, PHYSICIAN, ADMIN})
    @Audited(action = "read", resource = "EdBoard")
    @Operation(operationId = "getEdBoard", summary = "The ED board", description = "Everyone in the department:"
            + " untriaged first (not yet assessed, so possibly the sickest), then ESI 1 to 5, then longest waiting"
            + " first; with waiting time, time to triage and time to clinician. Live changes arrive as"
            + " board-changed events on GET /api/v1/alerts/stream.")
    public Uni<EdBoard> board() {
        return visits.board();
    }
}
