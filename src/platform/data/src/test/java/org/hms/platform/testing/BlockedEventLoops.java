package org.hms.platform.testing;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;

/**
 * Collects what Vert.x's blocked-thread checker reports while it is open, so a test can
 * assert that nothing blocked an event loop ({@code quarkus.vertx.max-event-loop-execute-time}
 * sets the threshold). {@link #proveDetection} blocks a loop on purpose, showing the watch can
 * fail.
 *
 * <pre>{@code
 * try (BlockedEventLoops watch = BlockedEventLoops.watch()) {
 *     List<Integer> statuses = BlockedEventLoops.burst(240, 16, i -> ... request i's status ...);
 *     assertThat(watch.reports()).isEmpty();
 * }
 * }</pre>
 */
public final class BlockedEventLoops implements AutoCloseable {

    private static final Logger CHECKER = Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker");

    private final List<String> reports = new ArrayList<>();
    private final Handler collector = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (reports) {
                reports.add(record.getMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private BlockedEventLoops() {
        CHECKER.addHandler(collector);
    }

    public static BlockedEventLoops watch() {
        return new BlockedEventLoops();
    }

    /** What the checker reported so far. */
    public List<String> reports() {
        synchronized (reports) {
            return List.copyOf(reports);
        }
    }

    /**
     * Sends {@code count} requests from {@code clients} threads at once, request {@code i} made by
     * {@code request.apply(i)} (mix kinds with {@code i % kinds}); answers their statuses in order.
     */
    public static List<Integer> burst(int count, int clients, IntFunction<Integer> request) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                calls.add(CompletableFuture.supplyAsync(() -> request.apply(n), pool));
            }
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    /** Keeps one event loop busy for {@code busy} and waits until the checker reports it. */
    public static void proveDetection(Vertx vertx, Duration busy) {
        try (BlockedEventLoops watch = watch()) {
            vertx.runOnContext(ignored -> spin(busy));
            Awaitility.await().atMost(busy.plusSeconds(10)).until(() -> !watch.reports().isEmpty());
        }
    }

    @Override
    public void close() {
        CHECKER.removeHandler(collector);
    }

    /** Spins rather than sleeps: the point is an event loop kept busy. */
    private static void spin(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
