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
import java.util.concurrent.ConcurrentHashMap;
import org.hms.contracts.system.ServiceEntry;
import org.hms.contracts.system.SystemDescriptor;

/**
 * Starts the services the gateway under test routes to: real Vert.x HTTP servers on random
 * loopback ports ({@link TestUpstream}), and points the gateway's upstreams at them:
 * <ul>
 *   <li>every service with routes in the system descriptor ({@code hms.yaml}: identity,
 *       patients, ...), each played by an echo server named after it, with the OpenAPI document
 *       {@code <name>-openapi.json} of this package when there is one (an empty one otherwise);</li>
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

    private static final Map<String, TestUpstream> SERVICES = new ConcurrentHashMap<>();
    private static Vertx vertx;
    private static TestUpstream flaky;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (ServiceEntry service : SystemDescriptor.load().routedServices()) {
            TestUpstream upstream = new TestUpstream(vertx, service.name(), document(service.name())).start();
            SERVICES.put(service.name(), upstream);
            config.put("hms.gateway.upstreams." + service.name() + ".url", upstream.url());
        }
        TestUpstream patients = patients();
        flaky = new TestUpstream(vertx, "flaky", new JsonObject()).start();

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
        SERVICES.clear();
    }

    /** The stand-in of a service of the descriptor. */
    public static TestUpstream service(String name) {
        TestUpstream upstream = SERVICES.get(name);
        if (upstream == null) {
            throw new IllegalArgumentException("no stand-in for " + name + " (services with routes in "
                    + SystemDescriptor.RESOURCE + ": " + SERVICES.keySet() + ")");
        }
        return upstream;
    }

    /** The patients service's stand-in: the tests' example of a service behind the gateway. */
    public static TestUpstream patients() {
        return service("patients");
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

    private static JsonObject document(String service) {
        try (InputStream in = UpstreamServers.class.getResourceAsStream(service + "-openapi.json")) {
            if (in == null) {
                return new JsonObject().put("openapi", "3.0.3").put("info", new JsonObject().put("title", service))
                        .put("paths", new JsonObject());
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
