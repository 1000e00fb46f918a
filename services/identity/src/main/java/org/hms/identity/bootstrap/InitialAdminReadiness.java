package org.hms.identity.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready before the first start has its admin: nobody could administer the accounts. */
@Readiness
@ApplicationScoped
public class InitialAdminReadiness implements HealthCheck {

    private final InitialAdmin initialAdmin;

    public InitialAdminReadiness(InitialAdmin initialAdmin) {
        this.initialAdmin = initialAdmin;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("initial-admin").status(initialAdmin.isSettled()).build();
    }
}
