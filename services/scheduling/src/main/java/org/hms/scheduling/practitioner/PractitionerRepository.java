package org.hms.scheduling.practitioner;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Practitioners in PostgreSQL. */
@ApplicationScoped
@WithSession
public class PractitionerRepository implements PanacheRepositoryBase<Practitioner, UUID> {

    public Uni<List<Practitioner>> bySpecialty(String specialty) {
        Sort order = Sort.by("createdAt").and("id");
        return specialty == null ? listAll(order) : list("specialty", order, specialty);
    }
}
