package org.hms.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hms.platform.problem.ProblemException;

/**
 * The rule that a patient reaches only their own record. Staff roles are checked by
 * {@code @RolesAllowed}; this adds the per-record check for tokens that are only a patient's.
 */
@ApplicationScoped
public class PatientAccess {

    /** Throws 403 when {@code identity} is a patient other than {@code patientId}. */
    public void requireSelfOrStaff(SecurityIdentity identity, UUID patientId) {
        if (isOnlyPatient(identity) && !ownPatientId(identity).map(patientId::equals).orElse(false)) {
            throw ProblemException.forbidden("a patient may only reach their own record");
        }
    }

    /** True for a token that holds the patient role and no staff role. */
    public boolean isOnlyPatient(SecurityIdentity identity) {
        return identity.hasRole(Roles.PATIENT) && Roles.STAFF.stream().noneMatch(identity::hasRole);
    }

    /** The patient id a patient's token carries. */
    public Optional<UUID> ownPatientId(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(Roles.PATIENT_ID_CLAIM);
        try {
            return claim == null ? Optional.empty() : Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
