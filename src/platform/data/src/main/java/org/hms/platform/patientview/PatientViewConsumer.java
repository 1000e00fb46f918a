package org.hms.platform.patientview;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the patient view from {@code hms.patients}, in services built with
 * {@code hms.patient-view.enabled=true}. The channel {@code patient-view} is configured by the
 * service (topic, group, dead-letter queue): see docs/patterns/patient-view.md.
 */
@ApplicationScoped
@IfBuildProperty(name = "hms.patient-view.enabled", stringValue = "true")
public class PatientViewConsumer {

    /** The channel every service keeping the view configures. */
    public static final String CHANNEL = "patient-view";

    private final PatientView view;

    public PatientViewConsumer(PatientView view) {
        this.view = view;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String message) {
        return view.consume(message);
    }
}
