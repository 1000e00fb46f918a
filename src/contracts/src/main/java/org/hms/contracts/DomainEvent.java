package org.hms.contracts;

/**
 * A payload that can travel as an HMS event. Each record names its contract and the
 * subject (aggregate id) that becomes the Kafka key, so one aggregate's events stay in order.
 */
public interface DomainEvent {

    EventContract contract();

    String subject();
}
