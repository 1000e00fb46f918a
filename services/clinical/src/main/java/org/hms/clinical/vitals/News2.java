package org.hms.clinical.vitals;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The National Early Warning Score 2 (Royal College of Physicians, 2017) of one complete set of
 * vitals: each parameter scores 0-3, the aggregate is their sum, and the clinical risk follows
 * from both. Pure: the tables of /work/shared/notes/clinical-scores.md, nothing else.
 */
public final class News2 {

    /** The risk bands, as clients and events name them. */
    public static final String LOW = "low";
    public static final String LOW_MEDIUM = "low-medium";
    public static final String MEDIUM = "medium";
    public static final String HIGH = "high";

    /** An aggregate from which HMS raises an alert (as does any single 3). */
    public static final int ALERT_SCORE = 7;

    private static final BigDecimal T35_0 = new BigDecimal("35.0");
    private static final BigDecimal T36_0 = new BigDecimal("36.0");
    private static final BigDecimal T38_0 = new BigDecimal("38.0");
    private static final BigDecimal T39_0 = new BigDecimal("39.0");

    private News2() {}

    /** What is scored: one set of observations. Consciousness is ACVPU (A, C, V, P or U). */
    public record Observations(
            int respiratoryRate,
            int spo2,
            int spo2Scale,
            boolean supplementalOxygen,
            int systolicBp,
            int pulse,
            String consciousness,
            BigDecimal temperature) {}

    /**
     * The score of a set.
     *
     * @param parameters each parameter's score, by the request's field names, in the RCP chart's order
     */
    public record Score(int total, String risk, boolean alert, Map<String, Integer> parameters) {

        /** The parameters that drove an alert: those scoring 3, or every scoring one when the total is 7 or more. */
        public List<String> drivers() {
            int threshold = total >= ALERT_SCORE ? 1 : 3;
            return parameters.entrySet().stream().filter(p -> p.getValue() >= threshold).map(Map.Entry::getKey).toList();
        }
    }

    public static Score score(Observations o) {
        Map<String, Integer> parameters = new LinkedHashMap<>();
        parameters.put("respiratoryRate", respiratoryRate(o.respiratoryRate()));
        parameters.put("spo2", o.spo2Scale() == 2 ? spo2Scale2(o.spo2(), o.supplementalOxygen()) : spo2Scale1(o.spo2()));
        parameters.put("supplementalOxygen", o.supplementalOxygen() ? 2 : 0);
        parameters.put("systolicBp", systolicBp(o.systolicBp()));
        parameters.put("pulse", pulse(o.pulse()));
        parameters.put("consciousness", consciousness(o.consciousness()));
        parameters.put("temperature", temperature(o.temperature()));
        int total = parameters.values().stream().mapToInt(Integer::intValue).sum();
        boolean singleThree = parameters.containsValue(3);
        return new Score(total, risk(total, singleThree), total >= ALERT_SCORE || singleThree,
                Collections.unmodifiableMap(parameters));
    }

    /** 0-4 low; a single 3 with an aggregate under 5 low-medium; 5-6 medium; 7 or more high. */
    static String risk(int total, boolean singleThree) {
        if (total >= ALERT_SCORE) {
            return HIGH;
        }
        if (total >= 5) {
            return MEDIUM;
        }
        return singleThree ? LOW_MEDIUM : LOW;
    }

    static int respiratoryRate(int perMinute) {
        if (perMinute <= 8) return 3;
        if (perMinute <= 11) return 1;
        if (perMinute <= 20) return 0;
        if (perMinute <= 24) return 2;
        return 3;
    }

    static int spo2Scale1(int percent) {
        if (percent <= 91) return 3;
        if (percent <= 93) return 2;
        if (percent <= 95) return 1;
        return 0;
    }

    /** Scale 2 (hypercapnic target 88-92 %): 93 % or more scores only on oxygen. */
    static int spo2Scale2(int percent, boolean onOxygen) {
        if (percent <= 83) return 3;
        if (percent <= 85) return 2;
        if (percent <= 87) return 1;
        if (percent <= 92 || !onOxygen) return 0;
        if (percent <= 94) return 1;
        if (percent <= 96) return 2;
        return 3;
    }

    static int systolicBp(int mmHg) {
        if (mmHg <= 90) return 3;
        if (mmHg <= 100) return 2;
        if (mmHg <= 110) return 1;
        if (mmHg <= 219) return 0;
        return 3;
    }

    static int pulse(int perMinute) {
        if (perMinute <= 40) return 3;
        if (perMinute <= 50) return 1;
        if (perMinute <= 90) return 0;
        if (perMinute <= 110) return 1;
        if (perMinute <= 130) return 2;
        return 3;
    }

    /** Alert scores 0; new confusion, voice, pain or unresponsive 3. */
    static int consciousness(String acvpu) {
        return "A".equals(acvpu) ? 0 : 3;
    }

    /** Temperatures are recorded to one decimal; 39.1 and above scores 2, not 3. */
    static int temperature(BigDecimal celsius) {
        if (celsius.compareTo(T35_0) <= 0) return 3;
        if (celsius.compareTo(T36_0) <= 0) return 1;
        if (celsius.compareTo(T38_0) <= 0) return 0;
        if (celsius.compareTo(T39_0) <= 0) return 1;
        return 2;
    }
}
