package org.hms.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClinicPlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TAKEN = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void fifty_practitioners_are_ten_of_each_specialty_with_distinct_names() throws Exception {
        Map<String, Integer> bySpecialty = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ClinicPlan.Practitioner p = ClinicPlan.practitioner(i);
            bySpecialty.merge(p.specialty(), 1, Integer::sum);
            names.add(p.family() + " " + p.given());
            JsonNode body = JSON.readTree(p.json());
            assertThat(body.at("/name/family").asText()).isEqualTo(p.family());
            assertThat(body.at("/name/given/0").asText()).isEqualTo(p.given());
            assertThat(body.path("specialty").asText()).matches("[a-z]+(-[a-z]+)*");
            assertThat(body.path("userId").isNull()).isTrue();
        }
        assertThat(bySpecialty).hasSize(5).allSatisfy((specialty, n) -> assertThat(n).isEqualTo(10));
        assertThat(names).hasSize(50);
    }

    @Test
    void availability_is_monday_to_friday_eight_to_four_in_warsaw_in_quarter_hours() throws Exception {
        JsonNode body = JSON.readTree(ClinicPlan.availabilityJson());

        assertThat(body.path("timeZone").asText()).isEqualTo("Europe/Warsaw");
        assertThat(body.path("exceptions").isArray()).isTrue();
        assertThat(body.path("exceptions")).isEmpty();
        List<String> days = new ArrayList<>();
        for (JsonNode w : body.path("weekly")) {
            days.add(w.path("dayOfWeek").asText());
            assertThat(w.path("start").asText()).isEqualTo("08:00");
            assertThat(w.path("end").asText()).isEqualTo("16:00");
            assertThat(w.path("slotMinutes").asInt()).isEqualTo(15);
        }
        assertThat(days).containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
        assertThat(ClinicPlan.slotsPerDay()).isEqualTo(32);
    }

    @Test
    void ten_percent_contention_makes_every_tenth_booking_a_rival_for_the_slot_before_it() {
        int every = ClinicPlan.rivalEvery(10);
        assertThat(every).isEqualTo(10);

        Map<Long, Integer> bookingsPerSlot = new HashMap<>();
        int rivals = 0;
        int contested = 0;
        for (long k = 0; k < 10_000; k++) {
            ClinicPlan.Booking b = ClinicPlan.booking(k, every);
            bookingsPerSlot.merge(b.slot(), 1, Integer::sum);
            rivals += b.rival() ? 1 : 0;
            contested += b.contested() ? 1 : 0;
            if (b.rival()) {
                ClinicPlan.Booking original = ClinicPlan.booking(k - 1, every);
                assertThat(original.slot()).isEqualTo(b.slot());
                assertThat(original.contested()).isTrue();
                assertThat(original.rival()).isFalse();
            }
        }
        assertThat(rivals).isEqualTo(1_000); // 10 % of bookings are expected to get 409
        assertThat(contested).isEqualTo(2_000); // the rivals and the bookings they race
        assertThat(bookingsPerSlot.values()).containsOnly(1, 2);
        assertThat(bookingsPerSlot.values().stream().filter(n -> n == 2).count()).isEqualTo(1_000);
        // slots are used in order, none skipped
        assertThat(bookingsPerSlot.keySet()).hasSize(9_000).allSatisfy(slot -> assertThat(slot).isBetween(0L, 8_999L));
        assertThat(ClinicPlan.slotsNeeded(10_000, every)).isEqualTo(9_000);
    }

    @Test
    void without_contention_every_booking_has_a_slot_of_its_own() {
        assertThat(ClinicPlan.rivalEvery(0)).isZero();
        for (long k = 0; k < 1_000; k++) {
            ClinicPlan.Booking b = ClinicPlan.booking(k, 0);
            assertThat(b.slot()).isEqualTo(k);
            assertThat(b.rival()).isFalse();
            assertThat(b.contested()).isFalse();
        }
        assertThat(ClinicPlan.slotsNeeded(1_000, 0)).isEqualTo(1_000);
        assertThat(ClinicPlan.slotsNeeded(0, 10)).isZero();
    }

    @Test
    void contention_is_a_percentage_up_to_half_the_bookings() {
        assertThat(ClinicPlan.rivalEvery(50)).isEqualTo(2);
        assertThat(ClinicPlan.rivalEvery(25)).isEqualTo(4);
        assertThat(ClinicPlan.rivalEvery(1)).isEqualTo(100);
        assertThatThrownBy(() -> ClinicPlan.rivalEvery(51)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClinicPlan.rivalEvery(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void at_one_start_time_every_practitioner_sees_a_different_patient() {
        int practitioners = 50;
        int pool = 2000;
        Instant monday = Instant.parse("2026-12-07T07:00:00Z");
        for (int slot = 0; slot < 32 * 20; slot++) {
            Instant start = monday.plusSeconds(900L * slot);
            Set<Integer> patients = new HashSet<>();
            for (int p = 0; p < practitioners; p++) {
                int patient = ClinicPlan.patientIndex(start, p, practitioners, pool);
                assertThat(patient).isBetween(0, pool - 1);
                patients.add(patient);
            }
            assertThat(patients).hasSize(practitioners);
        }
        // even when the pool is exactly as large as the practitioners
        Set<Integer> tight = new HashSet<>();
        for (int p = 0; p < 7; p++) {
            tight.add(ClinicPlan.patientIndex(monday, p, 7, 7));
        }
        assertThat(tight).hasSize(7);
        assertThatThrownBy(() -> ClinicPlan.patientIndex(monday, 0, 50, 49))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClinicPlan.patientIndex(monday, 50, 50, 2000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_same_slot_always_gets_the_same_patient_so_a_later_run_never_double_books_one() {
        Instant start = Instant.parse("2026-12-09T10:15:00Z");
        assertThat(ClinicPlan.patientIndex(start, 17, 50, 2000))
                .isEqualTo(ClinicPlan.patientIndex(Instant.parse("2026-12-09T10:15:00Z"), 17, 50, 2000));
    }

    @Test
    void a_booking_body_is_the_contract() throws Exception {
        JsonNode body = JSON.readTree(ClinicPlan.bookingJson("p-1", "d-1", Instant.parse("2026-12-01T07:00:00Z"),
                ClinicPlan.reason(0)));

        assertThat(body.path("patientId").asText()).isEqualTo("p-1");
        assertThat(body.path("practitionerId").asText()).isEqualTo("d-1");
        assertThat(body.path("start").asText()).isEqualTo("2026-12-01T07:00:00Z");
        assertThat(body.path("minutes").asInt()).isEqualTo(15);
        assertThat(body.path("type").asText()).isEqualTo("consultation");
        assertThat(body.path("reason").asText()).isEqualTo("chest pain");
    }

    @Test
    void weeks_are_seven_dates_inclusive_from_the_first_day() {
        LocalDate[] week = ClinicPlan.week(LocalDate.of(2026, 12, 5), 3);
        assertThat(week).containsExactly(LocalDate.of(2026, 12, 26), LocalDate.of(2027, 1, 1));
    }

    @Test
    void normal_vitals_score_zero_and_alerting_vitals_score_seven_or_more() throws Exception {
        for (long i = 0; i < 5_000; i++) {
            JsonNode normal = JSON.readTree(ClinicPlan.normalVitalsJson("p-1", TAKEN, i));
            JsonNode alerting = JSON.readTree(ClinicPlan.alertingVitalsJson("p-1", TAKEN, i));

            assertThat(News2.score(normal)).as("normal set %d: %s", i, normal).isZero();
            assertThat(News2.score(alerting)).as("alerting set %d: %s", i, alerting).isGreaterThanOrEqualTo(7);
        }
    }

    @Test
    void a_vitals_body_has_every_field_of_the_contract() throws Exception {
        JsonNode body = JSON.readTree(ClinicPlan.alertingVitalsJson("p-1", TAKEN, 0));

        assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("patientId", "takenAt",
                "respiratoryRate", "spo2", "spo2Scale", "supplementalOxygen", "systolicBp", "pulse", "consciousness",
                "temperature");
        assertThat(body.path("takenAt").asText()).isEqualTo("2026-12-04T10:00:00Z");
        assertThat(body.path("spo2Scale").asInt()).isEqualTo(1);
        assertThat(body.path("temperature").isNumber()).isTrue();
        assertThat(body.path("temperature").asText()).matches("\\d+\\.\\d");
    }

    /**
     * NEWS2 scale 1 on air, from /work/shared/notes/clinical-scores.md (RCP 2017), to check the
     * generator against; clinical owns the real one.
     */
    private static final class News2 {

        static int score(JsonNode v) {
            assertThat(v.path("spo2Scale").asInt()).isEqualTo(1);
            assertThat(v.path("supplementalOxygen").asBoolean()).isFalse();
            return respiration(v.path("respiratoryRate").asInt()) + spo2(v.path("spo2").asInt())
                    + systolic(v.path("systolicBp").asInt()) + pulse(v.path("pulse").asInt())
                    + (v.path("consciousness").asText().equals("A") ? 0 : 3)
                    + temperature(v.path("temperature").asDouble());
        }

        static int respiration(int rr) {
            return rr <= 8 ? 3 : rr <= 11 ? 1 : rr <= 20 ? 0 : rr <= 24 ? 2 : 3;
        }

        static int spo2(int s) {
            return s <= 91 ? 3 : s <= 93 ? 2 : s <= 95 ? 1 : 0;
        }

        static int systolic(int bp) {
            return bp <= 90 ? 3 : bp <= 100 ? 2 : bp <= 110 ? 1 : bp <= 219 ? 0 : 3;
        }

        static int pulse(int hr) {
            return hr <= 40 ? 3 : hr <= 50 ? 1 : hr <= 90 ? 0 : hr <= 110 ? 1 : hr <= 130 ? 2 : 3;
        }

        static int temperature(double t) {
            return t <= 35.05 ? 3 : t <= 36.05 ? 1 : t <= 38.05 ? 0 : t <= 39.05 ? 1 : 2;
        }
    }
}
