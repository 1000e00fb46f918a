package org.hms.gateway.proxy;

import io.vertx.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.time.Duration;
import org.hms.gateway.config.GatewayConfig;

/** A service behind the gateway: where it listens, how long to wait for it, and its circuit. */
public record Upstream(String name, URI baseUrl, String host, int port, boolean ssl, GatewayConfig.Upstream config,
        CircuitBreaker breaker) {

    public Duration timeout() {
        return config.timeout();
    }

    public String url() {
        return baseUrl.toString();
    }
}
