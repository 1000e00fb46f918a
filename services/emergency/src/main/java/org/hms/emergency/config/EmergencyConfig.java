package org.hms.emergency.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the emergency service ({@code hms.emergency.*}). */
@ConfigMapping(prefix = "hms.emergency")
public interface EmergencyConfig {

    /** How long a critical alert may stay unacknowledged before it escalates (once). */
    @WithDefault("5m")
    Duration escalateAfter();

    /** How often each replica looks for alerts to escalate (read by the scheduler, documented here). */
    @WithDefault("15s")
    Duration escalationCheck();

    /** How often the live streams send a heartbeat, so proxies with idle timeouts keep them open. */
    @WithDefault("10s")
    Duration heartbeat();

    /**
     * How many events one SSE client may fall behind before its stream is closed (it reconnects
     * and re-reads the open alerts): a slow client never makes memory grow without bound.
     */
    @WithDefault("256")
    int streamBuffer();

    /** This process's name among the replicas ({@link InstanceIdConfigSource}). */
    String instanceId();
}
