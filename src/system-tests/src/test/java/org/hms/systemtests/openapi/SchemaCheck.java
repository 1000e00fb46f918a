package org.hms.systemtests.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Whether a JSON value matches a schema of the document: types, required and declared
 * properties, enums, formats (date, date-time, uuid), patterns (searched, as JSON Schema reads
 * them), lengths, bounds and item counts, allOf/anyOf/oneOf. A null for a property that is not
 * required counts as absent (generated clients read it so).
 */
final class SchemaCheck {

    private final ApiDocument document;

    SchemaCheck(ApiDocument document) {
        this.document = document;
    }

    /** Every way {@code value} differs from {@code schema}; empty when it matches. */
    List<String> problems(JsonNode value, JsonNode schema) {
        List<String> found = new ArrayList<>();
        check(value, schema, "$", found);
        return found;
    }

    private void check(JsonNode value, JsonNode schemaOrRef, String at, List<String> found) {
        JsonNode schema = document.resolve(schemaOrRef);
        if (schema == null || schema.isBoolean() || schema.isEmpty()) {
            return;
        }
        schema.path("allOf").forEach(part -> check(value, part, at, found));
        for (String choice : List.of("anyOf", "oneOf")) {
            if (schema.has(choice)) {
                boolean any = false;
                for (JsonNode option : schema.get(choice)) {
                    List<String> attempt = new ArrayList<>();
                    check(value, option, at, attempt);
                    any |= attempt.isEmpty();
                }
                if (!any) {
                    found.add(at + ": matches none of " + choice);
                }
            }
        }
        Set<String> types = SchemaValues.types(schema);
        if (value.isNull()) {
            if (!types.isEmpty() && !types.contains("null")) {
                found.add(at + ": null where " + types + " is declared");
            }
            return;
        }
        if (!types.isEmpty() && types.stream().noneMatch(t -> isType(value, t))) {
            found.add(at + ": " + value.getNodeType() + " where " + types + " is declared");
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            found.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isTextual()) {
            text(value.asText(), schema, at, found);
        } else if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                found.add(at + ": " + value + " is below the minimum");
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                found.add(at + ": " + value + " is above the maximum");
            }
        } else if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                found.add(at + ": fewer items than minItems");
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                found.add(at + ": more items than maxItems");
            }
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.path("items"), at + "[" + i + "]", found);
            }
        } else if (value.isObject()) {
            object(value, schema, at, found);
        }
    }

    private void object(JsonNode value, JsonNode schema, String at, List<String> found) {
        JsonNode properties = schema.path("properties");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (String name : required) {
            if (!value.has(name) || value.get(name).isNull()) {
                found.add(at + "." + name + ": required but absent");
            }
        }
        for (String name : ApiDocument.fieldNames(value)) {
            JsonNode property = properties.get(name);
            JsonNode field = value.get(name);
            if (property != null) {
                if (!(field.isNull() && !required.contains(name))) {
                    check(field, property, at + "." + name, found);
                }
            } else if (schema.path("additionalProperties").isBoolean()
                    && !schema.get("additionalProperties").asBoolean()) {
                found.add(at + "." + name + ": not a declared property");
            } else if (schema.path("additionalProperties").isObject()) {
                check(field, schema.get("additionalProperties"), at + "." + name, found);
            }
        }
    }

    private static void text(String text, JsonNode schema, String at, List<String> found) {
        if (schema.has("minLength") && text.codePointCount(0, text.length()) < schema.get("minLength").asInt()) {
            found.add(at + ": shorter than minLength");
        }
        if (schema.has("maxLength") && text.codePointCount(0, text.length()) > schema.get("maxLength").asInt()) {
            found.add(at + ": longer than maxLength");
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            found.add(at + ": \"" + text + "\" does not match " + schema.get("pattern").asText());
        }
        String format = schema.path("format").asText("");
        try {
            switch (format) {
                case "date" -> LocalDate.parse(text);
                case "date-time" -> OffsetDateTime.parse(text);
                case "uuid" -> UUID.fromString(text);
                default -> {}
            }
        } catch (RuntimeException e) {
            found.add(at + ": \"" + text + "\" is not a " + format);
        }
    }

    static boolean isType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode v : values) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
