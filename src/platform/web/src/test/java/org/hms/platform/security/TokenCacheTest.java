package org.hms.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private final TokenCache<String> cache = new TokenCache<>();

    @Test
    void aVerifiedTokenIsAnsweredFromTheCacheUntilItExpires() {
        cache.put("token-a", "alice", Instant.now().plusSeconds(300).getEpochSecond());

        assertThat(cache.get("token-a")).isEqualTo("alice");
        assertThat(cache.get("token-b")).isNull();
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromTheCache() {
        cache.put("old", "bob", Instant.now().minusSeconds(5).getEpochSecond());

        assertThat(cache.get("old")).isNull();
    }

    @Test
    void aTokenWithoutExpiryIsNotKept() {
        cache.put("forever", "carol", 0);

        assertThat(cache.get("forever")).isNull();
    }
}
