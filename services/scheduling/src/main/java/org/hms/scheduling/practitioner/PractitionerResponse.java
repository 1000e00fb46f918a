package org.hms.scheduling.practitioner;

import java.util.UUID;
import org.hms.scheduling.practitioner.PractitionerRequests.PersonName;

/** A practitioner as clients see it; {@code version} is also the ETag. */
public record PractitionerResponse(UUID id, PersonName name, String specialty, UUID userId,
        String timeZone, long version) {

    static PractitionerResponse of(Practitioner p) {
        return new PractitionerResponse(p.id, p.name, p.specialty, p.userId,
                p.availability == null ? null : p.availability.timeZone(), p.version);
    }
}
