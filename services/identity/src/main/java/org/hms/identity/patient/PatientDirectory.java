package org.hms.identity.patient;

import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hms.identity.config.IdentityConfig;
import jakarta.ws.rs.core.Response;

/**
 * Asks the patients service whether a patient exists and is active right now (ARCHITECTURE.md
 * rule 2: a REST call because the fact must be current). Owns the call's fault tolerance: a
 * timeout per attempt, retries of failures (never of answers: 404, 410 and 301 are answers),
 * the circuit breaker {@value #BREAKER} that stops asking a service that keeps failing, and the
 * fallback {@link PatientStatus.Unavailable}, whose Retry-After comes from
 * {@code hms.identity.patients.retry-after}. The annotation values are the production ones;
 * each environment may change them with
 * {@code quarkus.fault-tolerance."org.hms.identity.patient.PatientDirectory/status".<strategy>.<property>}
 * (the tests do). The caller's own token is passed on: patients audits the read as theirs.
 */
@ApplicationScoped
public class PatientDirectory {

    /** The circuit breaker's name, e.g. for CircuitBreakerMaintenance and metrics. */
    public static final String BREAKER = "patients";

    private final PatientsApi patients;
    private final IdentityConfig.Patients config;

    public PatientDirectory(@RestClient PatientsApi patients, IdentityConfig config) {
        this.patients = patients;
        this.config = config.patients();
    }

    @Timeout(2_000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
    @CircuitBreakerName(BREAKER)
    @Fallback(fallbackMethod = "unavailable")
    public Uni<PatientStatus> status(UUID patientId, String bearerToken) {
        return patients.read(patientId, "Bearer " + bearerToken)
                .map(response -> status(patientId, response))
                .onFailure(NoSuchPatientException.class)
                .recoverWithItem(answer -> ((NoSuchPatientException) answer).status() == 410
                        ? new PatientStatus.Erased(patientId)
                        : new PatientStatus.Unknown(patientId));
    }

    /** The fallback: the patients service is down, slow or failing, or the breaker is open. */
    Uni<PatientStatus> unavailable(UUID patientId, String bearerToken, Throwable failure) {
        Log.warnf("patients service unavailable for a patient check (%s): %s", failure.getClass().getSimpleName(),
                failure.getMessage());
        return Uni.createFrom().item(new PatientStatus.Unavailable(patientId, config.retryAfter().toSeconds()));
    }

    private static PatientStatus status(UUID patientId, Response response) {
        return switch (response.getStatus()) {
            case 200 -> new PatientStatus.Active(patientId, response.readEntity(PatientRecord.class).mrn());
            case 301 -> new PatientStatus.Merged(patientId, response.readEntity(PatientRecord.class).mergedInto());
            default -> throw new PatientsUnavailableException("patients answered " + response.getStatus());
        };
    }
}
