package org.hms.platform.audit;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hms.contracts.EventEnvelope;
import org.hms.contracts.audit.AuditRecorded;
import org.hms.platform.events.EventJson;
import org.hms.platform.events.Outbox;

/**
 * Writes audit events that belong to no transaction to the outbox, from where the relay
 * publishes them to {@code hms.audit}. Services do not call it: they use {@link Audit}.
 *
 * <p>A caller's {@code Uni} completes only once its event is committed, so no response leaves
 * before its audit record is durable. Concurrent requests share commits: while one insert is
 * in flight, newly arriving events queue up and go together in the next one (group commit),
 * which keeps audited reads cheap under load.
 */
@ApplicationScoped
public class AuditTrail {

    private static final int MAX_BATCH = 500;
    private static final String INSERT = "insert into outbox (id, topic, message_key, type, envelope, created_at)"
            + " values ($1, $2, $3, $4, $5, $6)";

    private final Pool pool;
    private final Outbox outbox;
    private final EventJson json;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    public AuditTrail(Pool pool, Outbox outbox, EventJson json) {
        this.pool = pool;
        this.outbox = outbox;
        this.json = json;
    }

    /** Stores the event durably; completes when it is committed. */
    Uni<Void> record(AuditRecorded event) {
        EventEnvelope envelope = outbox.envelope(event);
        Context caller = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> {
            queue.add(new Pending(envelope, emitter, caller));
            writeIfIdle();
        });
    }

    private void writeIfIdle() {
        if (!writing.compareAndSet(false, true)) {
            return; // the write in flight picks this event up when it finishes
        }
        List<Pending> batch = drain();
        if (batch.isEmpty()) {
            writing.set(false);
            if (!queue.isEmpty()) {
                writeIfIdle();
            }
            return;
        }
        pool.preparedQuery(INSERT)
                .executeBatch(batch.stream().map(this::row).toList())
                .subscribe()
                .with(rows -> finish(batch, null), failure -> finish(batch, failure));
    }

    private List<Pending> drain() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void finish(List<Pending> batch, Throwable failure) {
        writing.set(false);
        writeIfIdle();
        for (Pending pending : batch) {
            pending.complete(failure);
        }
    }

    private Tuple row(Pending pending) {
        EventEnvelope e = pending.envelope();
        return Tuple.tuple(List.of(
                e.id(),
                AuditRecorded.CONTRACT.topic(),
                e.subject(),
                e.type(),
                json.write(e),
                e.time().atOffset(ZoneOffset.UTC)));
    }

    private record Pending(EventEnvelope envelope, UniEmitter<? super Void> emitter, Context caller) {

        /** Resumes the waiting request on its own event loop. */
        void complete(Throwable failure) {
            Runnable done = failure == null ? () -> emitter.complete(null) : () -> emitter.fail(failure);
            if (caller == null) {
                done.run();
            } else {
                caller.runOnContext(ignored -> done.run());
            }
        }
    }
}
