package org.hms.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.hms.contracts.system.TopicEntry;

/**
 * Brings a broker's topics in line with the descriptor through the Admin API, in one client:
 * missing topics are created (replication factor 1: the local broker is a single node), and
 * existing ones get the declared {@code retention.ms}. Partitions of an existing topic are
 * left alone: adding some would move keys to other partitions and break per-aggregate order.
 */
final class TopicCreator implements AutoCloseable {

    private static final short REPLICATION_FACTOR = 1;

    private final Admin admin;
    private final long timeoutMs;

    TopicCreator(String bootstrap, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        // must not exceed the API timeout, or the client refuses the configuration
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "hms-cli");
        this.admin = Admin.create(props);
        this.timeoutMs = timeout.toMillis();
    }

    /** Applies {@code topics}; returns one human-readable line per change made. */
    List<String> ensure(List<TopicEntry> topics) {
        Set<String> existing = await(admin.listTopics().names(), "listing the topics");
        List<String> changes = new ArrayList<>();
        List<NewTopic> missing = new ArrayList<>();
        Map<String, String> retentionOfExisting = new LinkedHashMap<>();
        for (TopicEntry topic : topics) {
            String retention = Long.toString(topic.retentionMs());
            if (existing.contains(topic.name())) {
                retentionOfExisting.put(topic.name(), retention);
            } else {
                missing.add(new NewTopic(topic.name(), topic.partitions(), REPLICATION_FACTOR)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retention)));
            }
        }
        admin.createTopics(missing).values().forEach((name, created) -> {
            if (createdNow(created, name)) {
                changes.add("created topic " + name);
            } else {
                retentionOfExisting.put(name, Long.toString(find(topics, name).retentionMs()));
            }
        });
        changes.addAll(alignRetention(retentionOfExisting));
        return changes;
    }

    private List<String> alignRetention(Map<String, String> wanted) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<ConfigResource> resources = wanted.keySet().stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                .toList();
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(resources).all(), "reading topic configs");
        Map<ConfigResource, Collection<AlterConfigOp>> alter = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        configs.forEach((resource, config) -> {
            String want = wanted.get(resource.name());
            ConfigEntry have = config.get(TopicConfig.RETENTION_MS_CONFIG);
            if (have == null || !want.equals(have.value())) {
                alter.put(resource, List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, want), AlterConfigOp.OpType.SET)));
                changes.add("set retention.ms=" + want + " on topic " + resource.name());
            }
        });
        if (!alter.isEmpty()) {
            await(admin.incrementalAlterConfigs(alter).all(), "setting retention.ms");
        }
        return changes;
    }

    /** True if this call created the topic, false if someone else did meanwhile. */
    private boolean createdNow(KafkaFuture<Void> creation, String name) {
        try {
            creation.get(timeoutMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new CliException("creating topic " + name + " failed: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new CliException("creating topic " + name + ": no answer within " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new CliException(what + " failed: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new CliException(what + ": the broker did not answer within " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private static TopicEntry find(List<TopicEntry> topics, String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
