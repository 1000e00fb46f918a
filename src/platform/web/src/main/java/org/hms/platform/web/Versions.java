package org.hms.platform.web;

import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: a resource's version travels as a strong {@code ETag}
 * ({@code "3"}), and an update must send it back in {@code If-Match}.
 */
public final class Versions {

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; 428 when it is missing, 412 when unreadable. */
    public static long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of("precondition-required", "Precondition required", 428,
                    "send the resource's ETag in If-Match to update it"));
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw stale(ifMatch, -1);
        }
    }

    /** Throws 412 unless {@code expected} is the {@code current} version. */
    public static void requireCurrent(long expected, long current) {
        if (expected != current) {
            throw stale(etag(expected), current);
        }
    }

    private static ProblemException stale(String sent, long current) {
        Problem problem = Problem.of("stale-version", "Precondition failed", 412,
                "If-Match " + sent + " is not the current version; read the resource again and retry");
        if (current >= 0) {
            problem.with("currentVersion", current);
        }
        return new ProblemException(problem);
    }
}
