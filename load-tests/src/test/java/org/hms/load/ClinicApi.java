package org.hms.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain HTTP calls made before or after a simulation (outside Gatling's statistics): checking
 * what an earlier seed left, harvesting free slots. Blocking java.net.http, one call at a time.
 */
final class ClinicApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final String what;

    /** @param what the phase, for error messages ("seeding the clinic", "harvesting free slots") */
    ClinicApi(String what) {
        this.what = what;
    }

    /** GET {@code url} as {@code bearer}: its status code. */
    int status(String url, String bearer) {
        return get(url, bearer).statusCode();
    }

    /** GET {@code url} as {@code bearer}, which must answer 200: its JSON body. */
    JsonNode json(String url, String bearer) {
        HttpResponse<String> response = get(url, bearer);
        if (response.statusCode() != 200) {
            String body = response.body();
            throw new IllegalStateException(String.format("%s: GET %s answered %d, expected 200: %s", what, url,
                    response.statusCode(), body.length() > 500 ? body.substring(0, 500) + "..." : body));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(what + ": GET " + url + " answered 200 with a body that is not JSON", e);
        }
    }

    private HttpResponse<String> get(String url, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (!bearer.isEmpty()) {
            request.header("Authorization", bearer);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(what + ": GET " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
    }
}
