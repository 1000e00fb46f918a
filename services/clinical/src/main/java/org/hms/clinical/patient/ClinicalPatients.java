package org.hms.clinical.patient;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.hms.platform.patientview.PatientFact;
import org.hms.platform.patientview.PatientView;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;

/**
 * The patients clinical records are written for, as its patient view knows them: a record is
 * written only for a patient the view holds as active; a merged id is followed to its survivor.
 */
@ApplicationScoped
public class ClinicalPatients {

    private final PatientView view;

    public ClinicalPatients(PatientView view) {
        this.view = view;
    }

    /**
     * The active patient {@code id} stands for (the survivor of a merge); 400 naming
     * {@code field} when the view does not know them (yet), 410 when they were erased.
     */
    public Uni<PatientFact> requireActive(UUID id, String field) {
        return view.find(id).map(fact -> {
            if (fact == null) {
                throw ProblemException.badRequest(field, "is not a patient known to clinical");
            }
            if (fact.status() == PatientFact.Status.ERASED) {
                throw new ProblemException(Problem.of("patient-erased", "Gone", 410,
                        "the personal data of patient " + id + " was erased"));
            }
            return fact;
        });
    }

    /** The patient as the view knows them, or a 404 when it does not. */
    public Uni<PatientFact> find(UUID id) {
        return view.find(id).onItem().ifNull().failWith(() -> ProblemException.notFound("patient", id));
    }
}
