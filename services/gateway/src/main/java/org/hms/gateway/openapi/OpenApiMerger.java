package org.hms.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Merges the services' OpenAPI documents into one. Paths are united (each service's own paths
 * only, as the routing table decides); components too, and where two services define one name
 * differently, every one of them is renamed {@code <service>_<Name>} and the service's {@code $ref}s
 * (and security requirements, for security schemes) follow. Renaming can make two definitions
 * that referred to a renamed one differ in turn, so it repeats until nothing new clashes.
 */
public final class OpenApiMerger {

    private static final List<String> SECTIONS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems");
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** One service's document. */
    public record Source(String service, JsonObject document) {}

    private OpenApiMerger() {}

    /**
     * @param info       the merged document's info object
     * @param sources    the documents that could be fetched
     * @param owns       whether a path of a service's document is that service's to serve
     */
    public static JsonObject merge(JsonObject info, List<Source> sources, BiPredicate<String, String> owns) {
        Set<String> renamed = new HashSet<>();
        List<Source> rewritten = sources;
        for (int round = 0; round < 10; round++) {
            Set<String> clashing = clashes(rewritten);
            if (renamed.containsAll(clashing)) {
                break;
            }
            renamed.addAll(clashing);
            Set<String> rename = Set.copyOf(renamed);
            rewritten = sources.stream().map(s -> rewrite(s, rename)).toList();
        }
        return assemble(info, rewritten, owns);
    }

    /** "service|section|name" of every component defined differently by two services. */
    private static Set<String> clashes(List<Source> sources) {
        Map<String, Map<String, Object>> definitions = new HashMap<>();
        for (Source source : sources) {
            forEachComponent(source.document(), (section, name, definition) -> definitions
                    .computeIfAbsent(section + "|" + name, k -> new LinkedHashMap<>())
                    .put(source.service(), definition));
        }
        Set<String> clashing = new HashSet<>();
        definitions.forEach((key, byService) -> {
            Object first = byService.values().iterator().next();
            if (byService.values().stream().anyMatch(definition -> !definition.equals(first))) {
                byService.keySet().forEach(service -> clashing.add(service + "|" + key));
            }
        });
        return clashing;
    }

    private static Source rewrite(Source source, Set<String> renamed) {
        String service = source.service();
        JsonObject document = source.document().copy();
        JsonObject components = document.getJsonObject("components");
        if (components != null) {
            for (String section : SECTIONS) {
                JsonObject entries = components.getJsonObject(section);
                if (entries == null) {
                    continue;
                }
                JsonObject renamedEntries = new JsonObject();
                entries.forEach(e -> renamedEntries.put(
                        renamed.contains(service + "|" + section + "|" + e.getKey()) ? prefixed(service, e.getKey()) : e.getKey(),
                        e.getValue()));
                components.put(section, renamedEntries);
            }
        }
        rewriteRefs(document.getMap(), service, renamed);
        renameSecurity(document.getValue("security"), service, renamed);
        JsonObject paths = document.getJsonObject("paths");
        if (paths != null) {
            paths.forEach(path -> {
                if (path.getValue() instanceof Map<?, ?> item) {
                    item.forEach((method, operation) -> {
                        if (METHODS.contains(String.valueOf(method)) && operation instanceof Map<?, ?> op) {
                            renameSecurity(op.get("security"), service, renamed);
                        }
                    });
                }
            });
        }
        return new Source(service, document);
    }

    @SuppressWarnings("unchecked")
    private static void rewriteRefs(Object node, String service, Set<String> renamed) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> object = (Map<String, Object>) map;
            for (Map.Entry<String, Object> entry : object.entrySet()) {
                if ("$ref".equals(entry.getKey()) && entry.getValue() instanceof String ref) {
                    entry.setValue(rewriteRef(ref, service, renamed));
                } else {
                    rewriteRefs(entry.getValue(), service, renamed);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> rewriteRefs(item, service, renamed));
        } else if (node instanceof JsonObject json) {
            rewriteRefs(json.getMap(), service, renamed);
        } else if (node instanceof JsonArray array) {
            rewriteRefs(array.getList(), service, renamed);
        }
    }

    private static String rewriteRef(String ref, String service, Set<String> renamed) {
        if (!ref.startsWith("#/components/")) {
            return ref;
        }
        String[] parts = ref.substring("#/components/".length()).split("/", 2);
        if (parts.length == 2 && renamed.contains(service + "|" + parts[0] + "|" + parts[1])) {
            return "#/components/" + parts[0] + "/" + prefixed(service, parts[1]);
        }
        return ref;
    }

    @SuppressWarnings("unchecked")
    private static void renameSecurity(Object security, String service, Set<String> renamed) {
        List<Object> requirements = security instanceof JsonArray array ? array.getList()
                : security instanceof List<?> list ? (List<Object>) list : null;
        if (requirements == null) {
            return;
        }
        for (int i = 0; i < requirements.size(); i++) {
            Map<String, Object> requirement = requirements.get(i) instanceof JsonObject json ? json.getMap()
                    : requirements.get(i) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
            if (requirement == null) {
                continue;
            }
            Map<String, Object> renamedRequirement = new LinkedHashMap<>();
            requirement.forEach((scheme, scopes) -> renamedRequirement.put(
                    renamed.contains(service + "|securitySchemes|" + scheme) ? prefixed(service, scheme) : scheme,
                    scopes));
            requirements.set(i, renamedRequirement);
        }
    }

    private static JsonObject assemble(JsonObject info, List<Source> sources, BiPredicate<String, String> owns) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        Map<String, Object> tags = new LinkedHashMap<>();
        List<Object> security = new ArrayList<>();
        String version = "3.0.3";
        for (Source source : sources) {
            JsonObject document = source.document();
            if (source == sources.get(0) && document.getString("openapi") != null) {
                version = document.getString("openapi");
            }
            JsonObject servicePaths = document.getJsonObject("paths", new JsonObject());
            for (String path : servicePaths.fieldNames()) {
                if (!owns.test(source.service(), path)) {
                    continue;
                }
                JsonObject item = servicePaths.getJsonObject(path);
                JsonObject merged = paths.getJsonObject(path);
                if (merged == null) {
                    paths.put(path, item);
                } else {
                    item.forEach(e -> {
                        if (!merged.containsKey(e.getKey())) {
                            merged.put(e.getKey(), e.getValue());
                        }
                    });
                }
            }
            forEachComponent(document, (section, name, definition) -> {
                JsonObject entries = components.getJsonObject(section);
                if (entries == null) {
                    entries = new JsonObject();
                    components.put(section, entries);
                }
                if (!entries.containsKey(name)) {
                    entries.put(name, definition);
                }
            });
            document.getJsonArray("tags", new JsonArray()).forEach(tag -> {
                if (tag instanceof JsonObject t && t.getString("name") != null) {
                    tags.putIfAbsent(t.getString("name"), t);
                } else if (tag instanceof Map<?, ?> m && m.get("name") != null) {
                    tags.putIfAbsent(String.valueOf(m.get("name")), m);
                }
            });
            document.getJsonArray("security", new JsonArray()).forEach(requirement -> {
                if (!security.contains(requirement)) {
                    security.add(requirement);
                }
            });
        }
        JsonObject merged = new JsonObject().put("openapi", version).put("info", info).put("paths", paths);
        if (!components.isEmpty()) {
            merged.put("components", components);
        }
        if (!tags.isEmpty()) {
            merged.put("tags", new JsonArray(new ArrayList<>(tags.values())));
        }
        if (!security.isEmpty()) {
            merged.put("security", new JsonArray(security));
        }
        return merged;
    }

    private interface ComponentVisitor {
        void visit(String section, String name, Object definition);
    }

    private static void forEachComponent(JsonObject document, ComponentVisitor visitor) {
        JsonObject components = document.getJsonObject("components");
        if (components == null) {
            return;
        }
        for (String section : SECTIONS) {
            JsonObject entries = components.getJsonObject(section);
            if (entries != null) {
                entries.forEach(e -> visitor.visit(section, e.getKey(), normalised(e.getValue())));
            }
        }
    }

    /** Maps and JsonObjects of the same content compare equal once both are JsonObjects. */
    @SuppressWarnings("unchecked")
    private static Object normalised(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new JsonObject((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return new JsonArray((List<Object>) list);
        }
        return value;
    }

    private static String prefixed(String service, String name) {
        return service + "_" + name;
    }
}
