package org.hms.clinical.chart;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The version of each patient's chart, raised in the transaction of every change that alters
 * it; the chart cache is fenced by it ({@link ChartCache}).
 */
@ApplicationScoped
public class ChartVersions {

    /** Raises the chart's version in the current transaction; the new version. */
    public Uni<Long> raise(UUID patientId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into chart_version (patient_id, version) values (?1, 1)"
                                + " on conflict (patient_id) do update set version = chart_version.version + 1"
                                + " returning version", Long.class)
                        .setParameter(1, patientId)
                        .getSingleResult());
    }

    /** The chart's current version (0 before any change). */
    public Uni<Long> current(UUID patientId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("select coalesce(max(version), 0) from chart_version where patient_id = ?1",
                                Long.class)
                        .setParameter(1, patientId)
                        .getSingleResult());
    }
}
