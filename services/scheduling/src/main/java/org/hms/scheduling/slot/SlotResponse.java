package org.hms.scheduling.slot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A free slot: a practitioner, when it starts, how long it lasts. */
public record SlotResponse(UUID practitionerId, Instant start, int minutes) {

    /** The free slots of a range, earliest first, with their number. */
    public record SlotList(List<SlotResponse> items, long total) {}
}
