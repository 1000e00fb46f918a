package org.hms.gateway.testing;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for a service behind the gateway, on a loopback port of its own.
 * It records every request it receives and answers by the last path segment:
 * <ul>
 *   <li>{@code .../created}: 201 with Location (built from the Host it received, as a Quarkus
 *       service does) and ETag;</li>
 *   <li>{@code .../guarded}: 412 problem unless {@code If-Match: "3"}, then 200 with ETag "4";</li>
 *   <li>{@code .../digest}: reads the body as a stream and answers its length and SHA-256;</li>
 *   <li>{@code .../stream?mb=N&gate=G}: N MiB of {@link #pattern} bytes, chunked; with a gate,
 *       the first 64 KiB, then nothing until {@code .../release?gate=G} is called;</li>
 *   <li>{@code .../slow?ms=N}: answers after N ms;</li>
 *   <li>{@code .../no-content}: 204;</li>
 *   <li>{@code .../events?n=N&everyMs=M}: a {@code text/event-stream} of N events, one every M ms;</li>
 *   <li>{@code /q/openapi}: the document it was given; {@code /q/health/ready}: UP;</li>
 *   <li>anything else: echoes method, URI, headers and body as JSON, with ETag "7", a few
 *       hop-by-hop headers and a CORS header the gateway must not pass on.</li>
 * </ul>
 * It can be stopped and started again on the same port, to play a dead service.
 */
public final class TestUpstream {

    private static final int CHUNK = 64 * 1024;

    private final Vertx vertx;
    private final String name;
    private final JsonObject openapi;
    private final ConcurrentLinkedQueue<JsonObject> received = new ConcurrentLinkedQueue<>();
    private final Map<String, Runnable> gates = new ConcurrentHashMap<>();
    private final Set<String> aborted = ConcurrentHashMap.newKeySet();
    private volatile HttpServer server;
    private volatile int port;

    TestUpstream(Vertx vertx, String name, JsonObject openapi) {
        this.vertx = vertx;
        this.name = name;
        this.openapi = openapi;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Every request received so far: method, uri, headers (lower-case names). */
    public List<JsonObject> received() {
        return List.copyOf(received);
    }

    /** Whether any request received so far had this path (without query). */
    public boolean saw(String path) {
        return received.stream().anyMatch(r -> r.getString("path").equals(path));
    }

    /** Whether a request to this path broke off before it was complete (its body, or its answer). */
    public boolean sawAborted(String path) {
        return aborted.contains(path);
    }

    public synchronized TestUpstream start() {
        if (server == null) {
            server = await(vertx.createHttpServer().requestHandler(this::handle).listen(port, "127.0.0.1"));
            port = server.actualPort();
        }
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            await(server.close());
            server = null;
        }
    }

    private void handle(HttpServerRequest request) {
        JsonObject headers = new JsonObject();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        received.add(new JsonObject().put("method", request.method().name()).put("uri", request.uri())
                .put("path", request.path()).put("headers", headers));
        String path = request.path();
        String last = path.substring(path.lastIndexOf('/') + 1);
        HttpServerResponse response = request.response().putHeader("X-Upstream", name);
        switch (path.startsWith("/q/") ? path : last) {
            case "/q/openapi" -> response.putHeader("Content-Type", "application/json").end(openapi.encode());
            case "/q/health/ready" -> response.putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
            case "created" -> request.body().onSuccess(body -> {
                String id = UUID.randomUUID().toString();
                response.setStatusCode(201)
                        .putHeader("Location", "http://" + request.authority() + "/api/v1/patients/" + id)
                        .putHeader("ETag", "\"0\"")
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("id", id).put("received", body.toString()).encode());
            });
            case "guarded" -> {
                if ("\"3\"".equals(request.getHeader("If-Match"))) {
                    response.putHeader("ETag", "\"4\"").putHeader("Content-Type", "application/json").end("{\"version\":4}");
                } else {
                    response.setStatusCode(412).putHeader("Content-Type", "application/problem+json")
                            .end("{\"type\":\"https://hms.example.org/problems/stale-version\",\"status\":412}");
                }
            }
            case "digest" -> digest(request);
            case "stream" -> stream(request);
            case "release" -> {
                Runnable gate = gates.remove(request.getParam("gate"));
                if (gate != null) {
                    gate.run();
                }
                response.setStatusCode(gate == null ? 404 : 204).end();
            }
            case "slow" -> {
                response.closeHandler(v -> aborted.add(path));
                vertx.setTimer(Long.parseLong(request.getParam("ms", "3000")), t -> {
                    if (!response.closed()) {
                        response.putHeader("Content-Type", "application/json").end("{\"slow\":true}");
                    }
                });
            }
            case "no-content" -> response.setStatusCode(204).end();
            case "events" -> events(request);
            default -> echo(request, headers);
        }
    }

    private void echo(HttpServerRequest request, JsonObject headers) {
        request.body().onSuccess(body -> request.response()
                .setStatusCode(Integer.parseInt(request.getParam("status", "200")))
                .putHeader("Content-Type", "application/json")
                .putHeader("ETag", "\"7\"")
                .putHeader("Connection", "keep-alive, X-Hop")
                .putHeader("X-Hop", "connection-specific")
                .putHeader("Keep-Alive", "timeout=30")
                .putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject()
                        .put("upstream", name)
                        .put("method", request.method().name())
                        .put("uri", request.uri())
                        .put("headers", headers)
                        .put("body", body.toString())
                        .encode()));
    }

    private void events(HttpServerRequest request) {
        int count = Integer.parseInt(request.getParam("n", "3"));
        long every = Long.parseLong(request.getParam("everyMs", "500"));
        HttpServerResponse response = request.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache");
        response.write("retry: 1000\n\n");
        int[] sent = {0};
        vertx.setPeriodic(every, timer -> {
            if (response.closed()) {
                vertx.cancelTimer(timer);
                return;
            }
            sent[0]++;
            response.write("id: " + sent[0] + "\nevent: tick\ndata: {\"n\":" + sent[0] + "}\n\n");
            if (sent[0] == count) {
                vertx.cancelTimer(timer);
                response.end();
            }
        });
    }

    private void digest(HttpServerRequest request) {
        request.exceptionHandler(e -> aborted.add(request.path()));
        MessageDigest sha = sha256();
        long[] length = {0};
        request.handler(chunk -> {
            sha.update(chunk.getBytes());
            length[0] += chunk.length();
        });
        request.endHandler(v -> request.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("length", length[0])
                        .put("sha256", HexFormat.of().formatHex(sha.digest()))
                        .put("chunked", "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding")))
                        .encode()));
    }

    private void stream(HttpServerRequest request) {
        long total = Long.parseLong(request.getParam("mb", "8")) * 1024 * 1024;
        String gate = request.getParam("gate");
        HttpServerResponse response = request.response().setChunked(true)
                .putHeader("Content-Type", "application/octet-stream");
        Buffer chunk = Buffer.buffer(pattern(CHUNK));
        long[] sent = {0};
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            while (sent[0] < total && !response.writeQueueFull()) {
                int size = (int) Math.min(CHUNK, total - sent[0]);
                response.write(size == CHUNK ? chunk : chunk.getBuffer(0, size));
                sent[0] += size;
            }
            if (sent[0] >= total) {
                response.end();
            } else {
                response.drainHandler(v -> pump[0].run());
            }
        };
        if (gate == null) {
            pump[0].run();
        } else {
            response.write(chunk);
            sent[0] = CHUNK;
            Context context = vertx.getOrCreateContext();
            gates.put(gate, () -> context.runOnContext(v -> pump[0].run()));
        }
    }

    /** The bytes of a streamed body: 0, 1, ... 255, 0, 1, ... */
    public static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
