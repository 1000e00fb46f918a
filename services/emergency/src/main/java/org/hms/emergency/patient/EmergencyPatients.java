package org.hms.emergency.patient;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.hms.platform.idempotency.IdempotencyKeys;
import org.hms.platform.patientview.PatientViewListener;

/**
 * The emergency service's reactions to its patient view (hms.patients), in the view's
 * transaction (so once per event). Erased: the free text and descriptions of the patient's
 * visits, triage and alerts go (chief complaint, estimated sex and age, override reasons, alert
 * reasons and locations); the levels and times stay, as the department's operational record,
 * under the pseudonymous id; stored Idempotency-Key responses about them answer 410. Merged: the duplicate's visits and alerts move to the survivor.
 */
@ApplicationScoped
public class EmergencyPatients implements PatientViewListener {

    static final String ERASED = "[erased]";

    private final IdempotencyKeys idempotencyKeys;

    public EmergencyPatients(IdempotencyKeys idempotencyKeys) {
        this.idempotencyKeys = idempotencyKeys;
    }

    @Override
    public Uni<Void> erased(UUID patientId) {
        return update("update ed_visit set chief_complaint = null, unidentified_sex = null,"
                        + " unidentified_age_years = null, esi_override_reason = null, version = version + 1"
                        + " where patient_id = ?1", patientId)
                .chain(() -> update("update triage_assessment set override_reason = null, inputs = '{}'::jsonb"
                        + " where visit_id in (select id from ed_visit where patient_id = ?1)", patientId))
                .chain(() -> update("update alert set reason = '" + ERASED + "', location = '" + ERASED + "',"
                        + " version = version + 1 where patient_id = ?1", patientId))
                // a retried arrival must not replay the complaint it answered with
                .chain(() -> idempotencyKeys.forgetPatient(patientId))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> merged(UUID retiredId, UUID survivorId) {
        return update("update ed_visit set patient_id = ?2, version = version + 1 where patient_id = ?1", retiredId,
                        survivorId)
                .chain(() -> update("update alert set patient_id = ?2, version = version + 1 where patient_id = ?1",
                        retiredId, survivorId));
    }

    private static Uni<Void> update(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
