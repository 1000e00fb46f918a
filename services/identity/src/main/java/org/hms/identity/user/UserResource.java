package org.hms.identity.user;

import static org.hms.platform.security.Roles.ADMIN;
import static org.hms.platform.security.Roles.BILLING_CLERK;
import static org.hms.platform.security.Roles.LAB_TECHNICIAN;
import static org.hms.platform.security.Roles.NURSE;
import static org.hms.platform.security.Roles.PATIENT;
import static org.hms.platform.security.Roles.PHARMACIST;
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
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hms.identity.audit.Caller;
import org.hms.identity.user.UserRequests.NewUser;
import org.hms.identity.user.UserRequests.PasswordReset;
import org.hms.identity.user.UserRequests.RoleChange;
import org.hms.platform.audit.Audited;
import org.hms.platform.problem.ProblemException;
import org.hms.platform.web.Page;
import org.hms.platform.web.Versions;

/** Account administration over HTTP (role admin), and every account's view of itself. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Accounts and their roles (administration)")
public class UserResource {

    private static final String IF_MATCH = "The ETag of the version this change is based on, e.g. \"3\"";

    private final UserService users;
    private final SecurityIdentity identity;
    private final UriInfo uri;

    public UserResource(UserService users, SecurityIdentity identity, UriInfo uri) {
        this.users = users;
        this.identity = identity;
        this.uri = uri;
    }

    @POST
    @RolesAllowed(ADMIN)
    @Audited(action = UserService.CREATE, resource = Caller.USER, patientData = false)
    @Operation(operationId = "createUser", summary = "Create an account", description = "Roles from the platform's set; role patient needs"
            + " patientId and is never combined with staff roles. The password must meet the policy (at least"
            + " 12 characters, not common, not the username); unless mustChangePassword is false its owner"
            + " changes it at the first sign-in. 409 when the username is taken. Send Idempotency-Key to make"
            + " retries safe.")
    @APIResponse(responseCode = "201", description = "Created: Location is the account, ETag its version",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "409", description = "username-taken; or the Idempotency-Key is in use")
    public Uni<Response> create(@Valid @NotNull NewUser user) {
        return users.create(user, caller())
                .map(u -> Response.created(location(u.id())).header(HttpHeaders.ETAG, Versions.etag(u.version()))
                        .entity(u).build());
    }

    @GET
    @RolesAllowed(ADMIN)
    @Audited(action = UserService.LIST, resource = Caller.USER, patientData = false)
    @Operation(operationId = "listUsers", summary = "List accounts", description = "By username; filters combine with AND. Paged; total"
            + " counts all matches.")
    public Uni<Page<UserResponse>> list(
            @QueryParam("username") @Size(max = 64) @Parameter(description = "prefix, any case; empty means no filter")
                    String username,
            @QueryParam("role") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {
                    ADMIN, BILLING_CLERK, LAB_TECHNICIAN, NURSE, PATIENT, PHARMACIST, PHYSICIAN, RECEPTIONIST}))
                    String role,
            @QueryParam("enabled") @Pattern(regexp = "true|false", message = "must be true or false")
                    @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"true", "false"}))
                    String enabled,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        if (role != null && !AccountRules.isRole(role)) {
            throw ProblemException.badRequest("role", "is not a role");
        }
        return users.search(new UserSearch(blankToNull(username), role,
                enabled == null ? null : Boolean.valueOf(enabled), page, size));
    }

    @GET
    @Path("me")
    @RolesAllowed({ADMIN, PHYSICIAN, NURSE, RECEPTIONIST, PHARMACIST, LAB_TECHNICIAN, BILLING_CLERK, PATIENT})
    @Operation(operationId = "getOwnAccount", summary = "Your own account",
            description = "The account the bearer token was issued to.")
    @APIResponse(responseCode = "200", description = "Your account; ETag is its version",
            headers = @Header(name = "ETag", ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "404", description = "The token was not issued by identity for an account")
    public Uni<Response> me() {
        UUID id = ownId();
        return users.read(id).map(this::withEtag);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(ADMIN)
    @Audited(action = UserService.READ, resource = Caller.USER, patientData = false)
    @Operation(operationId = "getUser", summary = "Read an account", description = "ETag = version, for the changes"
            + " below.")
    @APIResponse(responseCode = "200", description = "The account; ETag is its version",
            headers = @Header(name = "ETag", ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "404", description = "No account with this id")
    public Uni<Response> read(@PathParam("id") UUID id) {
        return users.read(id).map(this::withEtag);
    }

    @POST
    @Path("{id}/disable")
    @Consumes(MediaType.WILDCARD) // no body: whatever content type a client sends
    @RolesAllowed(ADMIN)
    @Audited(action = UserService.DISABLE, resource = Caller.USER, patientData = false)
    @Operation(operationId = "disableUser", summary = "Disable an account", description = "It can no longer sign in or refresh, and its"
            + " sessions end (access tokens already issued expire within minutes). Not your own account."
            + " If-Match required (428), stale → 412.")
    @APIResponse(responseCode = "200", description = "The account as it now is; ETag is its new version",
            headers = @Header(name = "ETag", ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "404", description = "No account with this id")
    @APIResponse(responseCode = "409", description = "own-account: not on your own account (or the Idempotency-Key is in use)")
    @APIResponse(responseCode = "412", description = "stale-version: If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match is missing")
    public Uni<Response> disable(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH, required = true) String ifMatch) {
        long expected = Versions.fromIfMatch(ifMatch);
        return users.disable(id, expected, caller()).map(this::withEtag);
    }

    @POST
    @Path("{id}/enable")
    @Consumes(MediaType.WILDCARD) // no body: whatever content type a client sends
    @RolesAllowed(ADMIN)
    @Audited(action = UserService.ENABLE, resource = Caller.USER, patientData = false)
    @Operation(operationId = "enableUser", summary = "Enable an account again", description = "If-Match required (428), stale → 412.")
    @APIResponse(responseCode = "200", description = "The account as it now is; ETag is its new version",
            headers = @Header(name = "ETag", ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "404", description = "No account with this id")
    @APIResponse(responseCode = "409", description = "own-account: not on your own account (or the Idempotency-Key is in use)")
    @APIResponse(responseCode = "412", description = "stale-version: If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match is missing")
    public Uni<Response> enable(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH, required = true) String ifMatch) {
        long expected = Versions.fromIfMatch(ifMatch);
        return users.enable(id, expected, caller()).map(this::withEtag);
    }

    @POST
    @Path("{id}/password")
    @RolesAllowed(ADMIN)
    @Audited(action = UserService.PASSWORD_RESET, resource = Caller.USER, patientData = false)
    @Operation(operationId = "resetPassword", summary = "Reset an account's password", description = "Sets newPassword (policy applies); unless"
            + " mustChangePassword is false its owner must change it at the next sign-in. Ends the account's"
            + " sessions. If-Match required (428), stale → 412.")
    @APIResponse(responseCode = "200", description = "The account as it now is; ETag is its new version",
            headers = @Header(name = "ETag", ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "404", description = "No account with this id")
    @APIResponse(responseCode = "409", description = "own-account: not on your own account (or the Idempotency-Key is in use)")
    @APIResponse(responseCode = "412", description = "stale-version: If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match is missing")
    public Uni<Response> resetPassword(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH, required = true) String ifMatch,
            @Valid @NotNull PasswordReset reset) {
        long expected = Versions.fromIfMatch(ifMatch);
        return users.resetPassword(id, expected, reset, caller()).map(this::withEtag);
    }

    @PUT
    @Path("{id}/roles")
    @RolesAllowed(ADMIN)
    @Audited(action = UserService.ROLES_CHANGE, resource = Caller.USER, patientData = false)
    @Operation(operationId = "changeRoles", summary = "Replace an account's roles", description = "Tokens carry the new roles from the next"
            + " sign-in or refresh (within minutes). An admin cannot take the admin role from themselves."
            + " If-Match required (428), stale → 412.")
    @APIResponse(responseCode = "200", description = "The account as it now is; ETag is its new version",
            headers = @Header(name = "ETag", ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "404", description = "No account with this id")
    @APIResponse(responseCode = "409", description = "own-account: not on your own account")
    @APIResponse(responseCode = "412", description = "stale-version: If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match is missing")
    public Uni<Response> changeRoles(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH, required = true) String ifMatch,
            @Valid @NotNull RoleChange change) {
        long expected = Versions.fromIfMatch(ifMatch);
        return users.changeRoles(id, expected, change.roles(), caller()).map(this::withEtag);
    }

    private Response withEtag(UserResponse user) {
        return Response.ok(user).header(HttpHeaders.ETAG, Versions.etag(user.version())).build();
    }

    private Caller caller() {
        return Caller.of(identity);
    }

    /** The account id of the bearer token (its subject); tokens not issued by identity have none. */
    private UUID ownId() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            try {
                return UUID.fromString(jwt.getSubject());
            } catch (IllegalArgumentException e) {
                // not an account id: a token minted outside identity (./hms token)
            }
        }
        throw ProblemException.notFound("account of token subject", identity.getPrincipal().getName());
    }

    private URI location(UUID id) {
        return uri.getBaseUriBuilder().path("api/v1/users").path(id.toString()).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
