package org.hms.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The two calls of a sign-in at identity: the OAuth 2.0 password grant and the forced password change. */
final class IdentityClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** An answer of identity: status and JSON body (empty object when there is none). */
    record Answer(int status, JsonNode body) {

        String text(String field) {
            return body.path(field).asText("");
        }

        /** A problem's type ends with this slug (https://hms.example.org/problems/<slug>). */
        boolean isProblem(String slug) {
            return text("type").endsWith("/" + slug);
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    IdentityClient(URI base) {
        this.base = base;
    }

    Answer token(String username, String password) {
        return post("/api/v1/auth/token", Map.of("username", username, "password", password));
    }

    Answer changePassword(String username, String currentPassword, String newPassword) {
        return post("/api/v1/auth/password",
                Map.of("username", username, "currentPassword", currentPassword, "newPassword", newPassword));
    }

    private Answer post(String path, Map<String, String> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? JSON.createObjectNode() : parse(text);
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new CliException("identity did not answer at " + base + " (" + e.getMessage() + "): run ./hms up first");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode().put("detail", text);
        }
    }
}
