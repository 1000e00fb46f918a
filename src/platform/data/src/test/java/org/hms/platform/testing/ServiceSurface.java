package org.hms.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What ops and client developers rely on in every service: readiness and liveness, and an OpenAPI
 * document with bearer security. A service's test extends this under {@code @QuarkusTest} and adds
 * its own metrics. Which endpoints the document lists is checked once for all services, against
 * docs/authorization-matrix.md, by src/system-tests.
 */
public abstract class ServiceSurface {

    @Test
    void readinessAndLivenessAreUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiIsServedWithBearerSecurity() {
        given().accept("application/json").get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.keySet()", not(empty()))
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"))
                .body("components.securitySchemes.SecurityScheme.bearerFormat", notNullValue());
    }

    /**
     * What a generated client needs (CONVENTIONS.md): each operation named, each success body
     * typed, each error a Problem as application/problem+json. Lists every gap at once.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsNamedTypedAndDeclaresItsProblems() {
        String document = given().accept("application/json").get("/q/openapi").asString();
        writeForReaders(document);
        Map<String, Map<String, Map<String, Object>>> paths = JsonPath.from(document).getMap("paths");
        List<String> gaps = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            String name = method.toUpperCase(Locale.ROOT) + " " + path;
            Object id = operation.get("operationId");
            if (!(id instanceof String text) || text.isBlank()) {
                gaps.add(name + ": no operationId");
            } else if (!operationIds.add(text)) {
                gaps.add(name + ": operationId " + text + " is used twice");
            }
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.forEach((status, response) -> {
                Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.get("content");
                if (status.startsWith("2") && !status.equals("204")
                        && (content == null || content.values().stream().anyMatch(m -> m.get("schema") == null))) {
                    gaps.add(name + " " + status + ": no typed body");
                }
                if ((status.startsWith("4") || status.startsWith("5")) && (content == null
                        || !content.keySet().equals(Set.of("application/problem+json"))
                        || !String.valueOf(((Map<String, Object>) content.get("application/problem+json").get("schema"))
                                .get("$ref")).equals("#/components/schemas/Problem"))) {
                    gaps.add(name + " " + status + ": not a Problem as application/problem+json");
                }
            });
            for (String standard : List.of("400", "401", "403", "429", "500")) {
                if (!responses.containsKey(standard)) {
                    gaps.add(name + ": " + standard + " not declared");
                }
            }
        }));
        assertThat(gaps).isEmpty();
    }

    /** target/openapi.json: the document as this build serves it, to read or diff. */
    private static void writeForReaders(String document) {
        try {
            Files.writeString(Path.of("target", "openapi.json"), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
