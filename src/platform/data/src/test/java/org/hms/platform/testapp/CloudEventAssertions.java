package org.hms.platform.testapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.hms.contracts.EventSchemas;

/**
 * Checks an envelope against the contracts' {@code /schemas/cloudevent.json} alone (the test
 * event is not in the catalogue, so {@link EventSchemas#envelopeViolations} would flag its type).
 */
public final class CloudEventAssertions {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private CloudEventAssertions() {}

    public static List<String> envelopeViolations(JsonNode envelope) {
        try (InputStream in = EventSchemas.class.getResourceAsStream("/schemas/cloudevent.json")) {
            return REGISTRY.getSchema(EventSchemas.JSON.readTree(in)).validate(envelope).stream()
                    .map(Error::toString)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
