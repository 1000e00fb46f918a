package org.hms.identity.audit;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import java.util.UUID;
import org.hms.platform.audit.AuditEntry;

/**
 * Who makes a request, as its audit record names them: for a sign-in, the username that
 * tries, until the password proves it. Identity audits through the platform's
 * {@link org.hms.platform.audit.Audit} like every service; this only says who.
 */
public record Caller(String actor, List<String> roles) {

    /** The kind of record identity's audit records are about. */
    public static final String USER = "User";

    /** The actor of changes nobody asked for over HTTP (the first admin). */
    public static final Caller SYSTEM = new Caller("system", List.of());

    public Caller {
        roles = List.copyOf(roles);
    }

    /** The authenticated caller of this request. */
    public static Caller of(SecurityIdentity identity) {
        boolean anonymous = identity == null || identity.isAnonymous();
        return new Caller(anonymous ? "anonymous" : identity.getPrincipal().getName(),
                anonymous ? List.of() : List.copyOf(identity.getRoles()));
    }

    /** Someone signing in (or presenting a refresh token) as {@code username}, not authenticated yet. */
    public static Caller signingIn(String username) {
        return new Caller(username == null || username.isBlank() ? "anonymous" : username, List.of());
    }

    /** The same request, now known to be {@code username} holding {@code roles}. */
    public Caller as(String username, List<String> roles) {
        return new Caller(username, roles);
    }

    /** The audit entry of this caller's {@code action} on an account, answered with {@code status}. */
    public AuditEntry audit(String action, UUID userId, int status) {
        return AuditEntry.of(action, USER, userId, status).by(actor, roles);
    }
}
