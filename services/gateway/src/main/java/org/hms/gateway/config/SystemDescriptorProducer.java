package org.hms.gateway.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.hms.contracts.system.SystemDescriptor;

/** The system descriptor ({@code hms.yaml} in hms-contracts): the services, their ports and routes. */
@ApplicationScoped
public class SystemDescriptorProducer {

    @Produces
    @Singleton
    SystemDescriptor systemDescriptor() {
        return SystemDescriptor.load();
    }
}
