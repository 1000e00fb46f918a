package org.hms.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hms.contracts.EventEnvelope;
import org.hms.platform.config.PlatformConfig;

/**
 * Publishes the outbox to Kafka. Each pass takes the oldest pending events, sends them in
 * table order (so one aggregate's events keep their order on its partition), waits for the
 * broker's acks and only then stamps them sent, all inside one transaction holding an
 * advisory lock: with several replicas exactly one relays at a time. A crash before the
 * stamp means the batch is sent again: duplicates are possible, loss is not, and consumers
 * drop duplicates by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int PURGE_BATCH = 20_000;
    private static final long LOCK_KEY = 0x6d73_6f75_7462_6f78L; // "hms outbox"

    private final Pool pool;
    private final MutinyEmitter<String> kafka;
    private final PlatformConfig.Outbox config;
    private final Counter published;
    private final Counter failures;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean paused;
    private long timer = -1;

    public OutboxRelay(
            Pool pool,
            @Channel("hms-outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    MutinyEmitter<String> kafka,
            PlatformConfig config,
            MeterRegistry registry,
            Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
        this.kafka = kafka;
        this.config = config.outbox();
        this.published = registry.counter("hms.outbox.published");
        this.failures = registry.counter("hms.outbox.failures");
    }

    /** Starts polling; the scheduler extension cannot run jobs more often than once a second. */
    void start(@Observes StartupEvent started) {
        if (config.relayEnabled()) {
            timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> poll());
        }
    }

    /** Stops polling before the pool closes, so shutdown logs no failed passes. */
    void stop(@Observes ShutdownEvent stopping) {
        paused = true;
        vertx.cancelTimer(timer);
    }

    private void poll() {
        if (paused || !running.compareAndSet(false, true)) {
            return;
        }
        relayPending().subscribe().with(sent -> running.set(false), failure -> {
            running.set(false);
            failures.increment();
            Log.warnf("outbox relay pass failed, will retry: %s", failure.getMessage());
        });
    }

    /** Relays until no full batch is left; the number of events sent. */
    public Uni<Integer> relayPending() {
        return Uni.createFrom()
                .deferred(this::relayOneBatch)
                .repeat()
                .until(sent -> sent < config.batchSize())
                .collect()
                .with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    /** Stops publishing (events keep accumulating in the table), e.g. for maintenance. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    /**
     * Deletes sent events older than {@code keep-sent}, in batches so no single statement
     * holds locks for long; audited reads put thousands of rows a second through the table.
     */
    @Scheduled(
            identity = "hms-outbox-purge",
            every = "10s",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeSent() {
        return Uni.createFrom()
                .deferred(this::purgeBatch)
                .repeat()
                .until(deleted -> deleted < PURGE_BATCH)
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Integer> purgeBatch() {
        return pool.preparedQuery("delete from outbox where position in (select position from outbox"
                        + " where sent_at < now() - make_interval(secs => $1) order by sent_at limit $2)")
                .execute(Tuple.of((double) config.keepSent().toSeconds(), PURGE_BATCH))
                .map(rows -> rows.rowCount());
    }

    private Uni<Integer> relayOneBatch() {
        return pool.withTransaction(conn -> tryLock(conn).chain(locked -> locked ? sendBatch(conn) : Uni.createFrom()
                .item(0)));
    }

    private Uni<Boolean> tryLock(SqlConnection conn) {
        return conn.preparedQuery("select pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(LOCK_KEY))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    private Uni<Integer> sendBatch(SqlConnection conn) {
        return conn.preparedQuery("select id, topic, message_key, envelope from outbox"
                        + " where sent_at is null order by position limit $1")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    List<Uni<Void>> sends = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID("id"));
                        sends.add(send(row));
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.join().all(sends).andFailFast().chain(() -> markSent(conn, ids));
                });
    }

    private Uni<Void> send(Row row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("message_key"))
                .withHeaders(headers)
                .build();
        return kafka.sendMessage(Message.of(row.getString("envelope")).addMetadata(metadata));
    }

    private Uni<Integer> markSent(SqlConnection conn, List<UUID> ids) {
        return conn.preparedQuery("update outbox set sent_at = now() where id = any($1)")
                .execute(Tuple.of(ids.toArray(new UUID[0])))
                .invoke(() -> published.increment(ids.size()))
                .replaceWith(ids.size());
    }
}
