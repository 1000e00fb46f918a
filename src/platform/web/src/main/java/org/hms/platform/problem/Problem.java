package org.hms.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). Extension members (the
 * invalid fields, the likely duplicates, an error id) sit beside the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPES = "https://hms.example.org/problems/";

    private final URI type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance;
    private final Map<String, Object> extensions;

    private Problem(String slug, String title, int status, String detail, String instance, Map<String, Object> ext) {
        this.type = slug == null ? null : URI.create(TYPES + slug);
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.extensions = ext;
    }

    /** A problem of type {@code https://hms.example.org/problems/<slug>}. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(slug, title, status, detail, null, new LinkedHashMap<>());
    }

    /** 404: {@code detail} says what was looked for. */
    public static Problem notFound(String detail) {
        return of("not-found", "Not found", 404, detail);
    }

    /** 401: no token, or one that did not verify (the response adds {@code WWW-Authenticate: Bearer}). */
    public static Problem unauthenticated() {
        return of("unauthenticated", "Unauthenticated", 401, "a valid bearer token is required");
    }

    /** 403: the caller is known, but its role or patient does not allow this. */
    public static Problem forbidden(String detail) {
        return of("forbidden", "Forbidden", 403, detail);
    }

    /** 429: the caller's request budget is used up (the response adds {@code Retry-After}). */
    public static Problem rateLimited(long retryAfterSeconds) {
        return of("rate-limited", "Too many requests", 429,
                        "the request limit for this caller is used up; retry after " + retryAfterSeconds + " s")
                .with("retryAfter", retryAfterSeconds);
    }

    /** 503: another service this answer needs cannot be reached; {@code service} names it. */
    public static Problem unavailable(String service, String why) {
        return of("service-unavailable", "Service unavailable", 503, service + " " + why)
                .with("service", service);
    }

    public Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Problem at(String instance) {
        return new Problem(slug(), title, status, detail, instance, extensions);
    }

    private String slug() {
        return type == null ? null : type.toString().substring(TYPES.length());
    }

    public URI getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
