package org.hms.platform.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import org.hms.platform.config.PlatformConfig;

/**
 * A Redis read cache for versioned records (JSON), safe against the classic race where a slow
 * reader puts back data older than a change that happened meanwhile: every entry carries the
 * record's version, and a write never lowers it. A change calls {@link #changed}, which drops
 * the data but remembers the new version, so a late reader holding the old row cannot fill
 * the cache with it.
 *
 * <p>Redis trouble never fails a read (a miss goes to the database); hits and misses are
 * counted in {@code hms.cache.requests}.
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

    private final ReactiveRedisDataSource redis;
    private final MeterRegistry registry;
    private final long ttlMillis;

    public VersionedCache(ReactiveRedisDataSource redis, MeterRegistry registry, PlatformConfig config) {
        this.redis = redis;
        this.registry = registry;
        this.ttlMillis = config.cache().ttl().toMillis();
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

    /** Caches a record read from the database, unless a newer version is already known. */
    public Uni<Void> put(String cache, String id, long version, String json) {
        return write(cache, id, version, json);
    }

    /** A record changed to {@code version}: drop what is cached and refuse anything older. */
    public Uni<Void> changed(String cache, String id, long version) {
        return write(cache, id, version, "");
    }

    private Uni<Void> write(String cache, String id, long version, String json) {
        return redis.execute("EVAL", PUT_IF_NOT_OLDER, "1", key(cache, id), Long.toString(version), json,
                        Long.toString(ttlMillis))
                .onFailure()
                .recoverWithItem(failure -> {
                    Log.warnf("cache %s write for %s failed: %s", cache, id, failure.getMessage());
                    counter(cache, "write-failed").increment();
                    return (Response) null;
                })
                .replaceWithVoid();
    }

    private Counter counter(String cache, String result) {
        return registry.counter("hms.cache.requests", "cache", cache, "result", result);
    }

    private static String key(String cache, String id) {
        return "hms:" + cache + ":" + id;
    }
}
