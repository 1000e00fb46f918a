package org.hms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real broker ./hms setup runs (127.0.0.1:9092), on throw-away topics of its own. */
class TopicsCommandTest {

    static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

    @TempDir
    Path dir;

    final String prefix = "hms.clitest-" + UUID.randomUUID().toString().substring(0, 8);
    Admin admin;

    @BeforeEach
    void connect() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        admin = Admin.create(props);
    }

    @AfterEach
    void deleteTestTopics() throws Exception {
        List<String> ours = admin.listTopics().names().get().stream().filter(t -> t.startsWith(prefix)).toList();
        admin.deleteTopics(ours).all().get();
        admin.close();
    }

    @Test
    void missingTopicsAreCreatedWithTheirPartitionsRetentionAndDeadLetterTopics() throws Exception {
        Run run = create(descriptor(3, -1));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("created topic " + prefix + ".events", "created topic " + prefix + ".events.dlq");
        Map<String, TopicDescription> topics =
                admin.describeTopics(List.of(prefix + ".events", prefix + ".events.dlq")).allTopicNames().get();
        assertThat(topics.get(prefix + ".events").partitions()).hasSize(3);
        assertThat(topics.get(prefix + ".events.dlq").partitions()).hasSize(1);
        assertThat(retention(prefix + ".events")).isEqualTo("-1");
        assertThat(retention(prefix + ".events.dlq")).isEqualTo("2592000000");
    }

    @Test
    void aSecondRunChangesNothing() throws Exception {
        Path descriptor = descriptor(3, -1);
        create(descriptor);

        Run again = create(descriptor);

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).containsExactly("2 topics present: " + prefix + ".events " + prefix + ".events.dlq");
    }

    @Test
    void theRetentionOfAnExistingTopicIsSetToTheDeclaredValue() throws Exception {
        Path descriptor = descriptor(3, -1);
        create(descriptor);
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, prefix + ".events");
        admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                        new ConfigEntry("retention.ms", "60000"), AlterConfigOp.OpType.SET))))
                .all()
                .get();

        Run run = create(descriptor);

        assertThat(run.out()).contains("set retention.ms=-1 on topic " + prefix + ".events");
        assertThat(retention(prefix + ".events")).isEqualTo("-1");
    }

    @Test
    void anUnreachableBrokerFailsWithinTheTimeout() throws Exception {
        Run run = Run.of("--descriptor", descriptor(1, -1).toString(), "topics", "create",
                "--bootstrap", "127.0.0.1:1", "--timeout", "2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("hms topics create:");
    }

    private Run create(Path descriptor) {
        return Run.of("--descriptor", descriptor.toString(), "topics", "create", "--bootstrap", BOOTSTRAP);
    }

    private Path descriptor(int partitions, long retentionMs) throws Exception {
        return Files.writeString(dir.resolve("hms.yaml"), """
                services: []
                topics:
                  - name: %s.events
                    partitions: %d
                    retentionMs: %d
                """.formatted(prefix, partitions, retentionMs));
    }

    private String retention(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms").value();
    }
}
