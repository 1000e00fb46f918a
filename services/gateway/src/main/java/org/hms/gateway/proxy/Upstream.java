package org.hms.gateway.proxy;

import io.vertx.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.hms.gateway.config.GatewayConfig;

/** A service behind the gateway: where it listens, how long to wait for it, and its circuit. */
public record Upstream(String name, String host, int port, boolean ssl, GatewayConfig.Upstream config,
        CircuitBreaker breaker) {

    public Duration timeout() {
        return config.timeout();
    }

    public String url() {
        return config.url().toString();
    }
}
