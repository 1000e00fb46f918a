package org.hms.gateway.testing;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hms.platform.testing.TestTokens;

/**
 * Callers of their own for each test, so rate-limit windows never carry over from one test to
 * another: a fresh user per token, a fresh client IP (sent as X-Forwarded-For, which the test
 * profile trusts from loopback) per anonymous client.
 */
public final class Callers {

    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private Callers() {}

    /** A token of a user no other test uses, holding {@code role}. */
    public static String freshUser(String role) {
        return TestTokens.as(role + "-" + UUID.randomUUID(), role);
    }

    /** An address in the benchmarking range (198.18.0.0/15) no other test uses. */
    public static String freshClientIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
