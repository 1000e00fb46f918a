package org.hms.gateway.routing;

import org.hms.contracts.system.SystemDescriptor;

/** A prefix of the routing table and the upstream that owns the paths below it. */
public record Route(String prefix, String upstream) {

    /** Whether {@code path} is this prefix or lies below it (whole segments: /patients, not /patientsx). */
    boolean covers(String path) {
        return SystemDescriptor.covers(prefix, path);
    }
}
