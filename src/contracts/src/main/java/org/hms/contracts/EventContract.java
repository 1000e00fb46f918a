package org.hms.contracts;

/**
 * What the catalogue says about one event type: its CloudEvents {@code type}, the schema
 * version producers write today, the topic it travels on, the payload record and the JSON
 * Schema (a classpath resource) that every produced payload must satisfy.
 */
public record EventContract(String type, int schemaVersion, String topic, Class<?> payload) {

    /** Classpath location of the JSON Schema of this type's payload. */
    public String schemaResource() {
        return "/schemas/" + type + ".v" + schemaVersion + ".json";
    }

    /** The CloudEvents {@code dataschema} URI, naming type and version. */
    public String dataSchema() {
        return "urn:hms:schema:" + type + ":v" + schemaVersion;
    }
}
