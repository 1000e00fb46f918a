package org.hms.platform.patientview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the patient view ({@code hms.patient-view.*}). */
@ConfigMapping(prefix = "hms.patient-view")
public interface PatientViewConfig {

    /**
     * Whether this service keeps the view: a build-time switch, true only in services that
     * also list {@code db/patient-view} in {@code quarkus.flyway.locations} and configure the
     * {@code patient-view} channel. Without it the consumer bean does not exist.
     */
    @WithDefault("false")
    boolean enabled();

    /** The name the view's processed events are recorded under in {@code processed_event}. */
    @WithDefault("${quarkus.application.name}.patient-view")
    String consumer();

    /** How many merges a lookup follows from a retired id to its survivor. */
    @WithDefault("8")
    int maxMergeHops();
}
