package org.hms.identity.auth;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.hms.identity.config.IdentityConfig;

/**
 * Failed sign-ins per username, counted in Redis so that every replica sees them: after
 * {@code max-failures} within {@code window} the username is locked for {@code duration}. Any
 * username is counted, existing or not, so a lock tells nothing about whether an account
 * exists. Each step is one atomic script (one round trip). If Redis is unreachable, sign-ins
 * go on without the lock (logged): a hospital must be able to sign in.
 */
@ApplicationScoped
public class LoginAttempts {

    private static final String PREFIX = "hms:identity:login-failures:";

    /** KEYS[1]; ARGV: window ms, max failures, lock ms. Answers 1 when this failure locked it. */
    private static final String FAILED = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            if n == tonumber(ARGV[2]) then
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
              return 1
            end
            return 0
            """;

    /** KEYS[1]; ARGV: max failures. Answers the ms the lock still lasts, or -1. */
    private static final String LOCKED_FOR = """
            local n = tonumber(redis.call('GET', KEYS[1]) or '0')
            if n < tonumber(ARGV[1]) then return -1 end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then return -1 end
            return ttl
            """;

    private final ReactiveRedisDataSource redis;
    private final IdentityConfig.Lockout config;

    public LoginAttempts(ReactiveRedisDataSource redis, IdentityConfig config) {
        this.redis = redis;
        this.config = config.lockout();
    }

    /** How much longer {@code username} stays locked, or null when it is not locked. */
    public Uni<Duration> lockedFor(String username) {
        return redis.execute("EVAL", LOCKED_FOR, "1", key(username), Integer.toString(config.maxFailures()))
                .map(r -> r == null || r.toLong() < 0 ? null : Duration.ofMillis(r.toLong()))
                .onFailure()
                .recoverWithItem(failure -> {
                    Log.warnf("sign-in lockout unavailable (Redis): %s", failure.getMessage());
                    return null;
                });
    }

    /** Counts a failure; answers true when it is the one that locks the username. */
    public Uni<Boolean> failed(String username) {
        return redis.execute("EVAL", FAILED, "1", key(username), Long.toString(config.window().toMillis()),
                        Integer.toString(config.maxFailures()), Long.toString(config.duration().toMillis()))
                .map(r -> r != null && r.toLong() == 1)
                .onFailure()
                .recoverWithItem(failure -> {
                    Log.warnf("sign-in failure not counted (Redis): %s", failure.getMessage());
                    return false;
                });
    }

    /** A successful sign-in forgets the failures before it. */
    public Uni<Void> succeeded(String username) {
        return redis.execute("DEL", key(username))
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }

    private static String key(String username) {
        return PREFIX + username;
    }
}
