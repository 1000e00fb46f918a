package org.hms.gateway.edge;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.hms.gateway.metrics.GatewayMetrics;
import org.hms.platform.problem.Problem;
import org.hms.platform.web.RequestIds;
import org.hms.gateway.problem.Problems;
import org.hms.gateway.ratelimit.RateLimitDecision;
import org.hms.gateway.ratelimit.RateLimiter;
import org.hms.gateway.routing.Route;
import org.hms.gateway.routing.RouteTable;

/**
 * The first handler of every request the gateway answers for clients: it pauses the body until
 * the request's fate is known, assigns the request id, identifies the caller (a cheap, cached
 * JWT check), applies the rate limits (one Redis round trip) and times the answer. What follows
 * it (the proxy, the status page, the merged OpenAPI) finds the caller and route in the context.
 */
@ApplicationScoped
public class Edge {

    public static final String CALLER = "hms.caller";
    public static final String ROUTE = "hms.route";
    private static final String DECISION = "hms.rateLimit";

    private final EdgeAuthenticator authenticator;
    private final RateLimiter limiter;
    private final RouteTable table;
    private final GatewayMetrics metrics;

    public Edge(EdgeAuthenticator authenticator, RateLimiter limiter, RouteTable table, GatewayMetrics metrics) {
        this.authenticator = authenticator;
        this.limiter = limiter;
        this.table = table;
        this.metrics = metrics;
    }

    public void admit(RoutingContext ctx) {
        long started = System.nanoTime();
        HttpServerRequest request = ctx.request();
        request.pause();
        String requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
        ctx.put(RequestIds.HEADER, requestId);
        String path = ctx.normalizedPath();
        Route route = table.match(path).orElse(null);
        ctx.put(ROUTE, route);
        String metricRoute = metricRoute(path, route);
        ctx.addHeadersEndHandler(v -> {
            ctx.response().headers().set(RequestIds.HEADER, requestId);
            RateLimitDecision decision = ctx.get(DECISION);
            if (decision != null) {
                decision.writeHeaders(ctx.response());
            }
        });
        boolean[] recorded = {false}; // HTTP/2: a stream's close may follow its end
        ctx.addEndHandler(v -> {
            if (!recorded[0]) {
                recorded[0] = true;
                metrics.request(metricRoute, ctx.response().getStatusCode(), System.nanoTime() - started);
            }
        });

        authenticator.identify(request, clientIp(request)).onSuccess(caller -> {
            ctx.put(CALLER, caller);
            limit(ctx, caller, path, metricRoute);
        });
    }

    private void limit(RoutingContext ctx, Caller caller, String path, String metricRoute) {
        HttpServerRequest request = ctx.request();
        limiter.check(caller, request.method(), path, request.query() != null).onComplete(checked -> {
            RateLimitDecision decision = checked.succeeded() ? checked.result() : RateLimitDecision.UNCHECKED;
            ctx.put(DECISION, decision);
            if (decision.admitted()) {
                ctx.next();
                return;
            }
            metrics.rateLimited(metricRoute, caller.tier().label());
            Problems.send(ctx, Problem.rateLimited(decision.resetSeconds()).with("policy", decision.policy()),
                    "Retry-After", Long.toString(decision.resetSeconds()));
        });
    }

    /** 401 for a caller without a valid token (RFC 6750 {@code WWW-Authenticate}). */
    public static void refuseAnonymous(RoutingContext ctx, Caller caller) {
        Problems.send(ctx, Problem.unauthenticated(), "WWW-Authenticate",
                caller.rejectedToken() ? "Bearer error=\"invalid_token\"" : "Bearer");
    }

    private static String clientIp(HttpServerRequest request) {
        // the forwarded client when quarkus.http.proxy.* trusts the proxy in front, else the peer
        var address = request.remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }

    private static String metricRoute(String path, Route route) {
        if (route != null) {
            return route.prefix();
        }
        if (path.equals("/openapi")) {
            return "/openapi";
        }
        if (path.startsWith("/api/v1/gateway/")) {
            return "/api/v1/gateway";
        }
        return "unmatched";
    }
}
