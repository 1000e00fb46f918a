package org.hms.gateway.proxy;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C trace context ({@code traceparent}) for a request that arrives without one, so that every
 * request reaching a service belongs to a trace even while tracing is off (no collector): a new
 * trace id, the gateway as parent, not sampled. With tracing on, OpenTelemetry's client
 * instrumentation replaces it with the gateway's real span.
 */
final class TraceParents {

    static final String HEADER = "traceparent";

    private TraceParents() {}

    /** {@code 00-<32 hex trace id>-<16 hex parent id>-00}; ids never all zero (invalid by the spec). */
    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong();
        long low = random.nextLong() | 1L;
        long parent = random.nextLong() | 1L;
        return "00-" + hex(high) + hex(low) + "-" + hex(parent) + "-00";
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
