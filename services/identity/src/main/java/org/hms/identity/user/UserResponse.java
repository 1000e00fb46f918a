package org.hms.identity.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account as admins see it: everything but the password hash. */
public record UserResponse(
        UUID id,
        String username,
        String displayName,
        List<String> roles,
        UUID practitionerId,
        UUID patientId,
        boolean enabled,
        boolean mustChangePassword,
        Instant createdAt,
        Instant updatedAt,
        Instant passwordChangedAt,
        Instant lastLoginAt,
        long version) {

    static UserResponse of(UserAccount u) {
        return new UserResponse(u.id, u.username, u.displayName, u.roleList(), u.practitionerId, u.patientId,
                u.enabled, u.mustChangePassword, u.createdAt, u.updatedAt, u.passwordChangedAt, u.lastLoginAt,
                u.version);
    }
}
