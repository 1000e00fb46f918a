package org.hms.platform.testing;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerBuilder;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ProducerBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.hms.contracts.EventEnvelope;

/**
 * Reads and writes topics of the real broker in tests, through the Kafka companion.
 *
 * <p>Topics keep their history between runs, so a test looks only at what it caused: take a
 * {@link #mark} of the topic before acting, then {@link #await} the records that match a
 * predicate after that mark (e.g. the test's own subject or request id). {@link #since} reads
 * what was published up to now without waiting, to show that something did not happen.
 *
 * <pre>{@code
 * KafkaEvents.Mark mark = kafka.mark("hms.patients");
 * ... register a patient ...
 * ConsumerRecord<String, String> event = kafka.awaitOne(mark, KafkaEvents.key(patientId));
 * }</pre>
 *
 * One instance per test class is enough ({@code static final}); the broker is
 * {@code $KAFKA_BOOTSTRAP_SERVERS}, else {@code 127.0.0.1:9092}. Needs
 * {@code io.quarkus:quarkus-test-kafka-companion} in test scope.
 */
public final class KafkaEvents implements AutoCloseable {

    /** How long {@link #awaitOne} waits by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaCompanion companion;
    private final String bootstrapServers;

    public KafkaEvents() {
        this(bootstrapServers());
    }

    public KafkaEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.companion = new KafkaCompanion(bootstrapServers, Duration.ofSeconds(15));
    }

    /** {@code $KAFKA_BOOTSTRAP_SERVERS}, else the loopback broker {@code ./hms} runs. */
    public static String bootstrapServers() {
        String configured = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return configured == null || configured.isBlank() ? "127.0.0.1:9092" : configured;
    }

    /** The companion itself, for what this class does not cover (admin, consumer groups). */
    public KafkaCompanion companion() {
        return companion;
    }

    /** The end offsets of every partition of a topic at one moment. */
    public record Mark(String topic, Map<TopicPartition, Long> offsets) {}

    /** Where {@code topic} ends now: records published afterwards are "after the mark". */
    public Mark mark(String topic) {
        return offsets(topic, OffsetSpec.latest());
    }

    /** The start of {@code topic}: everything it still holds is after this mark. */
    public Mark beginning(String topic) {
        return offsets(topic, OffsetSpec.earliest());
    }

    /**
     * Waits until {@code count} records after {@code from} match {@code filter}; fails after
     * {@code timeout}. The records come in offset order within each partition.
     */
    public List<ConsumerRecord<String, String>> await(
            Mark from, int count, Predicate<ConsumerRecord<String, String>> filter, Duration timeout) {
        try (ConsumerBuilder<String, String> consumer = companion.consumeStrings()) {
            ConsumerTask<String, String> task = consumer.fromOffsets(
                    from.offsets(), records -> records.select().where(filter::test).select().first(count));
            try {
                task.awaitRecords(count, timeout);
            } catch (AssertionError e) {
                throw new AssertionError("expected " + count + " matching records on " + from.topic() + " within "
                        + timeout + ", found " + task.count() + ": " + e.getMessage(), e);
            } finally {
                task.stop();
            }
            return List.copyOf(task.getRecords());
        }
    }

    /** The one record after {@code from} that matches {@code filter}, waiting up to 30 s. */
    public ConsumerRecord<String, String> awaitOne(Mark from, Predicate<ConsumerRecord<String, String>> filter) {
        return await(from, 1, filter, DEFAULT_TIMEOUT).get(0);
    }

    /** Like {@link #await}, over everything the topic holds. */
    public List<ConsumerRecord<String, String>> awaitFromBeginning(
            String topic, int count, Predicate<ConsumerRecord<String, String>> filter, Duration timeout) {
        return await(beginning(topic), count, filter, timeout);
    }

    /**
     * Everything published after {@code from} up to this moment, without waiting for more:
     * to assert that an event was not published. (Counts offsets, so not for topics written
     * by transactional producers.)
     */
    public List<ConsumerRecord<String, String>> since(Mark from) {
        Mark now = mark(from.topic());
        long count = now.offsets().entrySet().stream()
                .mapToLong(end -> end.getValue() - from.offsets().getOrDefault(end.getKey(), 0L))
                .sum();
        if (count == 0) {
            return List.of();
        }
        try (ConsumerBuilder<String, String> consumer = companion.consumeStrings()) {
            ConsumerTask<String, String> task = consumer.fromOffsets(from.offsets(), count);
            task.awaitCompletion(DEFAULT_TIMEOUT);
            return List.copyOf(task.getRecords());
        }
    }

    /**
     * Commits {@code group}'s position on every partition of {@code topic} at the topic's end,
     * so a consumer of that group starting next reads only what is published from now on
     * (a test consumer need not wade through the history of a shared broker). Waits, up to a
     * minute, for members of an earlier run to leave the group.
     */
    public void skipToEnd(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> end = mark(topic).offsets().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (true) {
                try {
                    admin.alterConsumerGroupOffsets(group, end).all().get(30, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("cannot move consumer group " + group + " to the end of "
                                + topic + ": " + e.getCause(), e);
                    }
                    // members of a run that has just ended may still be in the group: wait for them to leave
                    Thread.sleep(1_000);
                }
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot move consumer group " + group + ": " + e, e);
        }
    }

    /** Sends records one after another, each acknowledged before the next (so order is kept). */
    @SafeVarargs
    public final void send(ProducerRecord<String, String>... records) {
        try (ProducerBuilder<String, String> producer = companion.produceStrings()) {
            producer.withConcurrency(1).fromRecords(List.of(records)).awaitCompletion(DEFAULT_TIMEOUT);
        }
    }

    /**
     * Sends one event as the outbox relay does: keyed by its subject, marked
     * {@code application/cloudevents+json} (a consumer channel must read it as text).
     */
    public void sendAsRelay(String topic, Object key, String envelope) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key.toString(), envelope);
        record.headers().add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    /** Records whose key is {@code key}. */
    public static Predicate<ConsumerRecord<String, String>> key(Object key) {
        return record -> key.toString().equals(record.key());
    }

    /** Records whose value contains {@code text} (e.g. an id). */
    public static Predicate<ConsumerRecord<String, String>> containing(Object text) {
        return record -> record.value() != null && record.value().contains(text.toString());
    }

    /** The last value of a header, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        companion.close();
    }

    private Mark offsets(String topic, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        companion.topics().describe(topic).get(topic).partitions()
                .forEach(p -> request.put(new TopicPartition(topic, p.partition()), spec));
        Map<TopicPartition, Long> offsets = companion.offsets().list(request).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        return new Mark(topic, Map.copyOf(offsets));
    }
}
