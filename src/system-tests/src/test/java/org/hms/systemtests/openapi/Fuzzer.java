package org.hms.systemtests.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;
import org.hms.systemtests.openapi.ApiDocument.Operation;
import org.hms.systemtests.openapi.SchemaValues.Variant;

/**
 * Calls every operation of one OpenAPI document with requests generated from it: valid ones
 * (every constraint respected, a token of a role the operation allows) and invalid ones (each
 * constraint of the body and parameters broken in turn, a required parameter or the body left out,
 * a malformed path id, another content type, no token). Each answer must be declared for the
 * operation (status, content type, body schema) and never 5xx; an invalid request must be refused
 * (4xx). Deterministic for a seed.
 */
final class Fuzzer {

    /** What the fuzzer needs of the running system: tokens and ids that exist. */
    interface Fixtures {
        /** A bearer token of one of {@code roles}. */
        String token(List<String> roles);

        /** An existing id for the path parameter {@code name} of {@code path}, or null for a random one. */
        String existingId(String path, String name);
    }

    record Report(String service, int requests, int valid, int validAnswered2xx, int invalid, int serverErrors,
            List<String> mismatches) {

        String summary() {
            return String.format(Locale.ROOT, "%-9s %4d requests (%d valid, %d of them 2xx; %d invalid): %d 5xx,"
                    + " %d mismatches", service, requests, valid, validAnswered2xx, invalid, serverErrors,
                    mismatches.size());
        }
    }

    private static final int VALID_PER_OPERATION = 4;
    private static final int INVALID_BODIES_PER_OPERATION = 12;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String service;
    private final String baseUrl;
    private final ApiDocument document;
    private final SchemaCheck check;
    private final SchemaValues values;
    private final Random random;
    private final Fixtures fixtures;
    private final List<String> mismatches = new ArrayList<>();
    private int requests;
    private int valid;
    private int valid2xx;
    private int invalid;
    private int serverErrors;

    Fuzzer(String service, String baseUrl, ApiDocument document, Fixtures fixtures, long seed) {
        this.service = service;
        this.baseUrl = baseUrl;
        this.document = document;
        this.check = new SchemaCheck(document);
        this.random = new Random(seed);
        this.values = new SchemaValues(document, random);
        this.fixtures = fixtures;
    }

    /** A request to send. */
    private record Call(Operation operation, String path, Map<String, String> query, Map<String, String> headers,
            String contentType, String body, String token, String breaks) {}

    /** Valid requests for every operation. */
    void validPhase() {
        for (Operation operation : document.operations()) {
            for (int i = 0; i < VALID_PER_OPERATION; i++) {
                Call call = validCall(operation);
                if (call != null) {
                    send(call);
                }
            }
        }
    }

    /** Invalid requests for every operation. */
    void invalidPhase() {
        for (Operation operation : document.operations()) {
            Call base = validCall(operation);
            if (base == null) {
                continue;
            }
            invalidCalls(operation, base).forEach(this::send);
        }
    }

    Report report() {
        return new Report(service, requests, valid, valid2xx, invalid, serverErrors, List.copyOf(mismatches));
    }

    private Call validCall(Operation operation) {
        Map<String, String> pathParams = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : document.parameters(operation)) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            boolean required = parameter.path("required").asBoolean(false) || in.equals("path");
            if (!required && random.nextBoolean()) {
                continue;
            }
            String existing = in.equals("path") && random.nextInt(4) > 0 ? fixtures.existingId(operation.path(), name)
                    : null;
            JsonNode value = existing != null ? TextNode.valueOf(existing) : values.valid(parameter.path("schema"));
            if (value == null) {
                if (required) {
                    return null;
                }
                continue;
            }
            String text = value.isTextual() ? value.asText() : value.toString();
            switch (in) {
                case "path" -> pathParams.put(name, text);
                case "query" -> query.put(name, text);
                case "header" -> headers.put(name, name.equalsIgnoreCase("If-Match") ? "\"" + random.nextInt(3) + "\""
                        : text);
                default -> {}
            }
        }
        String contentType = null;
        String body = null;
        JsonNode content = operation.node().path("requestBody").path("content");
        if (!content.isMissingNode() && content.size() > 0) {
            contentType = content.has("application/json") ? "application/json" : ApiDocument.fieldNames(content).get(0);
            JsonNode generated = values.valid(content.get(contentType).path("schema"));
            if (generated == null) {
                return null;
            }
            body = encode(contentType, generated);
        }
        return new Call(operation, fill(operation.path(), pathParams), query, headers, contentType, body,
                operation.secured() ? fixtures.token(operation.roles()) : null, null);
    }

    private List<Call> invalidCalls(Operation operation, Call base) {
        List<Call> calls = new ArrayList<>();
        JsonNode content = operation.node().path("requestBody").path("content");
        if (base.body() != null) {
            JsonNode schema = content.get(base.contentType()).path("schema");
            JsonNode body = decode(base.contentType(), base.body());
            List<Variant> variants = new ArrayList<>(values.invalid(schema, body));
            Collections.shuffle(variants, random);
            variants.stream().limit(INVALID_BODIES_PER_OPERATION).forEach(v -> calls.add(new Call(operation,
                    base.path(), base.query(), base.headers(), base.contentType(), encodeOrRaw(base.contentType(),
                            v.value()), base.token(), v.breaks())));
            if (operation.node().path("requestBody").path("required").asBoolean(false)) {
                calls.add(new Call(operation, base.path(), base.query(), base.headers(), base.contentType(), null,
                        base.token(), "no body"));
            }
            calls.add(new Call(operation, base.path(), base.query(), base.headers(), "text/plain", "hello",
                    base.token(), "a content type the operation does not read"));
        }
        for (JsonNode parameter : document.parameters(operation)) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            if (in.equals("path")) {
                calls.add(new Call(operation, malformed(operation.path(), base.path(), name), base.query(), base.headers(), base.contentType(),
                        base.body(), base.token(), "path parameter " + name + " malformed"));
                continue;
            }
            if (parameter.path("required").asBoolean(false)) {
                Map<String, String> without = new LinkedHashMap<>(in.equals("query") ? base.query() : base.headers());
                without.remove(name);
                calls.add(in.equals("query")
                        ? new Call(operation, base.path(), without, base.headers(), base.contentType(), base.body(),
                                base.token(), name + " missing")
                        : new Call(operation, base.path(), base.query(), without, base.contentType(), base.body(),
                                base.token(), name + " missing"));
            }
            if (in.equals("query")) {
                for (Variant broken : values.brokenStrings(parameter.path("schema"), name)) {
                    Map<String, String> query = new LinkedHashMap<>(base.query());
                    query.put(name, broken.value().asText());
                    calls.add(new Call(operation, base.path(), query, base.headers(), base.contentType(), base.body(),
                            base.token(), broken.breaks()));
                }
                JsonNode schema = document.resolve(parameter.path("schema"));
                if (schema.has("maximum")) {
                    Map<String, String> query = new LinkedHashMap<>(base.query());
                    query.put(name, Long.toString(schema.get("maximum").asLong() + 1));
                    calls.add(new Call(operation, base.path(), query, base.headers(), base.contentType(), base.body(),
                            base.token(), name + " above maximum"));
                }
                if (schema.has("minimum")) {
                    Map<String, String> query = new LinkedHashMap<>(base.query());
                    query.put(name, Long.toString(schema.get("minimum").asLong() - 1));
                    calls.add(new Call(operation, base.path(), query, base.headers(), base.contentType(), base.body(),
                            base.token(), name + " below minimum"));
                }
            }
        }
        if (operation.secured()) {
            calls.add(new Call(operation, base.path(), base.query(), base.headers(), base.contentType(), base.body(),
                    null, "no token"));
        }
        return calls;
    }

    private void send(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + call.path() + queryString(call.query())))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json, application/problem+json");
        call.headers().forEach(request::header);
        if (call.token() != null) {
            request.header("Authorization", "Bearer " + call.token());
        }
        if (call.contentType() != null && call.body() != null) {
            request.header("Content-Type", call.contentType());
        }
        HttpRequest.BodyPublisher body = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body());
        request.method(call.operation().method().toUpperCase(Locale.ROOT), body);
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(call.operation() + " " + call.path(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        requests++;
        if (call.breaks() == null) {
            valid++;
            valid2xx += response.statusCode() / 100 == 2 ? 1 : 0;
        } else {
            invalid++;
        }
        verify(call, response);
    }

    private void verify(Call call, HttpResponse<String> response) {
        int status = response.statusCode();
        String what = call.operation() + (call.breaks() == null ? "" : " [" + call.breaks() + "]") + " -> " + status;
        if (status >= 500) {
            serverErrors++;
            mismatches.add(what + ": server error " + abbreviate(response.body()));
        }
        if (call.breaks() != null && status < 400) {
            mismatches.add(what + ": invalid input accepted");
        }
        JsonNode responses = call.operation().node().path("responses");
        JsonNode declared = responses.has(Integer.toString(status)) ? responses.get(Integer.toString(status))
                : responses.get(status / 100 + "XX");
        if (declared == null) {
            declared = responses.get("default");
        }
        if (declared == null) {
            mismatches.add(what + ": status not declared (declared: " + ApiDocument.fieldNames(responses) + ")");
            return;
        }
        declared = document.resolve(declared);
        if (response.body().isEmpty() || !declared.has("content")) {
            return;
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("")
                .split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode media = declared.get("content").get(contentType);
        if (media == null) {
            mismatches.add(what + ": content type " + contentType + " not declared (declared: "
                    + ApiDocument.fieldNames(declared.get("content")) + ")");
            return;
        }
        if (!media.has("schema") || !contentType.endsWith("json")) {
            return;
        }
        JsonNode body;
        try {
            body = ApiDocument.JSON.readTree(response.body());
        } catch (IOException e) {
            mismatches.add(what + ": body is not JSON: " + abbreviate(response.body()));
            return;
        }
        List<String> problems = check.problems(body, media.get("schema"));
        if (!problems.isEmpty()) {
            mismatches.add(what + ": body does not match the schema: " + problems.stream().limit(5).toList());
        }
    }

    /** The valid call's path with only path parameter {@code name} malformed (the others keep their values). */
    private static String malformed(String template, String validPath, String name) {
        String[] wanted = template.split("/", -1);
        String[] given = validPath.split("/", -1);
        for (int i = 0; i < wanted.length; i++) {
            if (wanted[i].equals("{" + name + "}")) {
                given[i] = "not-a-valid-id";
            }
        }
        return String.join("/", given);
    }

    private static String fill(String template, Map<String, String> params) {
        String path = template;
        for (Map.Entry<String, String> param : params.entrySet()) {
            path = path.replace("{" + param.getKey() + "}", URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
        }
        return path;
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> joined.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    private static String encode(String contentType, JsonNode value) {
        if (contentType.equals("application/x-www-form-urlencoded") && value instanceof ObjectNode object) {
            StringJoiner form = new StringJoiner("&");
            object.properties().forEach(field -> form.add(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(field.getValue().isTextual() ? field.getValue().asText()
                            : field.getValue().toString(), StandardCharsets.UTF_8)));
            return form.toString();
        }
        return value.toString();
    }

    private static String encodeOrRaw(String contentType, JsonNode value) {
        return value == null ? "null" : encode(contentType, value);
    }

    private static JsonNode decode(String contentType, String body) {
        try {
            if (contentType.equals("application/x-www-form-urlencoded")) {
                ObjectNode object = ApiDocument.JSON.createObjectNode();
                for (String pair : body.split("&")) {
                    String[] kv = pair.split("=", 2);
                    object.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
                return object;
            }
            return ApiDocument.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
