package org.hms.emergency.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hms.emergency.triage.EmergencySeverityIndex;
import org.hms.emergency.triage.EmergencySeverityIndex.Assessment;
import org.junit.jupiter.api.Test;

/** A nurse's override sets the final level; the computed level and her reason are kept beside it. */
class TriageOverrideTest {

    static final Assessment DANGER_ZONE = new Assessment(false, false, false, false, 2, 420, 110, 18, 97);

    @Test
    void anOverrideIsKeptWithTheComputedLevelAndTheReason() {
        EdVisit visit = EdVisit.arrive(null, "UNKNOWN-ABC234", "male", 40, "chest pain");

        visit.triage(EmergencySeverityIndex.assess(DANGER_ZONE), 3, "settles at rest", Instant.now());

        assertThat(visit.esiComputed).isEqualTo(2);
        assertThat(visit.esiLevel).isEqualTo(3);
        assertThat(visit.esiReason).isEqualTo("danger-zone vitals");
        assertThat(visit.esiOverrideReason).isEqualTo("settles at rest");
        assertThat(visit.status).isEqualTo(EdVisit.Status.TRIAGED);
    }

    @Test
    void aRetriageWithoutOverrideDropsTheOldOverrideButKeepsTheFirstTriageTime() {
        EdVisit visit = EdVisit.arrive(null, "UNKNOWN-ABC234", "male", 40, "chest pain");
        Instant first = Instant.parse("2026-12-04T03:00:00Z");
        visit.triage(EmergencySeverityIndex.assess(DANGER_ZONE), 3, "settles at rest", first);

        visit.triage(EmergencySeverityIndex.assess(DANGER_ZONE), null, null, first.plusSeconds(600));

        assertThat(visit.esiLevel).isEqualTo(2);
        assertThat(visit.esiOverrideReason).isNull();
        assertThat(visit.triagedAt).as("time to triage counts to the first one").isEqualTo(first);
    }
}
