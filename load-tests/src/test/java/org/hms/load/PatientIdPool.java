package org.hms.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ids of existing patients for the read traffic, gathered before the measured run (outside
 * Gatling's statistics): first by searching surname prefixes of the synthetic population (what
 * {@code SeedPatientsSimulation} registered), then, if that finds fewer than {@code minimum},
 * by registering the missing ones. So the load test works on a seeded database and on an empty one.
 */
final class PatientIdPool {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final String baseUrl;

    PatientIdPool(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * @param target    stop searching once this many ids are known
     * @param minimum   register patients until at least this many ids are known
     * @param searcher  bearer value allowed to search (physician)
     * @param registrar bearer value allowed to register (receptionist)
     * @param newcomers who to register when the search finds too few
     */
    List<String> collect(int target, int minimum, String searcher, String registrar, SyntheticPatients newcomers) {
        Set<String> ids = new LinkedHashSet<>();
        int searches = 0;
        for (String prefix : newcomers.commonSurnamePrefixes()) {
            if (ids.size() >= target) {
                break;
            }
            JsonNode page = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/patients?name="
                            + URLEncoder.encode(prefix, StandardCharsets.UTF_8) + "&page=0&size=100")),
                    searcher, 200, "search patients");
            page.path("items").forEach(p -> ids.add(p.path("id").asText()));
            searches++;
        }
        ids.remove("");
        int found = ids.size();
        int registered = 0;
        for (long i = 0; ids.size() < minimum; i++) {
            URI register = URI.create(baseUrl + "/api/v1/patients?confirmNotDuplicate=true");
            JsonNode patient = send(HttpRequest.newBuilder(register)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(newcomers.json(i), StandardCharsets.UTF_8)),
                    registrar, 201, "register patient");
            String id = patient.path("id").asText();
            if (id.isEmpty()) {
                throw new IllegalStateException("register patient answered 201 without an id: " + patient);
            }
            ids.add(id);
            registered++;
        }
        System.out.printf("Patient id pool: %d ids (%d found by %d name searches, %d registered) from %s%n",
                ids.size(), found, searches, registered, baseUrl);
        return List.copyOf(new ArrayList<>(ids));
    }

    private JsonNode send(HttpRequest.Builder request, String bearer, int expected, String what) {
        request.timeout(TIMEOUT).header("Accept", "application/json");
        if (!bearer.isEmpty()) {
            request.header("Authorization", bearer);
        }
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response =
                    client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != expected) {
                String body = response.body();
                throw new IllegalStateException(String.format(
                        "preparing the id pool: %s (%s %s) answered %d, expected %d: %s",
                        what, built.method(), built.uri(), response.statusCode(), expected,
                        body.length() > 500 ? body.substring(0, 500) + "..." : body));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "preparing the id pool: " + what + " (" + built.uri() + ") failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the id pool", e);
        }
    }
}
