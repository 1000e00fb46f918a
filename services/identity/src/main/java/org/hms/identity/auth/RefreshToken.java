package org.hms.identity.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * One refresh token of a {@link TokenFamily}, stored only as its SHA-256: the token itself
 * (256 random bits) exists only in the client's hands. A token is good for one refresh.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "family_id")
    public UUID familyId;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** When it was exchanged for the next token of its family; presenting it again is reuse. */
    @Column(name = "used_at")
    public Instant usedAt;

    /** A new token for {@code family}: the entity to store and the secret to hand out. */
    static Issued issue(TokenFamily family, Instant now, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken stored = new RefreshToken();
        stored.tokenHash = hash(token);
        stored.familyId = family.id;
        stored.issuedAt = now;
        stored.expiresAt = expiresAt.isBefore(family.expiresAt) ? expiresAt : family.expiresAt;
        return new Issued(stored, token);
    }

    record Issued(RefreshToken stored, String token) {}

    /** SHA-256 of the token, base64url: how a presented token is looked up. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean isUsed() {
        return usedAt != null;
    }

    boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
