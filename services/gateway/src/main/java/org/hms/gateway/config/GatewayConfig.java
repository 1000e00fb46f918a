package org.hms.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Upstream settings, extra routes, public paths and rate limits (routes and ports: {@code hms.yaml}). */
@ConfigMapping(prefix = "hms.gateway")
public interface GatewayConfig {

    /**
     * Settings of the services behind the gateway, by name. The services and the paths each owns
     * come from the system descriptor ({@code hms.yaml}, in hms-contracts): every service there with
     * routes is an upstream at {@code http://127.0.0.1:<its port>} unless {@code url} says otherwise;
     * Kubernetes sets e.g. {@code HMS_GATEWAY_UPSTREAMS_PATIENTS_URL=http://patients:8080}. A name
     * the descriptor does not know adds an upstream (tests' stand-ins): it needs a {@code url} and
     * a route in {@link #routes()}.
     */
    @WithDefaults
    Map<String, Upstream> upstreams();

    /**
     * Routes besides the descriptor's, path prefix → upstream name, e.g.
     * {@code hms.gateway.routes."/api/v1/flaky"=flaky} (tests). A prefix the descriptor already
     * routes is refused at start: the descriptor is the one routing table of the system.
     */
    Map<String, String> routes();

    /** Exact paths that pass without a token (sign-in, refresh, logout, password change, JWKS). */
    List<String> publicPaths();

    /**
     * Connections to each upstream per event-loop thread (the gateway runs two per core, each
     * with a pool of its own).
     */
    @WithDefault("64")
    int maxConnectionsPerUpstream();

    RateLimit rateLimit();

    /** One service behind the gateway. */
    interface Upstream {

        /** Base URL, scheme + host + port (no path); default: the descriptor's port on 127.0.0.1. */
        Optional<URI> url();

        /** Longest wait for the upstream's answer (or for the next bytes of it): then 504. */
        @WithDefault("10s")
        Duration timeout();

        /** Longest wait for a connection (new or from the pool): then 503. */
        @WithDefault("1s")
        Duration connectTimeout();

        /** Whether /openapi merges this upstream's document. */
        @WithDefault("true")
        boolean openapi();

        /** Where the upstream serves its OpenAPI document as JSON. */
        @WithDefault("/q/openapi?format=json")
        String openapiPath();

        /** Probed by the status page. */
        @WithDefault("/q/health/ready")
        String healthPath();

        CircuitBreaker circuitBreaker();
    }

    /** Stops calling an upstream that keeps failing, and tries again after a pause. */
    interface CircuitBreaker {

        /** Transport failures (refused, reset, timed out) within {@link #failureWindow()} that open the circuit. */
        @WithDefault("5")
        int failures();

        @WithDefault("10s")
        Duration failureWindow();

        /** How long an open circuit answers 503 at once before one trial call is let through (half-open). */
        @WithDefault("5s")
        Duration resetAfter();
    }

    /**
     * Fixed-window limits kept in Redis, so every replica shares them. A request counts against
     * its caller's tier limit and against every rule that matches it; it is refused (429) when any
     * of them is used up.
     */
    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        /** Redis, as a redis:// URL (password and database number included). */
        @WithDefault("redis://127.0.0.1:6379")
        String redis();

        /** Connections to Redis per event-loop thread. */
        @WithDefault("4")
        int redisConnectionsPerEventLoop();

        /** Prefix of the Redis keys. */
        @WithDefault("hms:gateway:rl:")
        String keyPrefix();

        /** When Redis takes longer (or is down) the request passes unlimited: fail open. */
        @WithDefault("250ms")
        Duration redisTimeout();

        Tiers tiers();

        /** Stricter limits on expensive routes (search, exports, sign-in), by rule name. */
        Map<String, Rule> rules();
    }

    /** Per caller: a user's tier follows their roles; anonymous calls are limited per client IP. */
    interface Tiers {
        Limit admin();

        Limit staff();

        Limit patient();

        Limit anonymous();
    }

    interface Limit {
        /** Requests allowed per window. */
        int requests();

        @WithDefault("1m")
        Duration window();
    }

    interface Rule extends Limit {
        /** HTTP method the rule applies to; absent: any. */
        Optional<String> method();

        /** Regular expression the whole (normalised) path must match. */
        String path();

        /** Only requests with a query string (a search, not a plain listing). */
        @WithDefault("false")
        boolean withQuery();
    }
}
