package org.hms.identity.auth;

import java.time.Duration;
import java.util.Map;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;

/**
 * The refusals of the sign-in endpoints, as RFC 9457 problems that also carry the OAuth 2.0
 * error code ({@code error}) token clients look for.
 */
final class AuthProblems {

    /** Where an account changes its password; a forced change points there. */
    static final String CHANGE_PASSWORD = "/api/v1/auth/password";

    private static final Map<String, String> BEARER = Map.of("WWW-Authenticate", "Bearer realm=\"hms\"");

    private AuthProblems() {}

    /** Wrong password and unknown username alike: the answer never says which. */
    static ProblemException invalidCredentials() {
        return new ProblemException(Problem.of("invalid-credentials", "Unauthenticated", 401,
                                "the username or the password is wrong")
                        .with("error", "invalid_grant"),
                BEARER);
    }

    static ProblemException locked(Duration remaining) {
        long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
        return new ProblemException(Problem.of("sign-in-locked", "Too many failed sign-ins", 429,
                                "too many failed sign-ins for this username: try again in " + seconds + " s")
                        .with("error", "invalid_grant"),
                Map.of("Retry-After", Long.toString(seconds)));
    }

    static ProblemException disabled() {
        return new ProblemException(Problem.of("account-disabled", "Forbidden", 403,
                        "this account is disabled: ask an administrator")
                .with("error", "invalid_grant"));
    }

    static ProblemException passwordChangeRequired() {
        return new ProblemException(Problem.of("password-change-required", "Password change required", 403,
                        "this account must change its password before it can sign in: POST " + CHANGE_PASSWORD
                                + " with username, currentPassword and newPassword, then sign in again")
                .with("error", "invalid_grant")
                .with("changePasswordAt", CHANGE_PASSWORD));
    }

    static ProblemException invalidRefreshToken() {
        return new ProblemException(Problem.of("invalid-refresh-token", "Unauthenticated", 401,
                                "the refresh token is unknown, expired, revoked or already used: sign in again")
                        .with("error", "invalid_grant"),
                BEARER);
    }
}
