package org.hms.systemtests.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** An OpenAPI 3.x document as JSON: its operations, with {@code $ref}s followed on demand. */
final class ApiDocument {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final JsonNode root;

    ApiDocument(JsonNode root) {
        this.root = root;
    }

    static ApiDocument parse(String json) {
        try {
            return new ApiDocument(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** One operation: where it is and what it says. */
    record Operation(String method, String path, JsonNode node) {

        String id() {
            return node.path("operationId").asText(method.toUpperCase() + " " + path);
        }

        /** The roles the operation's security requirement names; empty when no token is needed. */
        List<String> roles() {
            List<String> roles = new ArrayList<>();
            node.path("security").forEach(requirement -> requirement.properties()
                    .forEach(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
            return roles;
        }

        boolean secured() {
            return node.path("security").size() > 0;
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " (" + id() + ")";
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").properties().forEach(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.add(new Operation(method, path.getKey(), operation));
                }
            }
        });
        return operations;
    }

    /** {@code node} itself, or what its {@code $ref} points at (followed to the end). */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("external $ref " + ref);
            }
            JsonNode target = root;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("dangling $ref " + ref);
            }
            current = target;
        }
        return current;
    }

    /** The operation's parameters, resolved. */
    List<JsonNode> parameters(Operation operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.node().path("parameters").forEach(p -> parameters.add(resolve(p)));
        return parameters;
    }

    /** Names of a JSON object's fields, in order. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            names.add(it.next().getKey());
        }
        return names;
    }
}
