package org.hms.patients.patient;

import java.util.List;
import org.hms.contracts.patients.Identifier;

/**
 * A patient's identifiers as stored in the {@code identifiers} jsonb column:
 * {@code {"items": [{"system": ..., "value": ...}]}} (Hibernate Reactive maps JSON objects,
 * not bare arrays). Searched by containment, which the GIN index serves.
 */
public record Identifiers(List<Identifier> items) {

    public Identifiers {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The containment pattern matching patients that hold {@code identifier}'s JSON. */
    static String containing(String identifierJson) {
        return "{\"items\":[" + identifierJson + "]}";
    }
}
