package org.hms.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.hms.contracts.EventEnvelope;

/** Turns envelopes into the JSON that goes on the wire, and back. */
@ApplicationScoped
public class EventJson {

    private final ObjectMapper mapper;

    public EventJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be serialised", e);
        }
    }

    /** Reads an envelope; a malformed message throws {@link MalformedEventException}. */
    public EventEnvelope read(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty message");
        }
        try {
            EventEnvelope envelope = mapper.readValue(json, EventEnvelope.class);
            if (envelope == null || envelope.id() == null || envelope.type() == null || envelope.data() == null) {
                throw new MalformedEventException("not an HMS event: id, type and data are required");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The payload of an envelope as the record its consumer expects. */
    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("payload of " + envelope.type() + " does not fit " + type.getSimpleName());
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
