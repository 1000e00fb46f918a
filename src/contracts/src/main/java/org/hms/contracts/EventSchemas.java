package org.hms.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks event JSON against the catalogue's schemas. Used by the tests of producers and
 * consumers (json-schema-validator is an optional dependency: add it in test scope).
 */
public final class EventSchemas {

    /** Writes dates and instants as ISO-8601 strings, as the services do. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /** The schema violations of an event's payload; empty when it is valid. */
    public static List<String> violations(EventContract contract, JsonNode data) {
        return messages(schema(contract.schemaResource()).validate(data));
    }

    /** The violations of a whole envelope, its attributes and its payload. */
    public static List<String> envelopeViolations(JsonNode envelope) {
        List<String> found = new ArrayList<>(messages(schema("/schemas/cloudevent.json").validate(envelope)));
        String type = envelope.path("type").asText();
        EventCatalog.byType(type)
                .ifPresentOrElse(
                        c -> found.addAll(violations(c, envelope.path("data"))),
                        () -> found.add("type " + type + " is not in the event catalogue"));
        return found;
    }

    /** The {@code examples} a schema carries: what every consumer must accept. */
    public static List<JsonNode> examples(EventContract contract) {
        List<JsonNode> out = new ArrayList<>();
        read(contract.schemaResource()).path("examples").forEach(out::add);
        return out;
    }

    private static Schema schema(String resource) {
        return REGISTRY.getSchema(read(resource));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema at " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    private EventSchemas() {}
}
