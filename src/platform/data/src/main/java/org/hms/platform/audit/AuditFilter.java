package org.hms.platform.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.PathSegment;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Audits every call to an {@link Audited} endpoint through {@link Audit}: allowed, refused
 * (401, 403), not found or failed. Reads are recorded here; a write whose service recorded
 * its audit in the write's transaction ({@link Audit#record}) is not recorded twice, unless
 * it answered another status than the one recorded (its transaction then rolled back). The
 * response waits until the event is committed.
 */
public class AuditFilter {

    /** Header through which a clinician states why they access a record in an emergency. */
    public static final String BREAK_THE_GLASS = Audit.BREAK_THE_GLASS;

    private final Audit audit;

    private static final String PATIENTS = "patients";

    public AuditFilter(Audit audit) {
        this.audit = audit;
    }

    @ServerResponseFilter
    public Uni<Void> audit(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Audited audited = resource == null || resource.getResourceMethod() == null
                ? null
                : resource.getResourceMethod().getAnnotation(Audited.class);
        if (audited == null) {
            return Uni.createFrom().voidItem();
        }
        RoutingContext current = audit.currentRequest();
        if (audit.recordedByCode(current, response.getStatus())) {
            return Uni.createFrom().voidItem();
        }
        return audit.recordAlone(entry(audited, request, response));
    }

    private static AuditEntry entry(Audited audited, ContainerRequestContext request, ContainerResponseContext response) {
        List<UUID> patients = audited.patientData() ? patients(audited, request, response) : List.of();
        String pathId = request.getUriInfo().getPathParameters().getFirst(audited.idParam());
        String resourceId = pathId != null
                ? pathId
                : patients.size() == 1 && response.getEntity() instanceof PatientData ? patients.get(0).toString() : null;
        return new AuditEntry(audited.action(), audited.resource(), resourceId, patients, response.getStatus(), null,
                null);
    }

    /**
     * The patients a response discloses (one record, or every item of a page), else the one the
     * path names: the id parameter where it follows a {@code patients} segment
     * ({@code /api/v1/patients/{id}/chart}), never an appointment's or a visit's id.
     */
    private static List<UUID> patients(Audited audited, ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 300) {
            List<UUID> disclosed = PatientData.disclosedBy(response.getEntity());
            if (disclosed != null) {
                return disclosed;
            }
        }
        String id = request.getUriInfo().getPathParameters().getFirst(audited.idParam());
        if (id == null || !followsPatients(request.getUriInfo().getPathSegments(), id)) {
            return List.of();
        }
        try {
            return List.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static boolean followsPatients(List<PathSegment> segments, String id) {
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).getPath().equals(id) && segments.get(i - 1).getPath().equals(PATIENTS)) {
                return true;
            }
        }
        return false;
    }
}
