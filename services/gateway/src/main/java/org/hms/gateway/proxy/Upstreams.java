package org.hms.gateway.proxy;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hms.contracts.system.SystemDescriptor;
import org.hms.gateway.config.GatewayConfig;
import org.hms.gateway.metrics.GatewayMetrics;
import org.hms.gateway.vertx.PerEventLoop;

/**
 * The upstreams of the routing table (the descriptor's services with routes, and any configured
 * extra), each with a circuit breaker, and the HTTP clients that call them (keep-alive pools, one
 * client per event loop: {@link PerEventLoop}). A circuit counts transport failures only (refused,
 * reset, timed out): an upstream that answers, even with a 5xx, is reachable and its answer is
 * passed on.
 */
@Startup
@ApplicationScoped
public class Upstreams {

    /** A service's address when configuration names none: the port of the descriptor, on this host. */
    private static final String LOOPBACK = "http://127.0.0.1:";

    private final PerEventLoop<HttpClient> clients;
    private final Map<String, Upstream> byName = new TreeMap<>();

    public Upstreams(Vertx vertx, SystemDescriptor system, GatewayConfig config, GatewayMetrics metrics) {
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setTcpNoDelay(true)
                .setDecompressionSupported(false)
                .setTracingPolicy(TracingPolicy.PROPAGATE);
        // connections open on the event loop that asks for them (PoolOptions' event-loop size 0)
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream());
        this.clients = new PerEventLoop<>(() -> vertx.createHttpClient(options, pool));
        urls(system, config.upstreams()).forEach((name, url) -> {
            GatewayConfig.Upstream upstream = config.upstreams().get(name);
            boolean ssl = "https".equalsIgnoreCase(url.getScheme());
            int port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
            CircuitBreaker breaker = breaker(vertx, name, upstream.circuitBreaker());
            metrics.watch(breaker);
            byName.put(name, new Upstream(name, url, url.getHost(), port, ssl, upstream, breaker));
        });
    }

    /**
     * Where each upstream listens: every service of the descriptor with routes, on loopback at its
     * port, unless {@code hms.gateway.upstreams.<name>.url} says otherwise; plus the configured
     * upstreams the descriptor does not know (which must then have a url).
     */
    static Map<String, URI> urls(SystemDescriptor system, Map<String, GatewayConfig.Upstream> configured) {
        Map<String, URI> urls = new TreeMap<>();
        system.routedServices().forEach(s -> urls.put(s.name(), URI.create(LOOPBACK + s.port())));
        configured.forEach((name, upstream) -> upstream.url().ifPresent(url -> urls.put(name, url)));
        configured.keySet().stream().filter(name -> !urls.containsKey(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("hms.gateway.upstreams." + name + ".url is missing: " + name
                    + " is not a service with routes in " + SystemDescriptor.RESOURCE);
        });
        return urls;
    }

    private static CircuitBreaker breaker(Vertx vertx, String name, GatewayConfig.CircuitBreaker config) {
        return CircuitBreaker.create(name, vertx, new CircuitBreakerOptions()
                        .setMaxFailures(config.failures())
                        .setFailuresRollingWindow(config.failureWindow().toMillis())
                        .setResetTimeout(config.resetAfter().toMillis())
                        .setTimeout(-1) // the request's own timeouts bound every call
                        .setFallbackOnFailure(false)
                        .setNotificationAddress(null))
                .openHandler(v -> Log.warnf("circuit of upstream %s opened: calls fail fast for %d ms", name,
                        config.resetAfter().toMillis()))
                .halfOpenHandler(v -> Log.infof("circuit of upstream %s half-open: one trial call", name))
                .closeHandler(v -> Log.infof("circuit of upstream %s closed", name));
    }

    public Optional<Upstream> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Upstream> all() {
        return byName.values();
    }

    /** The client of the calling event loop. */
    HttpClient client() {
        return clients.get();
    }

    /** A plain GET outside the circuit (status probes, OpenAPI documents), read whole. */
    public Future<Fetched> fetch(Upstream upstream, String pathAndQuery, Duration timeout) {
        RequestOptions options = target(upstream, HttpMethod.GET, pathAndQuery)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis());
        return client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Fetched(response.statusCode(), body)))
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The status and body of a fetched document. */
    public record Fetched(int status, Buffer body) {}

    static RequestOptions target(Upstream upstream, HttpMethod method, String uri) {
        return new RequestOptions()
                .setMethod(method)
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(uri);
    }

    @PreDestroy
    void close() {
        byName.values().forEach(u -> u.breaker().close());
        clients.forEach(HttpClient::close);
    }
}
