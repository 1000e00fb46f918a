package org.hms.gateway.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import org.hms.platform.problem.Problem;

/**
 * Answers a request with the platform's {@link Problem} (the very type and shape the services
 * answer with), whatever state its streams are in, and names the problems only a proxy meets.
 */
public final class Problems {

    private Problems() {}

    /** 504: the upstream took longer than the route allows. */
    public static Problem timeout(String service, Duration limit) {
        String within = limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
        return Problem.of("upstream-timeout", "Gateway timeout", 504, service + " did not answer within " + within)
                .with("service", service);
    }

    /** 502: the upstream broke off the exchange before a complete answer. */
    public static Problem badGateway(String service) {
        return Problem.of("bad-gateway", "Bad gateway", 502, service + " broke off the exchange")
                .with("service", service);
    }

    public static void send(RoutingContext ctx, Problem problem) {
        send(ctx, problem, null, null);
    }

    /** With one extra header (Retry-After, WWW-Authenticate), or none when {@code header} is null. */
    public static void send(RoutingContext ctx, Problem problem, String header, String value) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // an upstream failed in the middle of a streamed answer: all that is honest is to break it off
            response.reset();
            return;
        }
        discardBody(ctx.request());
        response.setStatusCode(problem.getStatus()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (header != null) {
            response.putHeader(header, value);
        }
        response.end(Json.encodeToBuffer(problem.at(ctx.request().path())));
    }

    /**
     * The edge pauses every request until it knows where it goes; one answered by the gateway
     * itself lets the rest of its body flow (and be dropped) so the connection can serve the next.
     */
    public static void discardBody(HttpServerRequest request) {
        if (!request.isEnded()) {
            request.handler(null);
            request.resume();
        }
    }
}
