package org.hms.platform.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.hms.platform.config.PlatformConfig;

/**
 * A Redis read cache for versioned records (JSON), safe against the classic race where a slow
 * reader puts back data older than a change that happened meanwhile: every entry carries the
 * record's version, and a write never lowers it. A change calls {@link #changed}, which drops
 * the data but remembers the new version, so a late reader holding the old row cannot fill
 * the cache with it.
 *
 * <p>Redis trouble never fails a read (a miss goes to the database); hits and misses are
 * counted in {@code hms.cache.requests}. An invalidation ({@link #changed}) that fails is not
 * dropped: it is retried in the background with exponential backoff (100 ms doubling up to
 * 10 s) until it succeeds or the cache's TTL has passed — by then any entry older than the
 * change has expired anyway. Failures and retries are counted ({@code result=invalidation-failed},
 * {@code invalidation-retried}, {@code invalidation-abandoned}) and logged.
 */
@ApplicationScoped
public class VersionedCache {

    /** KEYS[1]; ARGV: version, data ('' drops the data), ttl in ms. */
    private static final String PUT_IF_NOT_OLDER = """
            local current = redis.call('HGET', KEYS[1], 'v')
            if current and tonumber(current) > tonumber(ARGV[1]) then return 0 end
            if ARGV[2] == '' then
              redis.call('HDEL', KEYS[1], 'd')
              redis.call('HSET', KEYS[1], 'v', ARGV[1])
            else
              redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """;

    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private final ReactiveRedisDataSource redis;
    private final MeterRegistry registry;
    private final Duration ttl;

    public VersionedCache(ReactiveRedisDataSource redis, MeterRegistry registry, PlatformConfig config) {
        this.redis = redis;
        this.registry = registry;
        this.ttl = config.cache().ttl();
    }

    /** A cached record: its version and its JSON. */
    public record Cached(long version, String json) {}

    /** The cached record, or null on a miss. */
    public Uni<Cached> get(String cache, String id) {
        return redis.execute("HMGET", key(cache, id), "v", "d")
                .map(VersionedCache::cached)
                .onFailure()
                .recoverWithItem(failure -> {
                    Log.debugf("cache %s unavailable, reading through: %s", cache, failure.getMessage());
                    return null;
                })
                .invoke(found -> counter(cache, found == null ? "miss" : "hit").increment());
    }

    private static Cached cached(Response fields) {
        if (fields == null || fields.size() < 2 || fields.get(0) == null || fields.get(1) == null) {
            return null;
        }
        return new Cached(fields.get(0).toLong(), fields.get(1).toString());
    }

    /** Caches a record read from the database, unless a newer version is already known (a failed put is only a miss later). */
    public Uni<Void> put(String cache, String id, long version, String json) {
        return write(cache, id, version, json).onFailure().recoverWithItem(failure -> {
            Log.debugf("cache %s put for %s failed: %s", cache, id, failure.getMessage());
            counter(cache, "write-failed").increment();
            return null;
        });
    }

    /**
     * A record changed to {@code version}: drop what is cached and refuse anything older. Never
     * fails the caller (the change is committed already): a failed attempt is retried in the
     * background until it succeeds or the TTL has passed.
     */
    public Uni<Void> changed(String cache, String id, long version) {
        return write(cache, id, version, "").onFailure().recoverWithItem(failure -> {
            Log.warnf("cache %s invalidation of %s failed, retrying in the background: %s", cache, id,
                    failure.getMessage());
            counter(cache, "invalidation-failed").increment();
            retryInvalidation(cache, id, version);
            return null;
        });
    }

    private void retryInvalidation(String cache, String id, long version) {
        write(cache, id, version, "")
                .onFailure()
                .invoke(() -> counter(cache, "invalidation-retried").increment())
                .onFailure()
                .retry()
                .withBackOff(FIRST_RETRY, LONGEST_RETRY)
                .expireIn(ttl.toMillis())
                .subscribe()
                .with(
                        done -> Log.infof("cache %s invalidation of %s succeeded on retry", cache, id),
                        failure -> {
                            counter(cache, "invalidation-abandoned").increment();
                            Log.warnf("cache %s invalidation of %s abandoned after %s (the entry has expired by"
                                    + " now): %s", cache, id, ttl, failure.getMessage());
                        });
    }

    private Uni<Void> write(String cache, String id, long version, String json) {
        return redis.execute("EVAL", PUT_IF_NOT_OLDER, "1", key(cache, id), Long.toString(version), json,
                        Long.toString(ttl.toMillis()))
                .replaceWithVoid();
    }

    private Counter counter(String cache, String result) {
        return registry.counter("hms.cache.requests", "cache", cache, "result", result);
    }

    private static String key(String cache, String id) {
        return "hms:" + cache + ":" + id;
    }
}
