package org.hms.identity.patient;

/**
 * The patients service answered that it has no such patient (404) or no longer has their data
 * (410): an answer, so {@link PatientDirectory} turns it into a status and never retries it.
 */
final class NoSuchPatientException extends RuntimeException {

    private final int status;

    NoSuchPatientException(int status) {
        super("patients answered " + status, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
