package org.hms.platform.audit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hms.contracts.audit.AuditRecorded;
import org.hms.platform.web.RequestIds;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Turns every call to an {@link Audited} endpoint into an audit event: who (subject and
 * roles), what, which patients, the outcome, the request id and any break-the-glass reason.
 * The response waits until the event is committed.
 */
public class AuditFilter {

    /** Header through which a clinician states why they access a record in an emergency. */
    public static final String BREAK_THE_GLASS = "X-Break-Glass-Reason";

    private final AuditTrail trail;
    private final CurrentIdentityAssociation identities;

    public AuditFilter(AuditTrail trail, CurrentIdentityAssociation identities) {
        this.trail = trail;
        this.identities = identities;
    }

    @ServerResponseFilter
    public Uni<Void> audit(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Audited audited = resource == null || resource.getResourceMethod() == null
                ? null
                : resource.getResourceMethod().getAnnotation(Audited.class);
        if (audited == null || (audited.refusalsOnly() && !refused(response.getStatus()))) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity()
                .onFailure()
                .recoverWithNull()
                .chain(identity -> trail.record(event(audited, identity, request, response)));
    }

    private AuditRecorded event(
            Audited audited, SecurityIdentity identity, ContainerRequestContext request, ContainerResponseContext response) {
        boolean anonymous = identity == null || identity.isAnonymous();
        List<UUID> patients = patients(audited, request, response);
        String pathId = request.getUriInfo().getPathParameters().getFirst(audited.idParam());
        return new AuditRecorded(
                anonymous ? "anonymous" : identity.getPrincipal().getName(),
                anonymous ? List.of() : List.copyOf(identity.getRoles()),
                audited.action(),
                audited.resource(),
                pathId != null ? pathId : patients.size() == 1 ? patients.get(0).toString() : null,
                patients,
                outcome(response.getStatus()),
                response.getStatus(),
                trail.service(),
                request.getMethod(),
                request.getUriInfo().getPath(),
                RequestIds.of(request),
                request.getHeaderString(BREAK_THE_GLASS),
                Instant.now());
    }

    private static List<UUID> patients(Audited audited, ContainerRequestContext request, ContainerResponseContext response) {
        if (!audited.patientData()) {
            return List.of();
        }
        if (response.getStatus() < 300 && response.getEntity() instanceof PatientData data) {
            return data.patientIds();
        }
        String id = request.getUriInfo().getPathParameters().getFirst(audited.idParam());
        try {
            return id == null ? List.of() : List.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static boolean refused(int status) {
        return status == 401 || status == 403;
    }

    static String outcome(int status) {
        if (status < 400) {
            return "success";
        }
        if (refused(status)) {
            return "denied";
        }
        if (status == 404 || status == 410) {
            return "not-found";
        }
        return "failed";
    }
}
