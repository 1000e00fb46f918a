package org.hms.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.circuitbreaker.CircuitBreaker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * What the gateway counts, per route (the routing-table prefix, never the raw path, so the
 * number of series stays bounded): requests and their latency by status, 429s by tier, circuit
 * state by upstream, and the requests that passed without a rate-limit check.
 */
@ApplicationScoped
public class GatewayMetrics {

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)
    };

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Timer> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> limited = new ConcurrentHashMap<>();
    private final Counter unchecked;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.unchecked = Counter.builder("hms.gateway.rate.limit.unchecked")
                .description("Requests admitted without a rate-limit check because Redis did not answer (fail open)")
                .register(registry);
    }

    /** One answered request: {@code hms_gateway_requests_seconds{route,status,outcome}} (histogram). */
    public void request(String route, int status, long nanos) {
        requests.computeIfAbsent(route + '|' + status, key -> Timer.builder("hms.gateway.requests")
                        .description("Requests answered by the gateway, by route and status")
                        .tag("route", route)
                        .tag("status", Integer.toString(status))
                        .tag("outcome", outcome(status))
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A 429: {@code hms_gateway_rate_limited_total{route,tier}}. */
    public void rateLimited(String route, String tier) {
        limited.computeIfAbsent(route + '|' + tier, key -> Counter.builder("hms.gateway.rate.limited")
                        .description("Requests refused with 429, by route and caller tier")
                        .tag("route", route)
                        .tag("tier", tier)
                        .register(registry))
                .increment();
    }

    public void rateLimitUnchecked() {
        unchecked.increment();
    }

    /** {@code hms_gateway_circuit_state{upstream}}: 0 closed, 1 half-open, 2 open. */
    public void watch(CircuitBreaker breaker) {
        Gauge.builder("hms.gateway.circuit.state", breaker, b -> switch (b.state()) {
                    case CLOSED -> 0;
                    case HALF_OPEN -> 1;
                    case OPEN -> 2;
                })
                .description("Circuit breaker of each upstream: 0 closed, 1 half-open, 2 open")
                .tag("upstream", breaker.name())
                .register(registry);
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        if (status >= 300) {
            return "REDIRECTION";
        }
        return "SUCCESS";
    }
}
