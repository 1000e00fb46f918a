package org.hms.scheduling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The scheduling service's settings ({@code hms.scheduling.*}). */
@ConfigMapping(prefix = "hms.scheduling")
public interface SchedulingConfig {

    /**
     * The longest range of dates (inclusive) one free-slot query may cover: bounds the work of
     * the busiest read of a clinic.
     */
    @WithDefault("31")
    int maxSlotRangeDays();
}
