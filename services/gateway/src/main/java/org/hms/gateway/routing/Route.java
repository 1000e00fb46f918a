package org.hms.gateway.routing;

/** A prefix of the routing table and the upstream that owns the paths below it. */
public record Route(String prefix, String upstream) {

    /** Whether {@code path} is this prefix or lies below it (whole segments: /patients, not /patientsx). */
    boolean covers(String path) {
        return path.startsWith(prefix)
                && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/' || prefix.endsWith("/"));
    }
}
