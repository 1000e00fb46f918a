package org.hms.clinical.vitals;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Sets of vitals in PostgreSQL. */
@ApplicationScoped
@WithSession
public class VitalsRepository implements PanacheRepositoryBase<Vitals, UUID> {

    /** One page of a patient's sets, newest first. */
    public Uni<List<Vitals>> ofPatient(UUID patientId, int page, int size) {
        return find("#Vitals.ofPatient", patientId).page(Page.of(page, size)).list();
    }

    public Uni<Long> countOfPatient(UUID patientId) {
        return count("#Vitals.countOfPatient", patientId);
    }

    /** The patient's most recent set, or null. */
    public Uni<Vitals> latest(UUID patientId) {
        return find("#Vitals.ofPatient", patientId).firstResult();
    }

    /** The SpO2 scale documented for the patient, or null (scale 1 only). */
    public Uni<Spo2Scale> documentedScale(UUID patientId) {
        return getSession().chain(s -> s.find(Spo2Scale.class, patientId));
    }
}
