package org.hms.gateway.status;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hms.gateway.config.GatewayConfig;
import org.hms.gateway.edge.Caller;
import org.hms.gateway.edge.Edge;
import org.hms.platform.problem.Problem;
import org.hms.gateway.problem.Problems;
import org.hms.gateway.ratelimit.RedisClients;
import org.hms.gateway.proxy.Upstream;
import org.hms.gateway.proxy.Upstreams;

/**
 * {@code GET /api/v1/gateway/status} (role admin): each upstream's circuit and whether it answers
 * its readiness probe now, and whether the rate limits' Redis answers. The gateway's own
 * readiness ({@code /q/health/ready}) deliberately depends on none of them.
 */
@ApplicationScoped
public class GatewayStatus {

    public static final String PATH = "/api/v1/gateway/status";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final Upstreams upstreams;
    private final Supplier<Redis> redis;
    private final GatewayConfig config;

    public GatewayStatus(Upstreams upstreams, RedisClients redis, GatewayConfig config) {
        this.upstreams = upstreams;
        this.redis = redis;
        this.config = config;
    }

    public void serve(RoutingContext ctx) {
        Caller caller = ctx.get(Edge.CALLER);
        if (!caller.authenticated()) {
            Edge.refuseAnonymous(ctx, caller);
            return;
        }
        if (!caller.hasRole("admin")) {
            Problems.send(ctx, Problem.forbidden("only an admin may see the gateway's status"));
            return;
        }
        Problems.discardBody(ctx.request());
        List<Future<JsonObject>> probes = upstreams.all().stream().map(this::probe).toList();
        Future<Boolean> redisUp = redis.get().send(Request.cmd(Command.PING))
                .timeout(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .map(pong -> true)
                .otherwise(false);
        Future.join(List.of(Future.join(probes), redisUp)).onComplete(done -> {
            JsonArray list = new JsonArray();
            probes.forEach(p -> list.add(p.result()));
            boolean allReady = probes.stream().allMatch(p -> p.result().getBoolean("ready"));
            JsonObject body = new JsonObject()
                    .put("status", allReady ? "UP" : "DEGRADED")
                    .put("upstreams", list)
                    .put("rateLimits", new JsonObject()
                            .put("enabled", config.rateLimit().enabled())
                            .put("redis", redisUp.result() ? "reachable" : "unreachable (failing open)"));
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.toBuffer());
        });
    }

    private Future<JsonObject> probe(Upstream upstream) {
        JsonObject state = new JsonObject()
                .put("name", upstream.name())
                .put("url", upstream.url())
                .put("circuit", upstream.breaker().state().name())
                .put("recentFailures", upstream.breaker().failureCount());
        return upstreams.fetch(upstream, upstream.config().healthPath(), PROBE_TIMEOUT)
                .map(answer -> state.put("reachable", true).put("ready", answer.status() == 200))
                .otherwise(failure -> state.put("reachable", false).put("ready", false)
                        .put("error", failure.getMessage() == null ? failure.toString() : failure.getMessage()));
    }
}
