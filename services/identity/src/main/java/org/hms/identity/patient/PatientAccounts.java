package org.hms.identity.patient;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.hms.identity.user.UserService;
import org.hms.platform.patientview.PatientViewListener;

/**
 * Identity's reactions to its patient view (hms.patients): an erased patient's accounts are
 * disabled; a merged patient's accounts follow the survivor. Each runs in the view's
 * transaction, so it happens once per event, together with the view's change.
 */
@ApplicationScoped
public class PatientAccounts implements PatientViewListener {

    private final UserService users;

    public PatientAccounts(UserService users) {
        this.users = users;
    }

    @Override
    public Uni<Void> erased(UUID patientId) {
        return users.disablePatientAccounts(patientId);
    }

    @Override
    public Uni<Void> merged(UUID retiredId, UUID survivorId) {
        return users.followMerge(retiredId, survivorId);
    }
}
