package org.hms.gateway.vertx;

import io.vertx.core.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One client per Vert.x event-loop thread. A client's connections belong to the event loop that
 * opened them, and a reply arriving on another loop is handed over with a task and a selector
 * wake-up: with one shared pool, that hand-over was a sixth of the gateway's CPU. Each loop using
 * clients of its own keeps a request on its thread from the client's socket to the upstream's.
 * Threads that are no event loop (start-up, tests) share one more instance.
 */
public final class PerEventLoop<T> {

    private final Supplier<T> factory;
    private final Map<Thread, T> instances = new ConcurrentHashMap<>();
    private final Thread shared = new Thread(() -> {}, "no event loop");

    public PerEventLoop(Supplier<T> factory) {
        this.factory = factory;
    }

    /** The instance of the calling event loop (created on first use, so its connections open there). */
    public T get() {
        Thread key = Context.isOnEventLoopThread() ? Thread.currentThread() : shared;
        T instance = instances.get(key);
        return instance != null ? instance : instances.computeIfAbsent(key, k -> factory.get());
    }

    public void forEach(Consumer<T> action) {
        instances.values().forEach(action);
    }
}
