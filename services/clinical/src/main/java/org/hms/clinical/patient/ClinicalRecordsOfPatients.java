package org.hms.clinical.patient;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hms.clinical.chart.ChartCache;
import org.hms.clinical.chart.ChartVersions;
import org.hms.platform.patientview.PatientFact;
import org.hms.platform.patientview.PatientViewListener;

/**
 * What clinical does when the patient view changes (in the view's transaction, so once):
 * <ul>
 *   <li>demographics changed: the chart shows them, so its cached copy goes;
 *   <li>merged: the duplicate's records (encounters, vitals, the documented SpO2 scale) move to
 *       the survivor (and conditions, allergies, notes), and both charts' cached copies go;
 *   <li>erased: the medical record is kept (a hospital must keep it; docs/adr/013), the chart's
 *       cached copy goes, and the chart answers 410 from now on since the view holds no
 *       demographics any more.
 * </ul>
 * Dropping a cached chart inside the transaction is safe: the raised version fences out any
 * copy read before the commit.
 */
@ApplicationScoped
public class ClinicalRecordsOfPatients implements PatientViewListener {

    private static final List<String> MOVED_TO_SURVIVOR = List.of(
            "update encounter set patient_id = ?2 where patient_id = ?1",
            "update vitals set patient_id = ?2 where patient_id = ?1",
            "update condition set patient_id = ?2 where patient_id = ?1",
            "update allergy set patient_id = ?2 where patient_id = ?1",
            "update note set patient_id = ?2 where patient_id = ?1",
            "update oxygen_target set patient_id = ?2 where patient_id = ?1"
                    + " and not exists (select 1 from oxygen_target where patient_id = ?2)",
            "delete from oxygen_target where patient_id = ?1");

    private final ChartVersions charts;
    private final ChartCache cache;

    public ClinicalRecordsOfPatients(ChartVersions charts, ChartCache cache) {
        this.charts = charts;
        this.cache = cache;
    }

    @Override
    public Uni<Void> changed(PatientFact patient) {
        return chartChanged(patient.patientId());
    }

    @Override
    public Uni<Void> merged(UUID retiredId, UUID survivorId) {
        Uni<Void> moves = Uni.createFrom().voidItem();
        for (String statement : MOVED_TO_SURVIVOR) {
            moves = moves.chain(() -> Panache.getSession().chain(s -> {
                var query = s.createNativeQuery(statement).setParameter(1, retiredId);
                return (statement.contains("?2") ? query.setParameter(2, survivorId) : query).executeUpdate();
            })).replaceWithVoid();
        }
        return moves.chain(() -> chartChanged(retiredId)).chain(() -> chartChanged(survivorId));
    }

    @Override
    public Uni<Void> erased(UUID patientId) {
        return chartChanged(patientId);
    }

    private Uni<Void> chartChanged(UUID patientId) {
        return charts.raise(patientId).chain(version -> cache.changed(patientId, version));
    }
}
