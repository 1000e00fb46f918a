package org.hms.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hms.contracts.EventEnvelope;
import org.hms.platform.config.PlatformConfig;

/**
 * Publishes the outbox to Kafka (ADR 001, ADR 006). A pass holds a session-level advisory
 * lock on one connection, so with several replicas exactly one relays at a time; no database
 * transaction stays open while the broker is waited for:
 *
 * <ol>
 *   <li>read the oldest pending rows (one short statement);
 *   <li>send them in table order (one aggregate's events keep their order on its partition) and
 *       wait for every ack;
 *   <li>stamp the acknowledged rows sent, and park the rows Kafka can never take (too large,
 *       invalid topic, ...: {@link #neverSendable}) with the reason — the rest flow on;
 *   <li>if a row failed for a reason that may pass (broker down, timeout), the pass fails: it
 *       is retried after an exponential backoff ({@code hms.outbox.backoff-initial}, doubling up
 *       to {@code hms.outbox.backoff-max}), only for the rows not yet sent.
 * </ol>
 *
 * An idle relay polls every {@code hms.outbox.poll-interval}, and wakes at once when a transaction
 * that wrote events commits (a trigger NOTIFYs the channel it LISTENs on), so an event reaches
 * Kafka within milliseconds of its commit.
 *
 * A crash between the ack and the stamp sends those rows again: duplicates are possible, loss
 * is not, and consumers drop duplicates by event id. Metrics: {@code hms.outbox.published},
 * {@code hms.outbox.failures} (failed passes), {@code hms.outbox.parked} (rows parked),
 * {@code hms.outbox.parked.rows} (rows parked now), {@code hms.outbox.backoff.seconds}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int PURGE_BATCH = 20_000;
    private static final long LOCK_KEY = 0x6d73_6f75_7462_6f78L; // "hms outbox"
    private static final int MAX_REASON = 1000;
    /** The channel the outbox's insert trigger notifies (V0_4__outbox_wakes_the_relay.sql). */
    static final String CHANNEL = "hms_outbox";
    private static final Duration RELISTEN = Duration.ofSeconds(1);

    private final Pool pool;
    private final MutinyEmitter<String> kafka;
    private final PlatformConfig.Outbox config;
    private final Counter published;
    private final Counter failures;
    private final Counter parked;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong backoffMillis = new AtomicLong();
    private final AtomicLong parkedRows = new AtomicLong();
    /** Set by a notification, cleared when a pass starts: a pass that ends woken runs again at once. */
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile PgConnection listener;
    private volatile boolean paused;
    private volatile boolean stopped;
    private volatile long timer = -1;

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
        this.parked = registry.counter("hms.outbox.parked");
        registry.gauge("hms.outbox.parked.rows", parkedRows);
        registry.gauge("hms.outbox.backoff.seconds", backoffMillis, millis -> millis.get() / 1000.0);
    }

    /**
     * Starts polling, and listening for commits that wrote events; the scheduler extension cannot
     * run jobs more often than once a second.
     */
    void start(@Observes StartupEvent started) {
        if (config.relayEnabled()) {
            next(config.pollInterval());
            listen();
        }
    }

    /** Stops polling before the pool closes, so shutdown logs no failed passes. */
    void stop(@Observes ShutdownEvent stopping) {
        stopped = true;
        vertx.cancelTimer(timer);
        PgConnection connection = listener;
        if (connection != null) {
            connection.closeAndForget();
        }
    }

    /**
     * Holds one connection that LISTENs on {@value #CHANNEL}; the outbox's insert trigger notifies
     * it when a transaction that wrote events commits (migration V0_4). Polling goes on beside it:
     * a lost connection costs latency, never an event. A dropped listener is re-established.
     */
    private void listen() {
        pool.getConnection()
                .map(PgConnection::cast)
                .call(connection -> connection.query("LISTEN " + CHANNEL).execute())
                .subscribe()
                .with(connection -> {
                    listener = connection;
                    connection.notificationHandler(notification -> wake());
                    connection.closeHandler(() -> relisten("the connection closed"));
                }, failure -> relisten(failure.toString()));
    }

    private void relisten(String why) {
        listener = null;
        if (!stopped) {
            Log.debugf("outbox relay not listening (%s): retrying in %d ms", why, RELISTEN.toMillis());
            vertx.setTimer(RELISTEN.toMillis(), id -> listen());
        }
    }

    /**
     * New events are visible: relay now instead of at the next poll. Exactly one pass or one timer
     * exists at any time; when the timer can be cancelled the wake runs the pass itself, otherwise a
     * pass is under way and runs again as soon as it ends.
     */
    private void wake() {
        woken.set(true);
        long pending = timer;
        if (!paused && pending != -1 && vertx.cancelTimer(pending)) {
            poll();
        }
    }

    private void next(Duration delay) {
        if (!stopped) {
            timer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> poll());
        }
    }

    private void poll() {
        timer = -1;
        if (paused || !running.compareAndSet(false, true)) {
            next(config.pollInterval());
            return;
        }
        woken.set(false);
        relayPending().subscribe().with(sent -> {
            running.set(false);
            backoffMillis.set(0);
            next(woken.getAndSet(false) ? Duration.ZERO : config.pollInterval());
        }, failure -> {
            running.set(false);
            failures.increment();
            Duration backoff = backoffAfterFailure();
            Log.warnf("outbox relay pass failed, next attempt in %d ms: %s", backoff.toMillis(), failure.getMessage());
            next(backoff);
        });
    }

    /** The pause after one more failed pass: the initial backoff, doubled after each failure, capped. */
    private Duration backoffAfterFailure() {
        long initial = config.backoffInitial().toMillis();
        long max = Math.max(initial, config.backoffMax().toMillis());
        return Duration.ofMillis(backoffMillis.updateAndGet(last -> last == 0 ? initial : Math.min(max, last * 2)));
    }

    /** How long the relay waits before its next attempt because passes failed (zero when healthy). */
    public Duration currentBackoff() {
        return Duration.ofMillis(backoffMillis.get());
    }

    /**
     * Relays until no full batch is left; the number of events sent. Fails when a row could not
     * be sent for a reason that may pass (what was acknowledged is stamped first).
     */
    public Uni<Integer> relayPending() {
        return pool.getConnection().chain(conn -> tryLock(conn)
                .chain(locked -> locked ? drain(conn).call(() -> unlock(conn)) : Uni.createFrom().item(0))
                .onFailure()
                .call(() -> unlock(conn))
                .eventually(conn::close));
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
     * Parked rows stay until an operator releases or deletes them; their count is refreshed here.
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
                .chain(this::countParked)
                .replaceWithVoid();
    }

    private Uni<Integer> purgeBatch() {
        return pool.preparedQuery("delete from outbox where position in (select position from outbox"
                        + " where sent_at < now() - make_interval(secs => $1) order by sent_at limit $2)")
                .execute(Tuple.of((double) config.keepSent().toSeconds(), PURGE_BATCH))
                .map(rows -> rows.rowCount());
    }

    private Uni<Long> countParked() {
        return pool.query("select count(*) from outbox where parked_at is not null")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .invoke(parkedRows::set);
    }

    /** A session lock (no transaction): held while this pass sends, released at its end. */
    private static Uni<Boolean> tryLock(SqlConnection conn) {
        return conn.preparedQuery("select pg_try_advisory_lock($1)")
                .execute(Tuple.of(LOCK_KEY))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Releases every session lock of this pooled connection, so none outlives the pass. */
    private static Uni<Void> unlock(SqlConnection conn) {
        return conn.query("select pg_advisory_unlock_all()")
                .execute()
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }

    private Uni<Integer> drain(SqlConnection conn) {
        return Uni.createFrom()
                .deferred(() -> relayBatch(conn))
                .repeat()
                .until(sent -> sent < config.batchSize())
                .collect()
                .with(Collectors.summingInt(Integer::intValue));
    }

    /**
     * One batch: read, send, then stamp and park — each statement its own short transaction.
     * The first row goes alone: while the broker is unreachable a pass fails after one send's
     * timeout instead of queueing the whole batch behind it (each queued send would wait
     * {@code max.block.ms} for metadata in turn). The rest go with at most
     * {@code hms.outbox.send-window} in flight, and none is started after a send failed for a
     * reason that may pass.
     */
    private Uni<Integer> relayBatch(SqlConnection conn) {
        return conn.preparedQuery("select id, topic, message_key, envelope from outbox"
                        + " where sent_at is null and parked_at is null order by position limit $1")
                .execute(Tuple.of(config.batchSize()))
                .chain(found -> {
                    List<Row> rows = new ArrayList<>();
                    found.forEach(rows::add);
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return outcome(rows.get(0))
                            .chain(first -> first.mayPass()
                                    ? Uni.createFrom().item(List.of(first))
                                    : sendRest(rows.subList(1, rows.size())).map(rest -> with(first, rest)))
                            .chain(outcomes -> settle(conn, rows.size(), outcomes));
                });
    }

    private Uni<List<Outcome>> sendRest(List<Row> rows) {
        AtomicBoolean stop = new AtomicBoolean();
        return Multi.createFrom()
                .iterable(rows)
                .onItem()
                .transformToUni(row -> stop.get()
                        ? Uni.createFrom().<Outcome>nullItem() // not sent: stays pending for the next pass
                        : outcome(row).invoke(o -> {
                            if (o.mayPass()) {
                                stop.set(true);
                            }
                        }))
                .merge(config.sendWindow())
                .collect()
                .asList();
    }

    private Uni<Outcome> outcome(Row row) {
        UUID id = row.getUUID("id");
        return send(row).map(ignored -> new Outcome(id, null)).onFailure().recoverWithItem(e -> new Outcome(id, e));
    }

    private static List<Outcome> with(Outcome first, List<Outcome> rest) {
        List<Outcome> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** What became of one row's send: acknowledged (no failure), refused for good, or failed for now. */
    private record Outcome(UUID id, Throwable failure) {
        boolean mayPass() {
            return failure != null && !neverSendable(failure);
        }
    }

    /** Stamps the acknowledged rows, parks the refused ones; fails when any row failed for now or was not tried. */
    private Uni<Integer> settle(SqlConnection conn, int read, List<Outcome> outcomes) {
        List<UUID> sent = new ArrayList<>();
        List<Tuple> toPark = new ArrayList<>();
        Throwable mayPass = null;
        for (Outcome outcome : outcomes) {
            if (outcome.failure() == null) {
                sent.add(outcome.id());
            } else if (outcome.mayPass()) {
                mayPass = mayPass == null ? outcome.failure() : mayPass;
            } else {
                String reason = reason(outcome.failure());
                toPark.add(Tuple.of(outcome.id(), reason));
                Log.errorf("outbox row %s parked: Kafka can never take it (%s)", outcome.id(), reason);
            }
        }
        Throwable retry = mayPass;
        return markSent(conn, sent)
                .call(() -> park(conn, toPark))
                .chain(count -> retry != null ? Uni.createFrom().failure(retry) : Uni.createFrom().item(read));
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
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return conn.preparedQuery("update outbox set sent_at = now() where id = any($1)")
                .execute(Tuple.of(ids.toArray(new UUID[0])))
                .invoke(() -> published.increment(ids.size()))
                .replaceWith(ids.size());
    }

    private Uni<Void> park(SqlConnection conn, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("update outbox set parked_at = now(), park_reason = $2 where id = $1")
                .executeBatch(rows)
                .invoke(() -> parked.increment(rows.size()))
                .chain(this::countParked)
                .replaceWithVoid();
    }

    /**
     * Whether Kafka refuses this record for what it is, so resending can never succeed: larger
     * than the producer's {@code max.request.size} or the broker's {@code message.max.bytes}, a
     * topic name Kafka does not allow, a value its serializer cannot write, a topic this
     * service may not write to. Timeouts, a broker that is down, a leader election: they pass.
     */
    static boolean neverSendable(Throwable failure) {
        return refusal(failure) != null;
    }

    /** The exception in the chain by which Kafka refuses the record for good, or null. */
    private static Throwable refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException
                    || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidTopicException
                    || t instanceof InvalidRecordException
                    || t instanceof SerializationException
                    || t instanceof TopicAuthorizationException) {
                return t;
            }
        }
        return null;
    }

    private static String reason(Throwable failure) {
        Throwable refusal = refusal(failure);
        Throwable cause = refusal != null ? refusal : failure;
        String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }
}
