package org.hms.emergency.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.hms.emergency.triage.EmergencySeverityIndex.Assessment;
import org.hms.emergency.triage.EmergencySeverityIndex.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ESI v4 against the table of /work/shared/notes/clinical-scores.md, decision point by decision point. */
class EmergencySeverityIndexTest {

    static final int ADULT = 420; // 35 years

    /** A patient who answers no at A and B, needs {@code resources}, with these vitals. */
    static Assessment stable(int resources, int ageMonths, Integer hr, Integer rr, Integer spo2) {
        return new Assessment(false, false, false, false, resources, ageMonths, hr, rr, spo2);
    }

    static Stream<Arguments> decisionPoints() {
        return Stream.of(
                Arguments.of("A: life-saving intervention beats everything",
                        new Assessment(true, true, true, true, 0, ADULT, 200, 40, 80), 1,
                        EmergencySeverityIndex.LIFE_SAVING),
                Arguments.of("B: high risk", new Assessment(false, true, false, false, 0, ADULT, null, null, null), 2,
                        EmergencySeverityIndex.HIGH_RISK),
                Arguments.of("B: new confusion, lethargy or disorientation",
                        new Assessment(false, false, true, false, 1, ADULT, null, null, null), 2,
                        EmergencySeverityIndex.CONFUSED),
                Arguments.of("B: severe pain or distress",
                        new Assessment(false, false, false, true, 3, ADULT, 80, 14, 99), 2,
                        EmergencySeverityIndex.SEVERE_PAIN),
                Arguments.of("C: no resources", stable(0, ADULT, 80, 14, 99), 5, EmergencySeverityIndex.NO_RESOURCES),
                Arguments.of("C: no resources, even with danger-zone vitals", stable(0, ADULT, 150, 30, 85), 5,
                        EmergencySeverityIndex.NO_RESOURCES),
                Arguments.of("C: one resource", stable(1, ADULT, 80, 14, 99), 4, EmergencySeverityIndex.ONE_RESOURCE),
                Arguments.of("C: one resource stays 4 whatever the vitals", stable(1, ADULT, 180, 40, 70), 4,
                        EmergencySeverityIndex.ONE_RESOURCE),
                Arguments.of("D: two resources, normal vitals", stable(2, ADULT, 80, 14, 99), 3,
                        EmergencySeverityIndex.MANY_RESOURCES),
                Arguments.of("D: two resources, danger-zone heart rate", stable(2, ADULT, 110, 18, 97), 2,
                        EmergencySeverityIndex.DANGER_ZONE),
                Arguments.of("D: many resources, danger-zone respiratory rate", stable(5, ADULT, 80, 21, 97), 2,
                        EmergencySeverityIndex.DANGER_ZONE),
                Arguments.of("D: two resources, SpO2 91", stable(2, ADULT, 80, 14, 91), 2,
                        EmergencySeverityIndex.DANGER_ZONE),
                Arguments.of("D: SpO2 exactly 92 is not in the danger zone", stable(2, ADULT, 80, 14, 92), 3,
                        EmergencySeverityIndex.MANY_RESOURCES),
                Arguments.of("D: every vital absent counts as not in the danger zone",
                        stable(2, ADULT, null, null, null), 3, EmergencySeverityIndex.MANY_RESOURCES),
                Arguments.of("D: absent heart rate, danger-zone SpO2", stable(2, ADULT, null, null, 88), 2,
                        EmergencySeverityIndex.DANGER_ZONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisionPoints")
    void eachDecisionPointGivesItsLevel(String name, Assessment assessment, int level, String reason) {
        assertThat(EmergencySeverityIndex.assess(assessment)).isEqualTo(new Level(level, reason));
    }

    /**
     * Every band edge, heart rate and respiratory rate: the limit itself is not in the danger
     * zone, one above it is (strictly greater). Ages on both sides of each band boundary.
     */
    static Stream<Arguments> bandEdges() {
        return Stream.of(
                // under 3 months: HR > 180, RR > 50
                Arguments.of(0, 180, 50, false), Arguments.of(0, 181, 50, true), Arguments.of(0, 180, 51, true),
                Arguments.of(2, 180, 50, false), Arguments.of(2, 181, 50, true), Arguments.of(2, 180, 51, true),
                // 3 months to 3 years: HR > 160, RR > 40
                Arguments.of(3, 160, 40, false), Arguments.of(3, 161, 40, true), Arguments.of(3, 160, 41, true),
                Arguments.of(3, 170, 45, true), // an infant's normal is a toddler's danger zone
                Arguments.of(35, 160, 40, false), Arguments.of(35, 161, 40, true), Arguments.of(35, 160, 41, true),
                // 3 to 8 years: HR > 140, RR > 30
                Arguments.of(36, 140, 30, false), Arguments.of(36, 141, 30, true), Arguments.of(36, 140, 31, true),
                Arguments.of(36, 150, 35, true),
                Arguments.of(96, 140, 30, false), Arguments.of(96, 141, 30, true), Arguments.of(96, 140, 31, true),
                // over 8 years: HR > 100, RR > 20
                Arguments.of(97, 100, 20, false), Arguments.of(97, 101, 20, true), Arguments.of(97, 100, 21, true),
                Arguments.of(97, 120, 25, true),
                Arguments.of(ADULT, 100, 20, false), Arguments.of(ADULT, 101, 20, true),
                Arguments.of(ADULT, 100, 21, true));
    }

    @ParameterizedTest(name = "age {0} months, HR {1}, RR {2}: danger zone {3}")
    @MethodSource("bandEdges")
    void dangerZoneBandEdgesAreStrict(int ageMonths, int heartRate, int respiratoryRate, boolean danger) {
        assertThat(EmergencySeverityIndex.inDangerZone(ageMonths, heartRate, respiratoryRate, 99)).isEqualTo(danger);
        assertThat(EmergencySeverityIndex.assess(stable(2, ageMonths, heartRate, respiratoryRate, 99)).level())
                .isEqualTo(danger ? 2 : 3);
    }

    @Test
    void spo2BelowNinetyTwoIsDangerAtEveryAge() {
        for (int age : new int[] {0, 3, 36, 97, ADULT}) {
            assertThat(EmergencySeverityIndex.inDangerZone(age, null, null, 91)).as("age %d", age).isTrue();
            assertThat(EmergencySeverityIndex.inDangerZone(age, null, null, 92)).as("age %d", age).isFalse();
        }
    }

    @Test
    void theIssuesExampleIsLevelTwoForDangerZoneVitals() {
        Level level = EmergencySeverityIndex.assess(new Assessment(false, false, false, false, 2, 420, 110, 18, 97));
        assertThat(level).isEqualTo(new Level(2, "danger-zone vitals"));
    }
}
