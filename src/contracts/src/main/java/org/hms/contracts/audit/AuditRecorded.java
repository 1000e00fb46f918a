package org.hms.contracts.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * Someone read or changed patient data, signed in or out, or changed an account, or tried
 * to. One event per request; the audit service chains them into the tamper-evident trail.
 *
 * @param actor the token's subject; for a sign-in, the username that tried
 * @param roles the roles the actor held
 * @param action what was done: read, search, create, update, merge, erase, export (patient
 *     data); login, refresh, logout, password-change (sessions); user-create,
 *     user-roles-change, user-disable, user-enable, user-password-reset, user-list, user-read
 *     (accounts)
 * @param resource the kind of record, e.g. "Patient", "User"
 * @param resourceId the record's id when one record was addressed
 * @param patientIds the patients whose data was touched (several for a search)
 * @param outcome success, denied, not-found or failed, from the status by one rule
 *     (the platform's AuditOutcome)
 * @param status the HTTP status answered
 * @param breakTheGlassReason the reason given for emergency access, if any
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRecorded(
        String actor,
        List<String> roles,
        String action,
        String resource,
        String resourceId,
        List<UUID> patientIds,
        String outcome,
        int status,
        String service,
        String method,
        String path,
        String requestId,
        String breakTheGlassReason,
        Instant at)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.audit.AuditRecorded", 1, Topics.AUDIT, AuditRecorded.class);

    /** Keyed by the first patient touched, so one patient's trail stays in order; else by actor. */
    @Override
    public String subject() {
        return patientIds == null || patientIds.isEmpty() ? actor : patientIds.get(0).toString();
    }
}
