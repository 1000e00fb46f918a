package org.hms.identity.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.MDC;

/**
 * Who made a request and which: what an audit event says about its origin. Built by resources
 * at the start of a call; for a sign-in the actor is the username that tries.
 */
public record Caller(String actor, List<String> roles, String method, String path, String requestId) {

    /** The actor of changes nobody asked for over HTTP (the first admin). */
    public static final Caller SYSTEM = new Caller("system", List.of(), null, null, null);

    /** The authenticated caller of this request. */
    public static Caller of(SecurityIdentity identity, String method, UriInfo uri) {
        boolean anonymous = identity == null || identity.isAnonymous();
        return new Caller(anonymous ? "anonymous" : identity.getPrincipal().getName(),
                anonymous ? List.of() : List.copyOf(identity.getRoles()), method, uri.getPath(), currentRequestId());
    }

    /** Someone signing in (or presenting a refresh token) as {@code username}, not authenticated yet. */
    public static Caller signingIn(String username, String method, UriInfo uri) {
        return new Caller(username == null || username.isBlank() ? "anonymous" : username, List.of(), method,
                uri.getPath(), currentRequestId());
    }

    /** The same request, now known to be {@code username} holding {@code roles}. */
    public Caller as(String username, List<String> roles) {
        return new Caller(username, List.copyOf(roles), method, path, requestId);
    }

    /** The request id the platform's RequestIds filter put in the log context. */
    private static String currentRequestId() {
        Object id = MDC.get("requestId");
        return id == null ? null : id.toString();
    }
}
