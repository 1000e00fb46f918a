package org.hms.identity.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A session: the refresh tokens issued from one sign-in, each replacing the one before. Its id
 * is the {@code sid} claim of the access tokens it issues.
 */
@Entity
@Table(name = "token_family")
public class TokenFamily {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The session's absolute end, however often it refreshes. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** logout, reuse-detected, disabled, password-changed, password-reset */
    @Column(name = "revoked_reason")
    public String revokedReason;

    static TokenFamily start(UUID userId, Instant now, Instant expiresAt) {
        TokenFamily family = new TokenFamily();
        family.id = UUID.randomUUID();
        family.userId = userId;
        family.createdAt = now;
        family.expiresAt = expiresAt;
        return family;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(String reason) {
        if (revokedAt == null) {
            revokedAt = Instant.now();
            revokedReason = reason;
        }
    }
}
