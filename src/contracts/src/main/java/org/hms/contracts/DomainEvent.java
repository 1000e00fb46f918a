package org.hms.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A payload that can travel as an HMS event. Each record names the subject (aggregate id)
 * that becomes the Kafka key, so one aggregate's events stay in order; its contract (type,
 * version, topic, schema) comes from the {@link EventCatalog}.
 */
public interface DomainEvent {

    /** The catalogue entry of this event's type; events outside the catalogue override it. */
    @JsonIgnore
    default EventContract contract() {
        return EventCatalog.of(getClass());
    }

    String subject();
}
