package org.hms.systemtests.authorization;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One operation of an OpenAPI document: a method on a path template. */
public record Operation(String method, String path) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    public String key() {
        return AuthorizationMatrix.Rule.key(method, path);
    }

    /** Every operation of an OpenAPI document (JSON), in document order. */
    public static List<Operation> allOf(String openApiJson) {
        Map<String, Map<String, Object>> paths = JsonPath.from(openApiJson).getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> operations.add(new Operation(method.toUpperCase(), path))));
        return operations;
    }
}
