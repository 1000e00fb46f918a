package org.hms.platform.audit;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hms.contracts.audit.AuditRecorded;
import org.hms.platform.config.PlatformConfig;
import org.hms.platform.events.Outbox;
import org.jboss.logging.MDC;

/**
 * The audit API services call from code; {@link Audited} endpoints use it too, through
 * {@link AuditFilter}. Both paths make the same {@code AuditRecorded} event (on
 * {@code hms.audit}) with the same outcome rule ({@link AuditOutcome}).
 *
 * <ul>
 *   <li>{@link #record} inside a write's {@code @WithTransaction}: the audit event goes to the
 *       outbox in the write's transaction, so a write never commits without its audit record
 *       and a rolled-back write leaves no audit of a change that did not happen.
 *   <li>{@link #recordAlone} for what changes nothing (a refused sign-in, candidates disclosed
 *       by a refused registration): committed on its own, group-committed with concurrent
 *       ones; completes once durable.
 * </ul>
 *
 * Either way the current request is marked as audited with that status, and the
 * {@code @Audited} filter does not record it a second time; a call that then answers another
 * status (the transaction rolled back) is still recorded by the filter.
 */
@ApplicationScoped
public class Audit {

    /** Header through which a clinician states why they access a record in an emergency. */
    public static final String BREAK_THE_GLASS = "X-Break-Glass-Reason";

    private static final String AUDITED_STATUS = Audit.class.getName() + ".status";

    private final Outbox outbox;
    private final AuditTrail trail;
    private final CurrentIdentityAssociation identities;
    private final CurrentVertxRequest requests;
    private final String service;

    public Audit(
            Outbox outbox,
            AuditTrail trail,
            CurrentIdentityAssociation identities,
            CurrentVertxRequest requests,
            PlatformConfig config) {
        this.outbox = outbox;
        this.trail = trail;
        this.identities = identities;
        this.requests = requests;
        this.service = config.serviceName();
    }

    /** Adds the audit event to the current transaction's outbox; call it inside {@code @WithTransaction}. */
    public Uni<Void> record(AuditEntry entry) {
        RoutingContext request = currentRequest();
        return event(entry, request)
                .chain(outbox::add)
                .invoke(() -> mark(request, entry.status()))
                .replaceWithVoid();
    }

    /** Commits the audit event on its own (no transaction needed); completes once it is durable. */
    public Uni<Void> recordAlone(AuditEntry entry) {
        RoutingContext request = currentRequest();
        return event(entry, request).chain(trail::record).invoke(() -> mark(request, entry.status()));
    }

    /** Whether code already audited the current request with this status (then the filter does not). */
    boolean recordedByCode(RoutingContext request, int status) {
        return request != null && Integer.valueOf(status).equals(request.get(AUDITED_STATUS));
    }

    /** The HTTP request being served, or null outside one (start-up, a Kafka consumer). */
    RoutingContext currentRequest() {
        return Arc.container().requestContext().isActive() ? requests.getCurrent() : null;
    }

    private Uni<AuditRecorded> event(AuditEntry entry, RoutingContext request) {
        Uni<SecurityIdentity> caller = entry.actor() != null || request == null
                ? Uni.createFrom().nullItem()
                : identities.getDeferredIdentity().onFailure().recoverWithNull();
        return caller.map(identity -> event(entry, identity, request));
    }

    private AuditRecorded event(AuditEntry entry, SecurityIdentity identity, RoutingContext request) {
        String actor = entry.actor();
        List<String> roles = entry.roles();
        if (actor == null) {
            boolean anonymous = identity == null || identity.isAnonymous();
            actor = request == null ? "system" : anonymous ? "anonymous" : identity.getPrincipal().getName();
            roles = anonymous ? List.of() : List.copyOf(identity.getRoles());
        }
        return new AuditRecorded(
                actor,
                roles,
                entry.action(),
                entry.resource(),
                entry.resourceId(),
                entry.patientIds(),
                AuditOutcome.of(entry.status()),
                entry.status(),
                service,
                request == null ? null : request.request().method().name(),
                request == null ? null : request.normalizedPath(),
                requestId(),
                request == null ? null : request.request().getHeader(BREAK_THE_GLASS),
                Instant.now());
    }

    private static void mark(RoutingContext request, int status) {
        if (request != null) {
            request.put(AUDITED_STATUS, status);
        }
    }

    /** The request id the platform's RequestIds filter put in the (request-local) log context. */
    private static String requestId() {
        Object id = MDC.get("requestId");
        return id == null ? null : id.toString();
    }
}
