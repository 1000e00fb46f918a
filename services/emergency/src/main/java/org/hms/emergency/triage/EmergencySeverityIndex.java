package org.hms.emergency.triage;

/**
 * The Emergency Severity Index, version 4 (AHRQ implementation handbook), exactly as
 * /work/shared/notes/clinical-scores.md tables it: decision points A to D in order, the
 * age-specific danger zone with strict band edges, and an absent vital counting as not in the
 * danger zone. Pure: no clock, no I/O, so the table-driven test covers every branch.
 */
public final class EmergencySeverityIndex {

    /** SpO2 below this (%) is in the danger zone at any age. */
    static final int SPO2_DANGER_BELOW = 92;

    private EmergencySeverityIndex() {}

    /** What the triage nurse answers at each decision point, and the vitals taken. */
    public record Assessment(
            boolean lifeSavingIntervention,
            boolean highRisk,
            boolean confusedLethargicOrDisoriented,
            boolean severePainOrDistress,
            int expectedResources,
            int ageMonths,
            Integer heartRate,
            Integer respiratoryRate,
            Integer spo2) {}

    /** The level (1 most urgent, 5 least) and the decision point that gave it. */
    public record Level(int level, String reason) {}

    public static final String LIFE_SAVING = "immediate life-saving intervention";
    public static final String HIGH_RISK = "high-risk situation";
    public static final String CONFUSED = "new confusion, lethargy or disorientation";
    public static final String SEVERE_PAIN = "severe pain or distress";
    public static final String DANGER_ZONE = "danger-zone vitals";
    public static final String MANY_RESOURCES = "two or more resources";
    public static final String ONE_RESOURCE = "one resource";
    public static final String NO_RESOURCES = "no resources";

    public static Level assess(Assessment a) {
        if (a.lifeSavingIntervention()) {
            return new Level(1, LIFE_SAVING); // A
        }
        if (a.highRisk()) {
            return new Level(2, HIGH_RISK); // B
        }
        if (a.confusedLethargicOrDisoriented()) {
            return new Level(2, CONFUSED);
        }
        if (a.severePainOrDistress()) {
            return new Level(2, SEVERE_PAIN);
        }
        if (a.expectedResources() == 0) {
            return new Level(5, NO_RESOURCES); // C: vitals do not matter below two resources
        }
        if (a.expectedResources() == 1) {
            return new Level(4, ONE_RESOURCE);
        }
        return inDangerZone(a.ageMonths(), a.heartRate(), a.respiratoryRate(), a.spo2())
                ? new Level(2, DANGER_ZONE) // D: HMS takes "consider 2" as 2; the nurse may override
                : new Level(3, MANY_RESOURCES);
    }

    /** Whether any vital exceeds the age band's limit (strictly), or SpO2 is below 92 %. */
    public static boolean inDangerZone(int ageMonths, Integer heartRate, Integer respiratoryRate, Integer spo2) {
        Band band = Band.of(ageMonths);
        return (heartRate != null && heartRate > band.heartRate)
                || (respiratoryRate != null && respiratoryRate > band.respiratoryRate)
                || (spo2 != null && spo2 < SPO2_DANGER_BELOW);
    }

    /**
     * The danger-zone limits by age: under 3 months, 3 months to 3 years, 3 to 8 years, over 8
     * years. A child of exactly 3 years (36 months) is in the 3-8 band, one of exactly 8 years
     * (96 months) still in it; "over 8 years" starts at 97 months.
     */
    enum Band {
        INFANT(180, 50),
        TODDLER(160, 40),
        CHILD(140, 30),
        OLDER(100, 20);

        final int heartRate;
        final int respiratoryRate;

        Band(int heartRate, int respiratoryRate) {
            this.heartRate = heartRate;
            this.respiratoryRate = respiratoryRate;
        }

        static Band of(int ageMonths) {
            if (ageMonths < 3) {
                return INFANT;
            }
            if (ageMonths < 36) {
                return TODDLER;
            }
            if (ageMonths <= 96) {
                return CHILD;
            }
            return OLDER;
        }
    }
}
