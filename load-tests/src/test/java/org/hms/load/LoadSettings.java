package org.hms.load;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code -D} parameters shared by the simulations, and the HTTP protocol they all use.
 * The gatling-maven-plugin hands {@code mvn -Dname=value} on to the Gatling JVM.
 */
final class LoadSettings {

    static final String DEFAULT_BASE_URL = "http://localhost:8082";

    private LoadSettings() {}

    /**
     * {@code -DbaseUrl}, default http://localhost:8082. Only loopback targets are accepted unless
     * {@code -DallowRemoteTarget=true}: these simulations are meant for the local stack.
     */
    static String baseUrl() {
        return url("baseUrl", DEFAULT_BASE_URL);
    }

    /** {@code -DbaseUrl}, else {@code defaultUrl}: loopback only, as {@link #baseUrl()}. */
    static String baseUrl(String defaultUrl) {
        return url("baseUrl", defaultUrl);
    }

    /** {@code -D<name>}, else {@code defaultUrl}: an http(s) URL, loopback only as {@link #baseUrl()}. */
    static String url(String name, String defaultUrl) {
        String raw = string(name, defaultUrl);
        String url = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        URI uri = URI.create(url);
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException(
                    "-D" + name + " must be an http(s) URL such as " + defaultUrl + ": " + raw);
        }
        if (!Boolean.getBoolean("allowRemoteTarget") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("-D" + name + "=" + raw + " is not a loopback address; these simulations"
                    + " only target the local stack (add -DallowRemoteTarget=true if you really mean it)");
        }
        return url;
    }

    /** {@code -D<name>}, else the environment variable {@code env}, else empty (with a warning). */
    static String token(String name, String env) {
        String token = System.getProperty(name);
        if (token == null || token.isBlank()) {
            token = System.getenv(env);
        }
        if (token == null || token.isBlank()) {
            System.err.printf("WARNING: no -D%s (nor %s): requests go without Authorization and the patients"
                    + " service will answer 401%n", name, env);
            return "";
        }
        return token.strip();
    }

    /**
     * {@code -D<name>} (else the environment variable {@code env}): comma-separated tokens of several
     * users of one role (the gateway limits each user to its tier's budget a minute), as bearer values.
     */
    static List<String> bearers(String name, String env) {
        return Arrays.stream(token(name, env).split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .map(LoadSettings::bearer)
                .toList();
    }

    static String bearer(String token) {
        return token.isEmpty() ? "" : "Bearer " + token;
    }

    /** The request with {@code Authorization: <bearer>}, or without the header when there is no token. */
    static HttpRequestActionBuilder authorized(HttpRequestActionBuilder request, String bearer) {
        return bearer.isEmpty() ? request : request.header("Authorization", bearer);
    }

    static String string(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    static int positive(String name, int defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + name + " must be a positive whole number: " + value);
    }

    static int nonNegative(String name, int defaultValue) {
        String value = System.getProperty(name);
        if (value != null && value.strip().equals("0")) {
            return 0;
        }
        return positive(name, defaultValue);
    }

    static long seed() {
        return Long.parseLong(string("seed", "42"));
    }

    /** {@code -DrunId} (lower-case letters and digits) or a fresh one: part of every identifier sent. */
    static String runId() {
        return string("runId", SyntheticPatients.newNonce()).toLowerCase(Locale.ROOT);
    }

    /**
     * JSON in and out, connections shared between virtual users (the way a gateway or a desk
     * application pools them, and so that thousands of short-lived users don't exhaust
     * ephemeral ports), no HTTP cache (a 304 would fail the read check) and no warm-up request
     * (Gatling's default warm-up goes to gatling.io: traffic must only go to the target).
     */
    static HttpProtocolBuilder protocol(String baseUrl) {
        return http.baseUrl(baseUrl)
                .acceptHeader("application/json")
                .userAgentHeader("hms-load-tests (Gatling)")
                .shareConnections()
                .disableCaching()
                .disableWarmUp();
    }

    private static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress a : addresses) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
