package org.hms.identity.auth;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hms.identity.audit.Caller;
import org.hms.identity.auth.AuthRequests.Credentials;
import org.hms.identity.auth.AuthRequests.PasswordChange;
import org.hms.identity.auth.AuthRequests.RefreshRequest;
import org.hms.identity.web.Invalid;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;

/**
 * Sign-in over HTTP: the OAuth 2.0 token endpoint (password and refresh_token grants, JSON or
 * form-encoded), refresh, logout and password change. Open to anyone (they are how a caller
 * gets a token); the answers never tell whether a username exists.
 */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-in", description = "Tokens for accounts: sign-in, refresh, logout, password change")
public class AuthResource {

    private static final String POST = "POST";

    private final AuthService auth;
    private final UriInfo uri;

    public AuthResource(AuthService auth, UriInfo uri) {
        this.auth = auth;
        this.uri = uri;
    }

    @POST
    @Path("token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signIn", summary = "Sign in", description = "The password grant as JSON {username, password} (the same path"
            + " also takes the OAuth 2.0 form-encoded grant_type=password or refresh_token). Answers the OAuth 2.0"
            + " token response: a short-lived RS256 access token and a refresh token. A wrong password and an"
            + " unknown username get the same 401; repeated failures lock the username for a while (429 with"
            + " Retry-After); an account that must change its password gets 403 password-change-required.")
    @APIResponse(responseCode = "200", description = "OAuth 2.0 token response (Cache-Control: no-store)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: each field named; or an unsupported"
            + " grant_type (form)")
    @APIResponse(responseCode = "401", description = "Wrong username or password (the same for both)")
    @APIResponse(responseCode = "403", description = "account-disabled, or password-change-required")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins for this username; see Retry-After")
    public Uni<Response> token(@Valid @NotNull Credentials credentials) {
        return auth.signIn(credentials.username(), credentials.password(),
                        Caller.signingIn(credentials.username()))
                .map(AuthResource::noStore);
    }

    @POST
    @Path("token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "OAuth 2.0 token endpoint (form-encoded)", description = "grant_type=password with"
            + " username and password, or grant_type=refresh_token with refresh_token (RFC 6749 §4.3, §6).")
    @APIResponse(responseCode = "200", description = "OAuth 2.0 token response (Cache-Control: no-store)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong credentials, or an unusable refresh token")
    public Uni<Response> tokenForm(
            @FormParam("grant_type") String grantType,
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("refresh_token") String refreshToken) {
        if ("password".equals(grantType)) {
            new Invalid().addAll("username", required(username, 128)).addAll("password", required(password, 1024))
                    .throwIfAny();
            return auth.signIn(username, password, Caller.signingIn(username)).map(AuthResource::noStore);
        }
        if ("refresh_token".equals(grantType)) {
            new Invalid().addAll("refresh_token", required(refreshToken, 256)).throwIfAny();
            return refresh(refreshToken);
        }
        if (grantType == null || grantType.isBlank()) {
            throw ProblemException.badRequest("grant_type", "is required: password or refresh_token");
        }
        throw new ProblemException(Problem.of("unsupported-grant-type", "Invalid request", 400,
                        "grant_type " + grantType + " is not supported: password or refresh_token")
                .with("error", "unsupported_grant_type"));
    }

    @POST
    @Path("refresh")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "refreshTokens", summary = "Refresh the tokens", description = "Exchanges {refreshToken} (or form-encoded"
            + " refresh_token=...) for a new access token and a new refresh token; the one presented is used up."
            + " Presenting a used one again means a copy leaked: the whole session is revoked and the newest"
            + " refresh token stops working too (401).")
    @APIResponse(responseCode = "200", description = "OAuth 2.0 token response with the next refresh token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "No refresh token sent")
    @APIResponse(responseCode = "401", description = "Unknown, expired, revoked or already used refresh token")
    public Uni<Response> refresh(@Valid @NotNull RefreshRequest request) {
        return refresh(request.refreshToken());
    }

    @POST
    @Path("refresh")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Refresh the tokens (form-encoded)", description = "refresh_token=...; as the JSON form.")
    @APIResponse(responseCode = "200", description = "OAuth 2.0 token response (Cache-Control: no-store)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong credentials, or an unusable refresh token")
    public Uni<Response> refreshForm(@FormParam("refresh_token") String refreshToken) {
        new Invalid().addAll("refresh_token", required(refreshToken, 256)).throwIfAny();
        return refresh(refreshToken);
    }

    @POST
    @Path("logout")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signOut", summary = "Sign out", description = "Revokes the session of {refreshToken} (or form-encoded"
            + " refresh_token=...): none of its refresh tokens works any more (access tokens already issued"
            + " expire within minutes). 204 even for an unknown token.")
    @APIResponse(responseCode = "204", description = "The session is over (or there was none)")
    public Uni<Response> logout(@Valid @NotNull RefreshRequest request) {
        return auth.logout(request.refreshToken(), Caller.signingIn(null))
                .map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("logout")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out (form-encoded)", description = "refresh_token=...; as the JSON form.")
    @APIResponse(responseCode = "204", description = "The session is over (or there was none)")
    public Uni<Response> logoutForm(@FormParam("refresh_token") String refreshToken) {
        new Invalid().addAll("refresh_token", required(refreshToken, 256)).throwIfAny();
        return auth.logout(refreshToken, Caller.signingIn(null))
                .map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("password")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changePassword", summary = "Change your password", description = "{username, currentPassword, newPassword}: works"
            + " without a token, so an account whose password must change (the first admin, or after a reset)"
            + " can do it before signing in. The new password must meet the policy (400 naming newPassword)."
            + " Ends every session of the account; sign in again afterwards.")
    @APIResponse(responseCode = "204", description = "Changed; every session of the account ended")
    @APIResponse(responseCode = "400", description = "newPassword does not meet the policy, or is the current one")
    @APIResponse(responseCode = "401", description = "Wrong username or current password (the same for both)")
    @APIResponse(responseCode = "429", description = "Too many failed attempts for this username; see Retry-After")
    public Uni<Response> changePassword(@Valid @NotNull PasswordChange change) {
        return auth.changePassword(change.username(), change.currentPassword(), change.newPassword(),
                        Caller.signingIn(change.username()))
                .map(ignored -> Response.noContent().build());
    }

    private Uni<Response> refresh(String refreshToken) {
        return auth.refresh(refreshToken, Caller.signingIn(null)).map(AuthResource::noStore);
    }

    /** RFC 6749 §5.1: token responses must not be cached. */
    private static Response noStore(TokenResponse tokens) {
        return Response.ok(tokens).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    /** What is wrong with a required form field of at most {@code max} characters. */
    private static List<String> required(String value, int max) {
        if (value == null || value.isBlank()) {
            return List.of("is required");
        }
        return value.length() > max ? List.of("must be at most " + max + " characters") : List.of();
    }
}
