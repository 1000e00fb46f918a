package org.hms.platform.testapp;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.util.Map;
import java.util.Set;
import org.hms.platform.testing.KafkaEvents;
import org.hms.platform.testing.SkipTopicBacklog;

/**
 * Creates the test application's topics on the real broker before Quarkus starts (so the
 * test consumer finds its topic at once, whether or not the broker auto-creates topics).
 * The domain topics ({@code hms.audit}, ...) are created by {@code ./hms setup}. Global: it
 * applies to every test class, so all of them share one application.
 */
@WithTestResource(value = PlatformTestTopics.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SkipTopicBacklog.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "group", value = "hms-platform-test-patient-view"),
        @ResourceArg(name = "topic", value = "hms.patients")})
public class PlatformTestTopics implements QuarkusTestResourceLifecycleManager {

    /** Topic name and partitions: several partitions, so per-key ordering is really tested. */
    static final Map<String, Integer> TOPICS = Map.of(
            NoteWritten.TOPIC, 3,
            TestInbox.TOPIC, 2,
            TestInbox.TOPIC + ".dlq", 1);

    @Override
    public Map<String, String> start() {
        try (KafkaEvents kafka = new KafkaEvents()) {
            Set<String> existing = kafka.companion().topics().list();
            TOPICS.forEach((topic, partitions) -> {
                if (!existing.contains(topic)) {
                    kafka.companion().topics().createAndWait(topic, partitions);
                }
            });
        }
        return Map.of();
    }

    @Override
    public void stop() {}
}
