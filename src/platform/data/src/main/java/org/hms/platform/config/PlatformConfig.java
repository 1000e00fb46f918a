package org.hms.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Settings of the platform's machinery, shared by every service. */
@ConfigMapping(prefix = "hms")
public interface PlatformConfig {

    /** The service's name: the CloudEvents {@code source} is {@code /hms/<name>}. */
    @WithName("service.name")
    @WithDefault("${quarkus.application.name}")
    String serviceName();

    Outbox outbox();

    Idempotency idempotency();

    Cache cache();

    interface Outbox {
        /** Whether this instance runs the relay (a service that only consumes can turn it off). */
        @WithDefault("true")
        boolean relayEnabled();

        /** How often the relay looks for pending events when the last pass found none. */
        @WithDefault("200ms")
        Duration pollInterval();

        /** How many events one relay pass sends before marking them sent. */
        @WithDefault("500")
        int batchSize();

        /** How many sends of a batch may wait for their ack at once (the first row of a batch goes alone). */
        @WithDefault("256")
        int sendWindow();

        /** The pause after a failed relay pass (broker down, timeouts); doubles after each further failure. */
        @WithDefault("500ms")
        Duration backoffInitial();

        /** The longest pause between failed relay passes. */
        @WithDefault("30s")
        Duration backoffMax();

        /** How long sent events stay in the table (for inspection) before they are purged. */
        @WithDefault("5m")
        Duration keepSent();
    }

    interface Idempotency {
        /** How long a POST's first response is replayed to retries with the same key. */
        @WithDefault("24h")
        Duration keep();
    }

    interface Cache {
        /** How long a cached read stays in Redis if no change drops it first. */
        @WithDefault("10m")
        Duration ttl();
    }
}
