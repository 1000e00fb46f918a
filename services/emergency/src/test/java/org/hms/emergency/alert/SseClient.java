package org.hms.emergency.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A real HTTP client reading a Server-Sent Events stream (java.net.http), collecting its lines as
 * they come, as a browser's EventSource would read them.
 */
final class SseClient implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    SseClient(URI uri, String token) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5))
                .build();
        response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> r.body().forEach(lines::add));
    }

    int status() throws Exception {
        return response.get().statusCode();
    }

    String contentType() throws Exception {
        return response.get().headers().firstValue("content-type").orElse("");
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The data lines of events named {@code name}. */
    List<String> data(String name) {
        List<String> all = lines();
        java.util.ArrayList<String> found = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).equals("event:" + name)) {
                for (int j = i + 1; j < all.size() && !all.get(j).isEmpty(); j++) {
                    if (all.get(j).startsWith("data:")) {
                        found.add(all.get(j).substring("data:".length()));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        response.cancel(true);
        http.shutdownNow();
    }
}
