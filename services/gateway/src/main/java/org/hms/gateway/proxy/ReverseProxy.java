package org.hms.gateway.proxy;

import io.quarkus.logging.Log;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.hms.platform.web.RequestIds;
import org.hms.platform.problem.Problem;
import org.hms.gateway.problem.Problems;

/**
 * Passes a request to its upstream and the answer back, streaming both bodies (never buffered
 * whole) with back-pressure; a server-sent event stream flows event by event. The upstream's
 * timeout bounds the wait for the answer's head, not the silences of a body that has begun (Vert.x
 * cancels a request's idle timeout when the response arrives), so a quiet stream stays open. End-to-end headers travel unchanged (Authorization, If-Match, ETag,
 * Idempotency-Key, Location, Content-Type, X-Break-Glass-Reason, traceparent...); hop-by-hop
 * headers stop here; a request without a trace context gets one. The client's Host is kept, so the Location a service builds points at the
 * gateway; X-Forwarded-For/-Proto/-Host say where the request came from.
 */
@ApplicationScoped
public class ReverseProxy {

    /** RFC 9110 §7.6.1 connection-specific headers, plus Host (sent as the request's authority) and Expect (answered here). */
    private static final Set<String> HOP_BY_HOP = caseInsensitive(
            "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection", "TE",
            "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Expect");

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    private final Upstreams upstreams;

    public ReverseProxy(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    /** Forwards the (paused) request of {@code ctx} to {@code upstream} as {@code uri} (path and query). */
    public void forward(RoutingContext ctx, Upstream upstream, String uri) {
        HttpServerRequest in = ctx.request();
        RequestOptions options = Upstreams.target(upstream, in.method(), uri)
                .setHeaders(requestHeaders(in, ctx.get(RequestIds.HEADER)))
                .setConnectTimeout(upstream.config().connectTimeout().toMillis())
                .setIdleTimeout(upstream.timeout().toMillis());
        upstream.breaker()
                .<HttpClientResponse>execute(attempt -> upstreams.client().request(options)
                        .compose(out -> {
                            // a client that hangs up (mid-upload, or while waiting) frees the upstream at once
                            ctx.addEndHandler(ended -> {
                                if (ended.failed() && !ctx.response().ended()) {
                                    abort(out, ended.cause());
                                }
                            });
                            return send(in, out);
                        })
                        .onComplete(result -> {
                            if (result.failed() && ctx.response().closed()) {
                                // the client went away (a mobile network dropped): not the upstream's failure
                                attempt.complete();
                            } else {
                                attempt.handle(result);
                            }
                        }))
                .onSuccess(response -> {
                    if (response != null) {
                        relay(ctx, response);
                    }
                })
                .onFailure(failure -> fail(ctx, upstream, failure));
    }

    private static Future<HttpClientResponse> send(HttpServerRequest in, HttpClientRequest out) {
        HostAndPort authority = in.authority();
        if (authority != null) {
            out.authority(authority);
        }
        Future<HttpClientResponse> response;
        if (hasBody(in)) {
            if (!out.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                out.setChunked(true);
            }
            // not send(in): it would end the upstream request normally when the upload breaks off
            in.pipe().endOnFailure(false).to(out).onFailure(failure -> abort(out, failure));
            response = out.response();
        } else {
            response = out.send();
            Problems.discardBody(in);
        }
        // paused at once: no byte of the answer may arrive before relay() connects the pipe
        return response.map(r -> r.pause());
    }

    /** Resets the upstream request; the failure reaches the response future, so no one else need hear it. */
    private static void abort(HttpClientRequest out, Throwable why) {
        try {
            out.exceptionHandler(ignored -> {});
        } catch (IllegalStateException sentWhole) {
            // the request went out whole; resetting still cancels the wait for (or the rest of) its answer
        }
        out.reset(0, why);
    }

    private static void relay(RoutingContext ctx, HttpClientResponse response) {
        HttpServerResponse out = ctx.response();
        if (out.closed()) {
            abort(response.request(), new IOException("the client has gone"));
            return;
        }
        out.setStatusCode(response.statusCode());
        copyResponseHeaders(response.headers(), out.headers());
        if (!out.headers().contains(HttpHeaders.CONTENT_LENGTH)
                && mayHaveBody(ctx.request().method(), response.statusCode())
                && ctx.request().version() != HttpVersion.HTTP_1_0) {
            out.setChunked(true);
        }
        response.pipe().endOnFailure(false).to(out).onFailure(failure -> {
            // the upstream or the client broke off mid-stream: a truncated body must not look complete
            Log.debugf("stream of %s broken off: %s", ctx.request().path(), failure.toString());
            abort(response.request(), failure);
            out.reset();
        });
    }

    private static void fail(RoutingContext ctx, Upstream upstream, Throwable failure) {
        String name = upstream.name();
        if (failure instanceof OpenCircuitException) {
            long retryAfter = Math.max(1, upstream.config().circuitBreaker().resetAfter().toSeconds());
            Problems.send(ctx, Problem.unavailable(name, "is not answering; calls to it are suspended for a moment")
                            .with("circuit", upstream.breaker().state().name()),
                    "Retry-After", Long.toString(retryAfter));
            return;
        }
        Log.warnf("%s %s → %s failed (request %s): %s", ctx.request().method(), ctx.request().path(), name,
                ctx.get(RequestIds.HEADER), failure.toString());
        if (failure instanceof TimeoutException) {
            Problems.send(ctx, Problems.timeout(name, upstream.timeout()));
        } else if (failure instanceof ConnectException || failure instanceof UnknownHostException) {
            Problems.send(ctx, Problem.unavailable(name, "cannot be reached"), "Retry-After", "1");
        } else {
            Problems.send(ctx, Problems.badGateway(name));
        }
    }

    static MultiMap requestHeaders(HttpServerRequest in, String requestId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Set<String> listedInConnection = connectionTokens(in.getHeader(HttpHeaders.CONNECTION));
        for (Map.Entry<String, String> header : in.headers()) {
            String name = header.getKey();
            if (!HOP_BY_HOP.contains(name) && !listedInConnection.contains(name)
                    && !RequestIds.HEADER.equalsIgnoreCase(name)) {
                headers.add(name, header.getValue());
            }
        }
        headers.set(RequestIds.HEADER, requestId);
        if (!headers.contains(TraceParents.HEADER)) {
            headers.set(TraceParents.HEADER, TraceParents.fresh());
        }
        SocketAddress peer = in.connection() == null ? null : in.connection().remoteAddress();
        if (peer != null && peer.hostAddress() != null) {
            String before = in.getHeader(X_FORWARDED_FOR);
            headers.set(X_FORWARDED_FOR, before == null ? peer.hostAddress() : before + ", " + peer.hostAddress());
        }
        if (!headers.contains(X_FORWARDED_PROTO)) {
            headers.set(X_FORWARDED_PROTO, in.scheme() == null ? "http" : in.scheme());
        }
        HostAndPort authority = in.authority();
        if (!headers.contains(X_FORWARDED_HOST) && authority != null) {
            headers.set(X_FORWARDED_HOST, authority.toString());
        }
        return headers;
    }

    static void copyResponseHeaders(MultiMap from, MultiMap to) {
        Set<String> listedInConnection = connectionTokens(from.get(HttpHeaders.CONNECTION));
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            // CORS is the gateway's own policy; the request id is the edge's
            if (!HOP_BY_HOP.contains(name) && !listedInConnection.contains(name)
                    && !name.regionMatches(true, 0, "Access-Control-", 0, 15)
                    && !RequestIds.HEADER.equalsIgnoreCase(name)) {
                to.add(name, header.getValue());
            }
        }
    }

    static boolean hasBody(HttpServerRequest in) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !"0".equals(length.trim());
        }
        return in.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || (in.version() == HttpVersion.HTTP_2 && !in.isEnded());
    }

    private static boolean mayHaveBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }

    private static Set<String> connectionTokens(String connection) {
        if (connection == null || connection.isBlank()) {
            return Set.of();
        }
        Set<String> tokens = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String token : connection.split(",")) {
            tokens.add(token.trim());
        }
        return tokens;
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Set.of(names));
        return set;
    }
}
