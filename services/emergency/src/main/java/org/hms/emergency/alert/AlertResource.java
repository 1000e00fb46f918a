package org.hms.emergency.alert;

import static org.hms.platform.security.Roles.ADMIN;
import static org.hms.platform.security.Roles.NURSE;
import static org.hms.platform.security.Roles.PHYSICIAN;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hms.emergency.config.EmergencyConfig;
import org.hms.platform.audit.Audit;
import org.hms.platform.audit.AuditEntry;
import org.hms.platform.audit.Audited;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;
import org.hms.platform.web.Page;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The hospital's clinical alerts: the list, acknowledgement, and the live stream. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Clinical alerts (ESI 1-2 arrivals, NEWS2) and their live stream")
public class AlertResource {

    /** The roles that see every alert on the stream; any other role is refused (403). */
    static final Set<String> SEE_ALL = Set.of(PHYSICIAN, NURSE, ADMIN);

    private final AlertService alerts;
    private final AlertHub hub;
    private final Audit audit;
    private final EmergencyConfig config;
    private final SecurityIdentity identity;

    public AlertResource(AlertService alerts, AlertHub hub, Audit audit, EmergencyConfig config,
            SecurityIdentity identity) {
        this.alerts = alerts;
        this.hub = hub;
        this.audit = audit;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({PHYSICIAN, NURSE, ADMIN})
    @Audited(action = "search", resource = "Alert")
    @Operation(operationId = "listAlerts", summary = "List alerts", description = "Newest first; status=open for"
            + " those nobody has acknowledged yet. Paged; total counts all matches.")
    public Uni<Page<AlertResponse>> list(
            @QueryParam("status") @Pattern(regexp = "open|acknowledged", message = "must be open or acknowledged")
                    @Parameter(description = "open or acknowledged; empty means both") String status,
            @QueryParam("visitId") @Parameter(description = "Only the alerts of this ED visit") UUID visitId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        Alert.Status wanted = status == null || status.isBlank() ? null : Alert.Status.valueOf(status.toUpperCase());
        return alerts.list(wanted, visitId, page, size);
    }

    @POST
    @Path("{id}/acknowledge")
    @RolesAllowed({PHYSICIAN, NURSE})
    @Audited(action = "acknowledge", resource = "Alert", patientData = false)
    @Operation(operationId = "acknowledgeAlert", summary = "Acknowledge an alert", description = "The clinician"
            + " calling takes charge of the patient; a critical alert acknowledged in time never escalates.")
    @APIResponse(responseCode = "200", description = "Acknowledged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AlertResponse.class)))
    @APIResponse(responseCode = "404", description = "No alert with this id")
    @APIResponse(responseCode = "409", description = "alert-acknowledged: someone acknowledged it already"
            + " (status and acknowledgedBy say who)")
    public Uni<AlertResponse> acknowledge(@PathParam("id") UUID id) {
        return alerts.acknowledge(id, identity.getPrincipal().getName());
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({PHYSICIAN, NURSE, ADMIN})
    @Operation(operationId = "streamAlerts", summary = "Live alerts (Server-Sent Events)", description = "Each"
            + " alert raised, acknowledged or escalated, and each change of the ED board, as it happens, on every"
            + " replica: SSE events named alert-raised, alert-acknowledged, alert-escalated and board-changed,"
            + " whose data is an AlertNotice. A heartbeat event (and comment) at once and every 10 s keeps proxies from"
            + " closing an idle stream. A client that falls 256 events behind is cut off: reconnect and read"
            + " GET /api/v1/alerts?status=open.")
    @APIResponse(responseCode = "200", description = "An endless text/event-stream of AlertNotice events",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = AlertNotice.class)))
    @APIResponse(responseCode = "406", description = "not-acceptable: Accept does not allow text/event-stream")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Predicate<AlertNotice> visible = visibleTo(identity);
        Multi<OutboundSseEvent> notices = hub.notices().select().where(visible).map(n -> event(sse, n));
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(config.heartbeat())
                .onOverflow().drop()
                .map(tick -> heartbeat(sse));
        return audit.recordAlone(AuditEntry.of("subscribe", "AlertStream", null, 200))
                .onItem().transformToMulti(ignored -> Multi.createBy().merging().streams(notices, heartbeats));
    }

    /**
     * The stream asked for as JSON: authorised like the stream (401/403 first, as for any
     * endpoint), then refused 406, rather than refused 406 before the token is looked at.
     * Documented as the stream's 406.
     */
    @GET
    @Path("stream")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({PHYSICIAN, NURSE, ADMIN})
    @Operation(hidden = true)
    public Uni<AlertNotice> streamAsJson() {
        return Uni.createFrom().failure(new ProblemException(Problem.of("not-acceptable", "Not Acceptable", 406,
                "this operation streams text/event-stream; send Accept: text/event-stream (the list of alerts is"
                        + " GET /api/v1/alerts)")));
    }

    /** Physicians, nurses and admins see every alert (the role check refuses everyone else). */
    static Predicate<AlertNotice> visibleTo(SecurityIdentity identity) {
        return notice -> identity.getRoles().stream().anyMatch(SEE_ALL::contains);
    }

    private static OutboundSseEvent event(Sse sse, AlertNotice notice) {
        return sse.newEventBuilder()
                .id(notice.eventId().toString())
                .name(notice.type())
                .data(AlertNotice.class, notice)
                .build();
    }

    /** A named event (data: the time) with an SSE comment: keeps proxies' idle timers from firing. */
    private static OutboundSseEvent heartbeat(Sse sse) {
        return sse.newEventBuilder()
                .name("heartbeat")
                .comment("keep-alive")
                .data(Heartbeat.class, new Heartbeat(Instant.now()))
                .build();
    }

    /** The data of a heartbeat event. */
    public record Heartbeat(Instant at) {}
}
