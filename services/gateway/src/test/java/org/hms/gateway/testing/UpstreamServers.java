package org.hms.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Starts the services the gateway under test routes to: real Vert.x HTTP servers on random
 * loopback ports ({@link TestUpstream}), and points the routing table at them:
 * <ul>
 *   <li>{@code patients} and {@code identity}: the real route table's upstreams, played by two
 *       echo servers with OpenAPI documents of their own;</li>
 *   <li>{@code flaky} ({@code /api/v1/flaky}): a server the tests stop and start again; its
 *       circuit opens after 2 failures and tries again after 1 s;</li>
 *   <li>{@code sluggish} ({@code /api/v1/sluggish}): the patients server behind a 500 ms timeout;</li>
 *   <li>{@code uploads} ({@code /api/v1/uploads}): the patients server again, its circuit opening
 *       after 2 failures;</li>
 *   <li>{@code ghost} ({@code /api/v1/ghost}): a port where nothing listens.</li>
 * </ul>
 * Rate-limit keys get a prefix of their own per run, so runs never share a window.
 */
public class UpstreamServers implements QuarkusTestResourceLifecycleManager {

    private static Vertx vertx;
    private static TestUpstream patients;
    private static TestUpstream identity;
    private static TestUpstream flaky;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        patients = new TestUpstream(vertx, "patients", document("patients-openapi.json")).start();
        identity = new TestUpstream(vertx, "identity", document("identity-openapi.json")).start();
        flaky = new TestUpstream(vertx, "flaky", new JsonObject()).start();

        Map<String, String> config = new HashMap<>();
        config.put("hms.gateway.upstreams.patients.url", patients.url());
        config.put("hms.gateway.upstreams.identity.url", identity.url());

        config.put("hms.gateway.upstreams.flaky.url", flaky.url());
        config.put("hms.gateway.upstreams.flaky.openapi", "false");
        config.put("hms.gateway.upstreams.flaky.circuit-breaker.failures", "2");
        config.put("hms.gateway.upstreams.flaky.circuit-breaker.reset-after", "1s");
        config.put("hms.gateway.routes.\"/api/v1/flaky\"", "flaky");

        config.put("hms.gateway.upstreams.sluggish.url", patients.url());
        config.put("hms.gateway.upstreams.sluggish.openapi", "false");
        config.put("hms.gateway.upstreams.sluggish.timeout", "500ms");
        config.put("hms.gateway.routes.\"/api/v1/sluggish\"", "sluggish");

        config.put("hms.gateway.upstreams.uploads.url", patients.url());
        config.put("hms.gateway.upstreams.uploads.openapi", "false");
        config.put("hms.gateway.upstreams.uploads.circuit-breaker.failures", "2");
        config.put("hms.gateway.routes.\"/api/v1/uploads\"", "uploads");

        config.put("hms.gateway.upstreams.ghost.url", "http://127.0.0.1:" + freePort());
        config.put("hms.gateway.routes.\"/api/v1/ghost\"", "ghost");

        config.put("hms.gateway.rate-limit.key-prefix", "hms:gateway:test:" + UUID.randomUUID() + ":");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            vertx = null;
        }
    }

    public static TestUpstream patients() {
        return patients;
    }

    public static TestUpstream identity() {
        return identity;
    }

    public static TestUpstream flaky() {
        return flaky;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject document(String name) {
        try (InputStream in = UpstreamServers.class.getResourceAsStream(name)) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
