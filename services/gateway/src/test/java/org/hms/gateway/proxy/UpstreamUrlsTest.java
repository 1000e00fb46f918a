package org.hms.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hms.contracts.system.ServiceEntry;
import org.hms.contracts.system.SystemDescriptor;
import org.hms.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

/**
 * Where the gateway finds each service: the descriptor's port on loopback (as {@code ./hms up}
 * runs them), unless configuration names a URL, as Kubernetes does with an environment variable
 * and the system tests with a system property.
 */
class UpstreamUrlsTest {

    private static final SystemDescriptor SYSTEM = new SystemDescriptor(List.of(
                    new ServiceEntry("gateway", 9000, false, null, null, null),
                    new ServiceEntry("lab", 9007, true, null, null, List.of("/api/v1/lab-orders")),
                    new ServiceEntry("pharmacy", 9006, true, null, null, List.of("/api/v1/prescriptions")),
                    new ServiceEntry("audit", 9011, true, null, null, null)),
            List.of());

    @Test
    void eachServiceWithRoutesIsAnUpstreamAtItsDescriptorPortOnLoopback() {
        Map<String, URI> urls = Upstreams.urls(SYSTEM, config(Map.of(), Map.of()).upstreams());

        assertThat(urls).containsExactlyInAnyOrderEntriesOf(Map.of(
                "lab", URI.create("http://127.0.0.1:9007"), "pharmacy", URI.create("http://127.0.0.1:9006")));
    }

    @Test
    void anEnvironmentVariableOrPropertyOverridesTheDescriptorsAddress() {
        GatewayConfig config = config(
                Map.of("hms.gateway.upstreams.pharmacy.url", "http://127.0.0.1:19006"),
                Map.of("HMS_GATEWAY_UPSTREAMS_LAB_URL", "http://lab.hms.svc:8080"));

        Map<String, URI> urls = Upstreams.urls(SYSTEM, config.upstreams());

        assertThat(urls).containsEntry("lab", URI.create("http://lab.hms.svc:8080"))
                .containsEntry("pharmacy", URI.create("http://127.0.0.1:19006"))
                .hasSize(2);
        assertThat(config.upstreams().get("lab").timeout()).as("other settings keep their defaults").hasSeconds(10);
    }

    @Test
    void anUpstreamTheDescriptorDoesNotKnowNeedsAUrl() {
        GatewayConfig config = config(Map.of("hms.gateway.upstreams.stray.timeout", "2s"), Map.of());

        assertThatThrownBy(() -> Upstreams.urls(SYSTEM, config.upstreams()))
                .hasMessageContaining("hms.gateway.upstreams.stray.url is missing");
    }

    /** The gateway's typed configuration from properties (ordinal 250) and environment variables (300). */
    private static GatewayConfig config(Map<String, String> properties, Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("hms.gateway.public-paths", "/api/v1/auth/token");
        for (String tier : List.of("admin", "staff", "patient", "anonymous")) {
            all.put("hms.gateway.rate-limit.tiers." + tier + ".requests", "10");
        }
        return new SmallRyeConfigBuilder()
                .withMapping(GatewayConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // "10s", as in Quarkus
                .withSources(new PropertiesConfigSource(all, "test", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .build()
                .getConfigMapping(GatewayConfig.class);
    }
}
