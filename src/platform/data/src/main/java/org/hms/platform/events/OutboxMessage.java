package org.hms.platform.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One pending or sent event in the service's outbox table. */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    @Id
    public UUID id;

    public String topic;

    @Column(name = "message_key")
    public String key;

    public String type;

    /** The whole CloudEvents JSON, exactly as it will be published. */
    public String envelope;

    @Column(name = "created_at")
    public Instant createdAt;
}
