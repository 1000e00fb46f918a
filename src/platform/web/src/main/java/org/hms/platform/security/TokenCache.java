package org.hms.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.time.Instant;

/**
 * Bearer tokens already verified, with what their verification gave ({@code V}), kept until the
 * token expires and at most ten minutes. A mobile or web client sends the same token with every
 * request, and checking its RS256 signature again each time was a quarter of the CPU of a cached
 * patient read. Only tokens that verified may be put here, keyed by their exact text, and an
 * entry never outlives its token's {@code exp}: a tampered or expired token is never answered
 * from here. The one cache of the services (VerifiedTokenCache) and the gateway (EdgeAuthenticator).
 */
public final class TokenCache<V> {

    private static final Duration LONGEST = Duration.ofMinutes(10);
    private static final int SIZE = 20_000;

    private record Entry<V>(V verified, Instant expiresAt) {}

    private final Cache<String, Entry<V>> verified = Caffeine.newBuilder()
            .maximumSize(SIZE)
            .expireAfter(Expiry.creating((String token, Entry<V> entry) -> keep(entry.expiresAt())))
            .build();

    /** What the token verified to, or null when it is unknown or (about to be) expired. */
    public V get(String token) {
        Entry<V> entry = verified.getIfPresent(token);
        return entry != null && keep(entry.expiresAt()).isPositive() ? entry.verified() : null;
    }

    /** Remembers a token that verified; {@code expiresAtEpochSecond} is its {@code exp} claim. */
    public void put(String token, V result, long expiresAtEpochSecond) {
        if (expiresAtEpochSecond > 0) {
            verified.put(token, new Entry<>(result, Instant.ofEpochSecond(expiresAtEpochSecond)));
        }
    }

    private static Duration keep(Instant expiresAt) {
        Duration left = Duration.between(Instant.now(), expiresAt);
        if (left.isNegative()) {
            return Duration.ZERO; // within the verifier's clock skew: valid, but not worth keeping
        }
        return left.compareTo(LONGEST) > 0 ? LONGEST : left;
    }
}
