package org.hms.scheduling.practitioner;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Practitioners in PostgreSQL; the queries are named on {@link Practitioner}. */
@ApplicationScoped
@WithSession
public class PractitionerRepository implements PanacheRepositoryBase<Practitioner, UUID> {

    /** One page of the practitioners (of one specialty, when given), oldest first. */
    public Uni<List<Practitioner>> page(String specialty, int page, int size) {
        var query = specialty == null
                ? find("#Practitioner.all")
                : find("#Practitioner.ofSpecialty", Parameters.with("specialty", specialty));
        return query.page(Page.of(page, size)).list();
    }

    public Uni<Long> countOf(String specialty) {
        return specialty == null
                ? count("#Practitioner.countAll")
                : count("#Practitioner.countOfSpecialty", Parameters.with("specialty", specialty));
    }
}
