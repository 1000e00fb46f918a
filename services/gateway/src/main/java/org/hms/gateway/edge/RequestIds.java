package org.hms.gateway.edge;

import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets an {@code X-Request-Id}: the client's when it sent a sane one, else a fresh
 * UUID. The upstream receives it (and logs and audits with it) and the client sees it echoed.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** Where the routing context keeps it. */
    public static final String KEY = "hms.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    static String assign(HttpServerRequest request) {
        String given = request.getHeader(HEADER);
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
