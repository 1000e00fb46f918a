package org.hms.clinical.chart;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.hms.platform.cache.VersionedCache;

/** Patients' charts in Redis, as the JSON clients receive, fenced by the chart version. */
@ApplicationScoped
public class ChartCache {

    private static final String NAME = "charts";

    private final VersionedCache cache;

    public ChartCache(VersionedCache cache) {
        this.cache = cache;
    }

    Uni<VersionedCache.Cached> get(UUID patientId) {
        return cache.get(NAME, patientId.toString());
    }

    Uni<Void> put(UUID patientId, long version, String json) {
        return cache.put(NAME, patientId.toString(), version, json);
    }

    /** The chart changed to {@code version}: drop the cached copy; no older copy may come back. */
    public Uni<Void> changed(UUID patientId, long version) {
        return cache.changed(NAME, patientId.toString(), version);
    }
}
