package org.hms.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hms.contracts.system.SystemDescriptor;
import org.junit.jupiter.api.Test;

/** What hms.yaml says identity consumes is what its Kafka channels really read. */
@QuarkusTest
class ConsumedTopicsTest {

    @Test
    void theDescriptorListsExactlyTheTopicsIdentityConsumes() {
        var config = ConfigProvider.getConfig();
        Set<String> read = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) { // not dead-letter-queue.topic
                read.add(config.getValue(name, String.class));
            }
        }

        assertThat(read).containsExactlyInAnyOrderElementsOf(
                SystemDescriptor.load().requireService("identity").consumes());
    }
}
