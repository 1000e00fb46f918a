package org.hms.gateway.edge;

import java.util.Locale;
import java.util.Set;

/**
 * Who is calling, as far as the edge can tell: a user whose token verified, or an anonymous
 * client known by its IP (no token, or one that did not verify: {@link #rejectedToken()}).
 */
public record Caller(String subject, Set<String> roles, Tier tier, String clientIp, boolean rejectedToken) {

    /** Rate-limit tiers. */
    public enum Tier {
        ADMIN,
        STAFF,
        PATIENT,
        ANONYMOUS;

        private final String label = name().toLowerCase(Locale.ROOT);

        /** admin, staff, patient, anonymous: as in configuration and metrics. */
        public String label() {
            return label;
        }
    }

    static final String ADMIN_ROLE = "admin";
    static final String PATIENT_ROLE = "patient";

    static Caller user(String subject, Set<String> roles, String clientIp) {
        return new Caller(subject, roles, tierOf(roles), clientIp, false);
    }

    static Caller anonymous(String clientIp, boolean rejectedToken) {
        return new Caller(null, Set.of(), Tier.ANONYMOUS, clientIp, rejectedToken);
    }

    public boolean authenticated() {
        return subject != null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** What the rate limits count against: the user, or the client IP of an anonymous call. */
    public String rateKey() {
        return authenticated() ? "user:" + subject : "ip:" + clientIp;
    }

    /** admin: the admin role; patient: only the patient role; staff: any other role, or none. */
    static Tier tierOf(Set<String> roles) {
        if (roles.contains(ADMIN_ROLE)) {
            return Tier.ADMIN;
        }
        if (roles.contains(PATIENT_ROLE) && roles.size() == 1) {
            return Tier.PATIENT;
        }
        return Tier.STAFF;
    }
}
