package org.hms.gateway.problem;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem ({@code application/problem+json}) in the very shape the services answer
 * (src/platform's {@code Problem}): type {@code https://hms.example.org/problems/<slug>}, title,
 * status, detail, instance, then the extension members. The gateway has no Jackson, so it writes
 * Vert.x JSON.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPES = "https://hms.example.org/problems/";

    private final String slug;
    private final String title;
    private final int status;
    private final String detail;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Problem(String slug, String title, int status, String detail) {
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.detail = detail;
    }

    /** A problem of type {@code https://hms.example.org/problems/<slug>}. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(slug, title, status, detail);
    }

    public Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public int status() {
        return status;
    }

    /** The problem as sent for the request at {@code instance} (its path). */
    public JsonObject toJson(String instance) {
        JsonObject json = new JsonObject();
        if (slug != null) {
            json.put("type", TYPES + slug);
        }
        json.put("title", title).put("status", status);
        if (detail != null) {
            json.put("detail", detail);
        }
        if (instance != null) {
            json.put("instance", instance);
        }
        extensions.forEach(json::put);
        return json;
    }

    public static Problem notFound(String path) {
        return of("not-found", "Not found", 404, "no service answers " + path);
    }

    public static Problem unauthenticated() {
        return of("unauthenticated", "Unauthenticated", 401, "a valid bearer token is required");
    }

    public static Problem forbidden(String detail) {
        return of("forbidden", "Forbidden", 403, detail);
    }

    public static Problem rateLimited(long retryAfterSeconds) {
        return of("rate-limited", "Too many requests", 429,
                        "the request limit for this caller is used up; retry after " + retryAfterSeconds + " s")
                .with("retryAfter", retryAfterSeconds);
    }

    public static Problem unavailable(String service, String why) {
        return of("service-unavailable", "Service unavailable", 503, service + " " + why)
                .with("service", service);
    }

    public static Problem timeout(String service, Duration limit) {
        String within = limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
        return of("upstream-timeout", "Gateway timeout", 504, service + " did not answer within " + within)
                .with("service", service);
    }

    public static Problem badGateway(String service) {
        return of("bad-gateway", "Bad gateway", 502, service + " broke off the exchange")
                .with("service", service);
    }
}
