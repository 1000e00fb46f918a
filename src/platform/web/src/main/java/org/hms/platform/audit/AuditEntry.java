package org.hms.platform.audit;

import java.util.List;
import java.util.UUID;

/**
 * What a service says about one audited call; {@link Audit} adds who asked (unless given
 * here), the request (method, path, request id, break-the-glass reason), the outcome and the
 * time.
 *
 * @param action what was done, e.g. create, update, merge, erase, login, user-disable
 * @param resource the kind of record, e.g. "Patient", "User"
 * @param resourceId the record addressed, if one was
 * @param patientIds every patient whose data was touched or disclosed
 * @param status the HTTP status the call answers
 * @param actor who, when not the caller's token (a sign-in attempt names the username that tries)
 * @param roles the actor's roles, with {@code actor}
 */
public record AuditEntry(
        String action,
        String resource,
        String resourceId,
        List<UUID> patientIds,
        int status,
        String actor,
        List<String> roles) {

    /** The kind of record patient-data audit entries are about. */
    public static final String PATIENT = "Patient";

    public AuditEntry {
        patientIds = patientIds == null ? List.of() : List.copyOf(patientIds);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** An entry about one record of any kind (no patient data). */
    public static AuditEntry of(String action, String resource, Object resourceId, int status) {
        return new AuditEntry(action, resource, resourceId == null ? null : resourceId.toString(), List.of(), status,
                null, null);
    }

    /** An entry about one patient's record. */
    public static AuditEntry patient(String action, UUID patientId, int status) {
        return new AuditEntry(action, PATIENT, patientId.toString(), List.of(patientId), status, null, null);
    }

    /** The same entry, naming these patients as touched or disclosed. */
    public AuditEntry patients(List<UUID> ids) {
        return new AuditEntry(action, resource, resourceId, ids, status, actor, roles);
    }

    /** The same entry, made by {@code actor} holding {@code roles} rather than by the caller's token. */
    public AuditEntry by(String actor, List<String> roles) {
        return new AuditEntry(action, resource, resourceId, patientIds, status, actor, roles);
    }
}
