package org.hms.identity.patient;

/** The patients service did not answer usefully (down, slow, 5xx, or refused identity's call). */
class PatientsUnavailableException extends RuntimeException {

    PatientsUnavailableException(String message) {
        super(message);
    }
}
