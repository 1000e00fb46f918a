package org.hms.gateway.ratelimit;

import io.vertx.core.Vertx;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.hms.gateway.config.GatewayConfig;
import org.hms.gateway.vertx.PerEventLoop;

/**
 * The Redis clients of the rate limits: one small pool per event loop (see {@link PerEventLoop}),
 * untraced (a span per limit check would cost more than the check).
 */
@ApplicationScoped
public class RedisClients implements Supplier<Redis> {

    private final PerEventLoop<Redis> clients;

    public RedisClients(Vertx vertx, GatewayConfig config) {
        RedisOptions options = new RedisOptions()
                .setConnectionString(config.rateLimit().redis())
                .setMaxPoolSize(config.rateLimit().redisConnectionsPerEventLoop())
                .setMaxPoolWaiting(1024)
                .setTracingPolicy(TracingPolicy.IGNORE);
        this.clients = new PerEventLoop<>(() -> Redis.createClient(vertx, options));
    }

    /** The client of the calling event loop. */
    @Override
    public Redis get() {
        return clients.get();
    }

    @PreDestroy
    void close() {
        clients.forEach(Redis::close);
    }
}
