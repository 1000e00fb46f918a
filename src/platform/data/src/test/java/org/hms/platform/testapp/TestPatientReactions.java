package org.hms.platform.testapp;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.hms.platform.patientview.PatientViewListener;

/**
 * The test application's reactions to its patient view: one {@code test_patient_reaction}
 * row per merge or erasure, written in the view's transaction.
 */
@ApplicationScoped
public class TestPatientReactions implements PatientViewListener {

    @Override
    public Uni<Void> merged(UUID retiredId, UUID survivorId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "insert into test_patient_reaction (kind, patient_id, survivor_id) values ('merged', ?1, ?2)")
                        .setParameter(1, retiredId)
                        .setParameter(2, survivorId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> erased(UUID patientId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "insert into test_patient_reaction (kind, patient_id) values ('erased', ?1)")
                        .setParameter(1, patientId)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
