package org.hms.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.hms.platform.cache.VersionedCache.Cached;
import org.junit.jupiter.api.Test;

/** The Redis read cache never serves data older than the last change it was told about. */
@QuarkusTest
class VersionedCacheTest {

    static final String CACHE = "test-notes";
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    VersionedCache cache;

    @Inject
    MeterRegistry registry;

    @Test
    void aCachedRecordIsServedUntilItChangesAndAnOlderVersionCannotComeBack() {
        String id = UUID.randomUUID().toString();

        put(id, 1, "{\"v\":1}");
        assertThat(get(id)).isEqualTo(new Cached(1, "{\"v\":1}"));

        cache.changed(CACHE, id, 2).await().atMost(TIMEOUT);
        assertThat(get(id)).as("a change drops the cached data").isNull();

        put(id, 1, "{\"v\":1}");
        assertThat(get(id)).as("a slow reader cannot put back the version before the change").isNull();

        put(id, 2, "{\"v\":2}");
        assertThat(get(id)).isEqualTo(new Cached(2, "{\"v\":2}"));
    }

    @Test
    void aNewerVersionReplacesAnOlderOne() {
        String id = UUID.randomUUID().toString();

        put(id, 3, "{\"v\":3}");
        put(id, 4, "{\"v\":4}");
        put(id, 3, "{\"v\":3}");

        assertThat(get(id)).isEqualTo(new Cached(4, "{\"v\":4}"));
    }

    @Test
    void hitsAndMissesAreCounted() {
        String id = UUID.randomUUID().toString();
        double hits = count("hit");
        double misses = count("miss");

        get(id);
        put(id, 1, "{}");
        get(id);
        get(id);

        assertThat(count("miss")).isEqualTo(misses + 1);
        assertThat(count("hit")).isEqualTo(hits + 2);
    }

    private void put(String id, long version, String json) {
        cache.put(CACHE, id, version, json).await().atMost(TIMEOUT);
    }

    private Cached get(String id) {
        return cache.get(CACHE, id).await().atMost(TIMEOUT);
    }

    private double count(String result) {
        return registry.counter("hms.cache.requests", "cache", CACHE, "result", result).count();
    }
}
