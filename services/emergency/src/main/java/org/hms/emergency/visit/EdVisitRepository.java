package org.hms.emergency.visit;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** ED visits in PostgreSQL. */
@ApplicationScoped
@WithSession
public class EdVisitRepository implements PanacheRepositoryBase<EdVisit, UUID> {

    /** Everyone still in the department (the board sorts them). */
    public Uni<List<EdVisit>> inDepartment() {
        return list("status <> ?1", Sort.by("arrivedAt"), EdVisit.Status.DEPARTED);
    }

    /** The patient's visit still in the department, if any (where a vitals alert is located). */
    public Uni<EdVisit> openVisitOf(UUID patientId) {
        return find("patientId = ?1 and status <> ?2", Sort.by("arrivedAt").descending(), patientId,
                        EdVisit.Status.DEPARTED)
                .firstResult();
    }

    public Uni<List<TriageAssessment>> triageHistory(UUID visitId) {
        return getSession().chain(s -> s.createQuery(
                        "from TriageAssessment where visitId = ?1 order by triagedAt", TriageAssessment.class)
                .setParameter(1, visitId)
                .getResultList());
    }
}
