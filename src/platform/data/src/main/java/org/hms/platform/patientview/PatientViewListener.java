package org.hms.platform.patientview;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * A service's own reactions to changes of its patient view: implement it as an
 * {@code @ApplicationScoped} bean and override what matters. Each method runs in the
 * transaction that changes the view and records the event as processed, so a reaction (and
 * any event it adds to the {@link org.hms.platform.events.Outbox}) happens exactly once, or
 * not at all if it fails. It is called only when the view really changed: never for a
 * redelivered event, nor for one older than what the view holds.
 */
public interface PatientViewListener {

    /** A patient was registered, or their demographics changed. */
    default Uni<Void> changed(PatientFact patient) {
        return Uni.createFrom().voidItem();
    }

    /** {@code retiredId} was a duplicate of {@code survivorId}: what you hold under it belongs to the survivor now. */
    default Uni<Void> merged(UUID retiredId, UUID survivorId) {
        return Uni.createFrom().voidItem();
    }

    /** The patient's personal data was erased: remove or anonymise your own copies. */
    default Uni<Void> erased(UUID patientId) {
        return Uni.createFrom().voidItem();
    }
}
