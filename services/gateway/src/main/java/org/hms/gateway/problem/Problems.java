package org.hms.gateway.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Answers a request with a problem, whatever state its streams are in. */
public final class Problems {

    private Problems() {}

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
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (header != null) {
            response.putHeader(header, value);
        }
        response.end(problem.toJson(ctx.request().path()).toBuffer());
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
