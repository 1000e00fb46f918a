package org.hms.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Before Quarkus starts, moves a test consumer group to the end of its topic
 * ({@link KafkaEvents#skipToEnd}): the shared broker's topics hold the history of every earlier
 * run and of local use, and a test consumer reading all of it first would keep the tests
 * waiting. Tests then publish their own events after start-up. Use it on one test class of the
 * module, with the group id of the {@code %test} profile:
 *
 * <pre>{@code
 * @WithTestResource(value = SkipTopicBacklog.class, scope = TestResourceScope.GLOBAL, initArgs = {
 *         @ResourceArg(name = "group", value = "hms-identity-test-patient-view"),
 *         @ResourceArg(name = "topic", value = "hms.patients")})
 * }</pre>
 */
public class SkipTopicBacklog implements QuarkusTestResourceLifecycleManager {

    private String group;
    private String topic;

    @Override
    public void init(Map<String, String> args) {
        group = args.get("group");
        topic = args.get("topic");
    }

    @Override
    public Map<String, String> start() {
        try (KafkaEvents kafka = new KafkaEvents()) {
            kafka.skipToEnd(group, topic);
        }
        return Map.of();
    }

    @Override
    public void stop() {}
}
