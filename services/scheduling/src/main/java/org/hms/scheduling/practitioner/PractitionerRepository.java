package org.hms.scheduling.practitioner;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Practitioners in PostgreSQL. */
@ApplicationScoped
@WithSession
public class PractitionerRepository implements PanacheRepositoryBase<Practitioner, UUID> {

    /** One page of the practitioners (of one specialty, when given), oldest first. */
    public Uni<List<Practitioner>> page(String specialty, int page, int size) {
        Sort order = Sort.by("createdAt").and("id");
        var query = specialty == null ? findAll(order) : find("specialty", order, specialty);
        return query.page(Page.of(page, size)).list();
    }

    public Uni<Long> countOf(String specialty) {
        return specialty == null ? count() : count("specialty", specialty);
    }
}
