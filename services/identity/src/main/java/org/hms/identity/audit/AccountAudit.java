package org.hms.identity.audit;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hms.contracts.audit.AuditRecorded;
import org.hms.platform.audit.AuditTrail;
import org.hms.platform.events.Outbox;

/**
 * Audit events of sign-ins and account changes, on {@code hms.audit} like every other audit
 * event. A change records its event in its own transaction ({@link #inTransaction}); a refused
 * sign-in, which changes nothing, through the platform's group-committed {@link AuditTrail}.
 * Either way the response waits until the event is durable.
 */
@ApplicationScoped
public class AccountAudit {

    /** The kind of record every identity audit event is about. */
    public static final String USER = "User";

    private final AuditTrail trail;
    private final Outbox outbox;

    public AccountAudit(AuditTrail trail, Outbox outbox) {
        this.trail = trail;
        this.outbox = outbox;
    }

    /** Records the event on its own (no transaction needed); completes when it is committed. */
    public Uni<Void> record(Caller caller, String action, UUID userId, int status) {
        return trail.record(event(caller, action, userId, status));
    }

    /** Adds the event to the current transaction's outbox: it commits with the change or not at all. */
    public Uni<Void> inTransaction(Caller caller, String action, UUID userId, int status) {
        return outbox.add(event(caller, action, userId, status)).replaceWithVoid();
    }

    private AuditRecorded event(Caller caller, String action, UUID userId, int status) {
        return new AuditRecorded(
                caller.actor(),
                caller.roles(),
                action,
                USER,
                userId == null ? null : userId.toString(),
                List.of(),
                outcome(status),
                status,
                trail.service(),
                caller.method(),
                caller.path(),
                caller.requestId(),
                null,
                Instant.now());
    }

    /** The same outcomes as the platform's audit of patient data. */
    static String outcome(int status) {
        if (status < 400) {
            return "success";
        }
        if (status == 401 || status == 403 || status == 423 || status == 429) {
            return "denied";
        }
        return status == 404 ? "not-found" : "failed";
    }
}
