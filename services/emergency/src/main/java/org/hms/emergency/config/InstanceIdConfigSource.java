package org.hms.emergency.config;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code hms.emergency.instance-id}: a name for this process, unique among the replicas, so that
 * each reads {@code hms.emergency} in a consumer group of its own and fans every alert out to its
 * own SSE clients (ADR 014). A random id per process by default (ordinal 50: anything configured
 * wins, e.g. {@code HMS_EMERGENCY_INSTANCE_ID} set to the pod name in Kubernetes).
 */
public class InstanceIdConfigSource implements ConfigSource {

    public static final String PROPERTY = "hms.emergency.instance-id";
    private static final String RANDOM = UUID.randomUUID().toString();

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, RANDOM);
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTY.equals(propertyName) ? RANDOM : null;
    }

    @Override
    public String getName() {
        return "hms-emergency-instance-id";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
