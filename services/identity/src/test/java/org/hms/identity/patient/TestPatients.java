package org.hms.identity.patient;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hms.platform.testing.SkipTopicBacklog;

/**
 * A real HTTP server on a loopback port playing the patients service for identity's tests
 * (the patients service does not run there). {@code GET /api/v1/patients/{id}} answers 200 with
 * an active patient unless a test told it otherwise for that id: another status, a slow answer,
 * or failures before a good answer. It records every request. Started before Quarkus, for every
 * test class (global), and points {@code quarkus.rest-client.patients.url} at itself. Also moves
 * the test patient view's consumer group past the history of {@code hms.patients}.
 */
@WithTestResource(value = TestPatients.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SkipTopicBacklog.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "group", value = "hms-identity-test-patient-view"),
        @ResourceArg(name = "topic", value = "hms.patients")})
public class TestPatients implements QuarkusTestResourceLifecycleManager {

    private static final String PATH = "/api/v1/patients/";
    private static final Map<UUID, Behaviour> behaviours = new ConcurrentHashMap<>();
    private static final ConcurrentLinkedQueue<JsonObject> received = new ConcurrentLinkedQueue<>();

    private static volatile Vertx vertx;

    /** How the server answers for one patient id. */
    private record Behaviour(int status, JsonObject body, long delayMs, AtomicInteger failuresLeft) {}

    /** Answers {@code status} with {@code body} (problem+json for 4xx) for {@code id}. */
    public static void answer(UUID id, int status, JsonObject body) {
        behaviours.put(id, new Behaviour(status, body, 0, new AtomicInteger()));
    }

    /** Answers {@code id} as an active patient, but only after {@code delayMs}. */
    public static void slow(UUID id, long delayMs) {
        behaviours.put(id, new Behaviour(200, active(id), delayMs, new AtomicInteger()));
    }

    /** Answers 500 the first {@code times} requests for {@code id}, then as an active patient. */
    public static void failFirst(UUID id, int times) {
        behaviours.put(id, new Behaviour(200, active(id), 0, new AtomicInteger(times)));
    }

    /** The requests received for {@code id}: method, path, authorization header. */
    public static List<JsonObject> requestsFor(UUID id) {
        return received.stream().filter(r -> r.getString("path").equals(PATH + id)).toList();
    }

    /** How many requests the server received in all. */
    public static int requestCount() {
        return received.size();
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(TestPatients::handle)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .join();
        return Map.of("quarkus.rest-client.patients.url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static void handle(HttpServerRequest request) {
        received.add(new JsonObject().put("method", request.method().name()).put("path", request.path())
                .put("authorization", request.getHeader("Authorization")));
        if (!request.path().startsWith(PATH)) {
            request.response().setStatusCode(404).end();
            return;
        }
        UUID id = UUID.fromString(request.path().substring(PATH.length()));
        Behaviour behaviour = behaviours.getOrDefault(id, new Behaviour(200, active(id), 0, new AtomicInteger()));
        if (behaviour.failuresLeft().getAndDecrement() > 0) {
            request.response().setStatusCode(500).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", 500).put("title", "Internal Server Error").encode());
            return;
        }
        Runnable answer = () -> request.response()
                .setStatusCode(behaviour.status())
                .putHeader("Content-Type", behaviour.status() >= 400 ? "application/problem+json" : "application/json")
                .end(behaviour.body().encode());
        if (behaviour.delayMs() > 0) {
            vertx.setTimer(behaviour.delayMs(), t -> answer.run());
        } else {
            answer.run();
        }
    }

    /** An active patient as the patients service answers GET /api/v1/patients/{id}. */
    static JsonObject active(UUID id) {
        return new JsonObject().put("id", id.toString()).put("mrn", "P1000007").put("version", 0)
                .put("name", new JsonObject().put("family", "Kowalska")).put("birthDate", "1984-03-07")
                .put("gender", "female");
    }
}
