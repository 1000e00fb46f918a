package org.hms.gateway.ratelimit;

import io.vertx.core.http.HttpServerResponse;

/**
 * The outcome of one rate-limit check: the limit that decided, the room left in its window and
 * when that window ends. {@link #UNCHECKED} when limits are off or Redis did not answer (fail open).
 */
public record RateLimitDecision(boolean admitted, String policy, long limit, long remaining, long resetSeconds) {

    public static final RateLimitDecision UNCHECKED = new RateLimitDecision(true, null, 0, 0, 0);

    public boolean checked() {
        return policy != null;
    }

    /** RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (seconds), as in the IETF draft. */
    public void writeHeaders(HttpServerResponse response) {
        if (!checked()) {
            return;
        }
        response.putHeader("RateLimit-Limit", Long.toString(limit));
        response.putHeader("RateLimit-Remaining", Long.toString(remaining));
        response.putHeader("RateLimit-Reset", Long.toString(resetSeconds));
    }
}
