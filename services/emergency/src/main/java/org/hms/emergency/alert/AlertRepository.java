package org.hms.emergency.alert;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Alerts in PostgreSQL. */
@ApplicationScoped
@WithSession
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    /** A page of alerts, newest first, filtered by status and visit when given, and their total. */
    public Uni<Found> search(Alert.Status status, UUID visitId, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (visitId != null) {
            query.append(" and visitId = :visitId");
            params.and("visitId", visitId);
        }
        var found = find(query.toString(), Sort.by("raisedAt").descending().and("id"), params);
        return found.page(Page.of(page, size)).list().chain(items -> found.count().map(total -> new Found(items, total)));
    }

    public record Found(List<Alert> alerts, long total) {}

    /**
     * Claims the open critical alerts raised before {@code before} that have not escalated, in
     * the caller's transaction: SKIP LOCKED lets several replicas run the check at once, each
     * taking other rows, and the escalated_at stamp committed with the event makes it once only.
     */
    public Uni<List<Alert>> claimOverdue(Instant before, int limit) {
        return getSession()
                .chain(s -> s.createNativeQuery("select * from alert where status = 'OPEN' and severity = 'critical'"
                                        + " and escalated_at is null and raised_at < ?1 order by raised_at limit ?2"
                                        + " for update skip locked", Alert.class)
                        .setParameter(1, before)
                        .setParameter(2, limit)
                        .getResultList());
    }

    public Uni<Boolean> openTriageAlertExists(UUID visitId) {
        return count("visitId = ?1 and source = ?2 and status = ?3", visitId, Alert.TRIAGE, Alert.Status.OPEN)
                .map(n -> n > 0);
    }
}
