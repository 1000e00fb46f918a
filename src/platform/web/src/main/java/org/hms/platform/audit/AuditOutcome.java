package org.hms.platform.audit;

/**
 * The one rule that turns an HTTP status into an audit outcome, for every audit record of
 * every service (annotation or code): 1xx-3xx {@code success}; 401, 403, 423 (account
 * locked) and 429 (too many attempts) {@code denied} — the caller was refused; 404 and 410
 * {@code not-found}; any other 4xx or 5xx {@code failed}.
 */
public final class AuditOutcome {

    public static final String SUCCESS = "success";
    public static final String DENIED = "denied";
    public static final String NOT_FOUND = "not-found";
    public static final String FAILED = "failed";

    private AuditOutcome() {}

    public static String of(int status) {
        if (status < 400) {
            return SUCCESS;
        }
        return switch (status) {
            case 401, 403, 423, 429 -> DENIED;
            case 404, 410 -> NOT_FOUND;
            default -> FAILED;
        };
    }
}
