package org.hms.patients.patient;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.hms.platform.cache.VersionedCache;

/** Current patients by id in Redis, as the JSON clients receive; dropped on every change. */
@ApplicationScoped
public class PatientCache {

    private static final String NAME = "patients";

    private final VersionedCache cache;

    public PatientCache(VersionedCache cache) {
        this.cache = cache;
    }

    Uni<PatientRead.Current> get(UUID id) {
        return cache.get(NAME, id.toString())
                .map(found -> found == null ? null : new PatientRead.Current(found.json(), found.version()));
    }

    Uni<Void> put(UUID id, PatientRead.Current current) {
        return cache.put(NAME, id.toString(), current.version(), current.json());
    }

    Uni<Void> changed(Patient patient) {
        return cache.changed(NAME, patient.id.toString(), patient.version);
    }
}
