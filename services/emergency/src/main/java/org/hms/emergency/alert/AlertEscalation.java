package org.hms.emergency.alert;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every {@code hms.emergency.escalation-check}, on every replica, escalates the critical alerts
 * left unacknowledged for {@code hms.emergency.escalate-after} ({@link AlertService#escalateOverdue}
 * claims rows with SKIP LOCKED, so replicas never escalate the same alert twice).
 */
@ApplicationScoped
public class AlertEscalation {

    private final AlertService alerts;

    public AlertEscalation(AlertService alerts) {
        this.alerts = alerts;
    }

    @Scheduled(every = "${hms.emergency.escalation-check:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> escalate() {
        return alerts.escalateOverdue()
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("escalated %d unacknowledged critical alert(s)", n);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("alert escalation failed, retried at the next check: %s", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
