package org.hms.systemtests.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Values generated from the document's schemas: valid ones (every constraint respected; optional
 * properties now and then) and, from a valid value, invalid variants that each break one thing the
 * schema says (a required property missing, another JSON type, too long, too short, a pattern, an
 * enum, a format, a bound, an item count).
 */
final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

    /** One invalid variant: what it breaks and the whole value with the break in it. */
    record Variant(String breaks, JsonNode value) {}

    private final ApiDocument document;
    private final Random random;

    SchemaValues(ApiDocument document, Random random) {
        this.document = document;
        this.random = random;
    }

    static Set<String> types(JsonNode schema) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        if (schema.path("nullable").asBoolean(false)) {
            types.add("null");
        }
        return types;
    }

    private static String mainType(JsonNode schema) {
        return types(schema).stream().filter(t -> !t.equals("null")).findFirst()
                .orElse(schema.has("properties") ? "object" : schema.has("items") ? "array" : "string");
    }

    /** A valid value, or null when none could be made (an unsupported pattern, say). */
    JsonNode valid(JsonNode schemaOrRef) {
        return valid(schemaOrRef, 0);
    }

    private JsonNode valid(JsonNode schemaOrRef, int depth) {
        JsonNode schema = document.resolve(schemaOrRef);
        if (depth > 8) {
            return null;
        }
        for (String choice : List.of("anyOf", "oneOf", "allOf")) {
            if (schema.has(choice) && schema.get(choice).size() > 0 && !schema.has("type")) {
                return valid(schema.get(choice).get(0), depth + 1);
            }
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        return switch (mainType(schema)) {
            case "string" -> string(schema);
            case "integer" -> {
                long lo = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
                long hi = schema.has("maximum") ? schema.get("maximum").asLong() : lo + 50;
                yield LongNode.valueOf(lo + (long) random.nextInt((int) Math.min(hi - lo, 50) + 1));
            }
            case "number" -> NODES.numberNode(random.nextInt(50) + 0.5);
            case "boolean" -> BooleanNode.valueOf(random.nextBoolean());
            case "array" -> {
                int min = schema.path("minItems").asInt(0);
                int max = Math.min(schema.path("maxItems").asInt(min + 2), min + 2);
                ArrayNode items = NODES.arrayNode();
                int count = min + random.nextInt(max - min + 1);
                for (int i = 0; i < count; i++) {
                    JsonNode item = valid(schema.path("items"), depth + 1);
                    if (item == null) {
                        yield min == 0 ? NODES.arrayNode() : null;
                    }
                    items.add(item);
                }
                yield items;
            }
            case "object" -> object(schema, depth);
            default -> null;
        };
    }

    private JsonNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (String name : ApiDocument.fieldNames(schema.path("properties"))) {
            boolean needed = required.contains(name);
            if (!needed && random.nextInt(10) < 4) {
                continue;
            }
            JsonNode value = valid(schema.get("properties").get(name), depth + 1);
            if (value == null) {
                if (needed) {
                    return null;
                }
                continue;
            }
            object.set(name, value);
        }
        return object;
    }

    private JsonNode string(JsonNode schema) {
        int min = schema.path("minLength").asInt(1);
        int max = schema.path("maxLength").asInt(Math.max(min, 1) + 10);
        String format = schema.path("format").asText("");
        String value = switch (format) {
            case "date" -> LocalDate.of(1930 + random.nextInt(80), 1 + random.nextInt(12), 1 + random.nextInt(28))
                    .toString();
            case "date-time" -> Instant.ofEpochSecond(1_500_000_000L + random.nextInt(100_000_000)).toString();
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            case "email" -> letters(6) + "@example.org";
            case "uri" -> "https://example.org/" + letters(5);
            default -> null;
        };
        if (value != null) {
            return TextNode.valueOf(value);
        }
        if (schema.has("pattern")) {
            Pattern pattern = Pattern.compile(schema.get("pattern").asText());
            for (int attempt = 0; attempt < 30; attempt++) {
                String candidate;
                try {
                    candidate = RegexSample.of(pattern.pattern(), random);
                } catch (RuntimeException e) {
                    return null;
                }
                // a lone "\S" (Bean Validation's @NotBlank) says little: make it a word
                if (candidate.length() < min || candidate.length() == 1) {
                    candidate = candidate + letters(Math.max(min - candidate.length(), 5));
                }
                if (candidate.length() > max) {
                    candidate = candidate.substring(0, max);
                }
                if (pattern.matcher(candidate).matches() || (pattern.pattern().equals("\\S")
                        && !candidate.isBlank())) {
                    return TextNode.valueOf(candidate);
                }
            }
            return null;
        }
        int length = Math.max(min, Math.min(max, min + 4 + random.nextInt(8)));
        return TextNode.valueOf(letters(length));
    }

    private String letters(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(LOWER.charAt(random.nextInt(LOWER.length())));
        }
        return out.toString();
    }

    /** Invalid variants of {@code valid}, each breaking one constraint of {@code schemaOrRef}. */
    List<Variant> invalid(JsonNode schemaOrRef, JsonNode valid) {
        List<Variant> variants = new ArrayList<>();
        walk(schemaOrRef, valid, valid, new ArrayList<>(), variants);
        return variants;
    }

    private void walk(JsonNode schemaOrRef, JsonNode value, JsonNode whole, List<Object> path, List<Variant> out) {
        JsonNode schema = document.resolve(schemaOrRef);
        String at = path.isEmpty() ? "body" : render(path);
        if (schema.has("enum")) {
            out.add(variant(whole, path, TextNode.valueOf("zz-not-listed"), at + " not in its enum"));
            return;
        }
        switch (mainType(schema)) {
            case "object" -> {
                out.add(variant(whole, path, TextNode.valueOf("not an object"), at + " of another type"));
                schema.path("required").forEach(r -> {
                    List<Object> p = new ArrayList<>(path);
                    p.add(r.asText());
                    out.add(variant(whole, p, null, render(p) + " missing"));
                });
                if (value != null && value.isObject()) {
                    for (String name : ApiDocument.fieldNames(value)) {
                        JsonNode property = schema.path("properties").get(name);
                        if (property != null) {
                            List<Object> p = new ArrayList<>(path);
                            p.add(name);
                            walk(property, value.get(name), whole, p, out);
                        }
                    }
                }
            }
            case "array" -> {
                out.add(variant(whole, path, TextNode.valueOf("not an array"), at + " of another type"));
                if (schema.has("maxItems") && value != null && value.size() > 0) {
                    ArrayNode tooMany = NODES.arrayNode();
                    for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                        tooMany.add(value.get(0).deepCopy());
                    }
                    out.add(variant(whole, path, tooMany, at + " above maxItems"));
                }
                if (schema.path("minItems").asInt(0) > 0) {
                    out.add(variant(whole, path, NODES.arrayNode(), at + " below minItems"));
                }
                if (value != null && value.size() > 0) {
                    List<Object> p = new ArrayList<>(path);
                    p.add(0);
                    walk(schema.path("items"), value.get(0), whole, p, out);
                }
            }
            case "string" -> {
                out.add(variant(whole, path, BooleanNode.TRUE, at + " of another type"));
                for (Variant broken : brokenStrings(schema, at)) {
                    out.add(variant(whole, path, broken.value(), broken.breaks()));
                }
            }
            case "integer", "number" -> {
                out.add(variant(whole, path, TextNode.valueOf("not-a-number"), at + " of another type"));
                if (schema.has("maximum")) {
                    out.add(variant(whole, path, LongNode.valueOf(schema.get("maximum").asLong() + 1),
                            at + " above maximum"));
                }
                if (schema.has("minimum")) {
                    out.add(variant(whole, path, LongNode.valueOf(schema.get("minimum").asLong() - 1),
                            at + " below minimum"));
                }
            }
            case "boolean" -> out.add(variant(whole, path, TextNode.valueOf("maybe"), at + " of another type"));
            default -> {}
        }
    }

    /** Strings that break one of the string constraints of {@code schema} (as the document reads them). */
    List<Variant> brokenStrings(JsonNode schemaOrRef, String at) {
        JsonNode schema = document.resolve(schemaOrRef);
        List<Variant> broken = new ArrayList<>();
        if (schema.has("enum")) {
            broken.add(new Variant(at + " not in its enum", TextNode.valueOf("zz-not-listed")));
        }
        if (schema.has("maxLength")) {
            broken.add(new Variant(at + " above maxLength",
                    TextNode.valueOf("a".repeat(schema.get("maxLength").asInt() + 1))));
        }
        if (schema.path("minLength").asInt(0) > 0) {
            broken.add(new Variant(at + " below minLength",
                    TextNode.valueOf("a".repeat(schema.get("minLength").asInt() - 1))));
        }
        if (schema.has("pattern")) {
            Pattern pattern = Pattern.compile(schema.get("pattern").asText());
            for (String candidate : List.of(" ", "~", "!!", "A", "0", "a b", "zz")) {
                if (!pattern.matcher(candidate).find()) {
                    broken.add(new Variant(at + " not matching its pattern", TextNode.valueOf(candidate)));
                    break;
                }
            }
        }
        String format = schema.path("format").asText("");
        String bad = switch (format) {
            case "date" -> "2999-99-99";
            case "date-time" -> "yesterday";
            case "uuid" -> "not-a-uuid";
            default -> null;
        };
        if (bad != null) {
            broken.add(new Variant(at + " not a " + format, TextNode.valueOf(bad)));
        }
        return broken;
    }

    private static Variant variant(JsonNode whole, List<Object> path, JsonNode replacement, String breaks) {
        if (path.isEmpty()) {
            return new Variant(breaks, replacement);
        }
        JsonNode copy = whole.deepCopy();
        JsonNode parent = copy;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            if (replacement == null) {
                object.remove((String) last);
            } else {
                object.set((String) last, replacement);
            }
        } else if (parent instanceof ArrayNode array && last instanceof Integer index) {
            array.set(index, replacement == null ? NODES.nullNode() : replacement);
        }
        return new Variant(breaks, copy);
    }

    private static String render(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                out.append(out.length() > 0 ? "." : "").append(step);
            }
        }
        return out.toString();
    }
}
