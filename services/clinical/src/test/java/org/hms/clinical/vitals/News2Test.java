package org.hms.clinical.vitals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NEWS2 (RCP 2017) against the reference tables of clinical-scores.md: every band edge. */
class News2Test {

    @ParameterizedTest(name = "respiratory rate {0} scores {1}")
    @CsvSource({"1,3", "8,3", "9,1", "11,1", "12,0", "20,0", "21,2", "24,2", "25,3", "80,3"})
    void respiratoryRate(int perMinute, int score) {
        assertThat(News2.respiratoryRate(perMinute)).isEqualTo(score);
    }

    @ParameterizedTest(name = "SpO2 scale 1 {0}% scores {1}")
    @CsvSource({"20,3", "91,3", "92,2", "93,2", "94,1", "95,1", "96,0", "100,0"})
    void spo2OnScale1(int percent, int score) {
        assertThat(News2.spo2Scale1(percent)).isEqualTo(score);
    }

    @ParameterizedTest(name = "SpO2 scale 2 {0}% on oxygen={1} scores {2}")
    @CsvSource({
        "20,false,3", "83,false,3", "84,false,2", "85,false,2", "86,false,1", "87,false,1", "88,false,0",
        "92,false,0", "93,false,0", "97,false,0", "100,false,0",
        "83,true,3", "84,true,2", "86,true,1", "88,true,0", "92,true,0", "93,true,1", "94,true,1", "95,true,2",
        "96,true,2", "97,true,3", "100,true,3"
    })
    void spo2OnScale2(int percent, boolean onOxygen, int score) {
        assertThat(News2.spo2Scale2(percent, onOxygen)).isEqualTo(score);
    }

    @ParameterizedTest(name = "systolic {0} mmHg scores {1}")
    @CsvSource({"30,3", "90,3", "91,2", "100,2", "101,1", "110,1", "111,0", "219,0", "220,3", "300,3"})
    void systolicBp(int mmHg, int score) {
        assertThat(News2.systolicBp(mmHg)).isEqualTo(score);
    }

    @ParameterizedTest(name = "pulse {0} scores {1}")
    @CsvSource({"10,3", "40,3", "41,1", "50,1", "51,0", "90,0", "91,1", "110,1", "111,2", "130,2", "131,3", "300,3"})
    void pulse(int perMinute, int score) {
        assertThat(News2.pulse(perMinute)).isEqualTo(score);
    }

    @ParameterizedTest(name = "consciousness {0} scores {1}")
    @CsvSource({"A,0", "C,3", "V,3", "P,3", "U,3"})
    void consciousness(String acvpu, int score) {
        assertThat(News2.consciousness(acvpu)).isEqualTo(score);
    }

    @ParameterizedTest(name = "temperature {0} scores {1}")
    @CsvSource({"25.0,3", "35.0,3", "35.1,1", "36.0,1", "36.1,0", "38.0,0", "38.1,1", "39.0,1", "39.1,2", "45.0,2"})
    void temperature(String celsius, int score) {
        assertThat(News2.temperature(new BigDecimal(celsius))).isEqualTo(score);
    }

    @Test
    void supplementalOxygenScoresTwoAndAirNothing() {
        assertThat(News2.score(set(16, 97, 1, true, 120, 70, "A", "37.0")).parameters())
                .containsEntry("supplementalOxygen", 2);
        assertThat(News2.score(set(16, 97, 1, false, 120, 70, "A", "37.0")).total()).isZero();
    }

    @Test
    void theIssuesExampleScoresElevenHighAndAlerts() {
        News2.Score score = News2.score(set(26, 90, 1, false, 95, 120, "A", "38.5"));

        assertThat(score.total()).isEqualTo(11);
        assertThat(score.risk()).isEqualTo("high");
        assertThat(score.alert()).isTrue();
        assertThat(score.parameters()).containsExactly(
                entry("respiratoryRate", 3), entry("spo2", 3), entry("supplementalOxygen", 0),
                entry("systolicBp", 2), entry("pulse", 2), entry("consciousness", 0), entry("temperature", 1));
        assertThat(score.drivers()).containsExactly("respiratoryRate", "spo2", "systolicBp", "pulse", "temperature");
    }

    @ParameterizedTest(name = "total {0} with a single 3: {1} -> {2}")
    @CsvSource({
        "0,false,low", "4,false,low", "3,true,low-medium", "4,true,low-medium", "5,false,medium", "5,true,medium",
        "6,true,medium", "7,false,high", "7,true,high", "20,true,high"
    })
    void riskBands(int total, boolean singleThree, String risk) {
        assertThat(News2.risk(total, singleThree)).isEqualTo(risk);
    }

    @Test
    void aSingleThreeAloneAlertsAsLowMediumWithThatParameterAsDriver() {
        News2.Score score = News2.score(set(16, 97, 1, false, 120, 70, "C", "37.0"));

        assertThat(score.total()).isEqualTo(3);
        assertThat(score.risk()).isEqualTo("low-medium");
        assertThat(score.alert()).isTrue();
        assertThat(score.drivers()).containsExactly("consciousness");
    }

    @Test
    void sixWithoutAThreeIsMediumAndRaisesNoAlert() {
        // resp 21 (2), SpO2 94 (1), systolic 105 (1), pulse 95 (1), temp 38.5 (1)
        News2.Score score = News2.score(set(21, 94, 1, false, 105, 95, "A", "38.5"));

        assertThat(score.total()).isEqualTo(6);
        assertThat(score.risk()).isEqualTo("medium");
        assertThat(score.alert()).isFalse();
    }

    @Test
    void sevenWithoutAThreeIsHighAndAlertsWithEveryScoringParameter() {
        // resp 21 (2), SpO2 94 (1), systolic 105 (1), pulse 115 (2), temp 38.5 (1)
        News2.Score score = News2.score(set(21, 94, 1, false, 105, 115, "A", "38.5"));

        assertThat(score.total()).isEqualTo(7);
        assertThat(score.risk()).isEqualTo("high");
        assertThat(score.alert()).isTrue();
        assertThat(score.drivers()).containsExactly("respiratoryRate", "spo2", "systolicBp", "pulse", "temperature");
    }

    @Test
    void scale2ScoresHighSaturationOnOxygenButNotOnAir() {
        assertThat(News2.score(set(16, 97, 2, true, 120, 70, "A", "37.0")).parameters())
                .containsEntry("spo2", 3).containsEntry("supplementalOxygen", 2);
        assertThat(News2.score(set(16, 97, 2, false, 120, 70, "A", "37.0")).parameters()).containsEntry("spo2", 0);
    }

    private static News2.Observations set(int rr, int spo2, int scale, boolean oxygen, int sbp, int pulse, String acvpu,
            String temperature) {
        return new News2.Observations(rr, spo2, scale, oxygen, sbp, pulse, acvpu, new BigDecimal(temperature));
    }

    private static java.util.Map.Entry<String, Integer> entry(String key, int value) {
        return java.util.Map.entry(key, value);
    }
}
