package org.hms.load;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What the clinic seed creates and how the clinic simulation spreads its traffic over it, as pure
 * functions (no dependencies, unit-tested): the seeded practitioners and their availability, which
 * free slot each booking targets and for which patient, and the vitals sets sent.
 *
 * <p>Bookings never collide by accident. A booking claims a number {@code k}; every
 * {@code rivalEvery}-th booking is a <em>rival</em> that targets the slot of the booking before it
 * (the contention: one of the two gets 409), every other booking takes the next free slot. The
 * patient of a slot is a function of its start and its practitioner, {@link #patientIndex}: at one
 * start time the practitioners' patients are all different, so a patient is never asked to be in two
 * places at once, in this run or in any later one (as long as the seed is the same).
 */
public final class ClinicPlan {

    /** The specialties of the seeded practitioners, in the order of {@link #practitioner(int)}. */
    public static final List<String> SPECIALTIES =
            List.of("cardiology", "dermatology", "general-practice", "neurology", "orthopaedics");

    /** The seeded weekly template: Monday to Friday 08:00-16:00 in Warsaw, 15-minute slots. */
    public static final String TIME_ZONE = "Europe/Warsaw";

    public static final int SLOT_MINUTES = 15;

    private static final List<String> FAMILY = List.of("Nowak", "Kowalska", "Wiśniewski", "Wójcik", "Kamińska",
            "Lewandowski", "Zielińska", "Szymański", "Woźniak", "Dąbrowska", "Kozłowski", "Jankowska", "Mazur",
            "Krawczyk", "Piotrowska", "Grabowski", "Pawłowska", "Michalski", "Król", "Wieczorek");
    private static final List<String> GIVEN = List.of("Adam", "Anna", "Piotr", "Katarzyna", "Tomasz", "Małgorzata",
            "Paweł", "Agnieszka", "Michał", "Joanna", "Łukasz", "Ewa", "Krzysztof", "Zofia", "Jakub", "Magdalena",
            "Marek", "Barbara", "Grzegorz", "Alicja", "Wojciech");

    private ClinicPlan() {}

    /** Seeded practitioner {@code i}: specialties take turns, so any count spreads evenly. */
    public record Practitioner(int index, String specialty, String family, String given) {

        /** The body of {@code POST /api/v1/practitioners}. */
        public String json() {
            return "{\"name\": {\"family\": " + quote(family) + ", \"given\": ["
                    + quote(given) + "]}, \"specialty\": " + quote(specialty)
                    + ", \"userId\": null}";
        }
    }

    public static Practitioner practitioner(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("negative practitioner index " + i);
        }
        String specialty = SPECIALTIES.get(i % SPECIALTIES.size());
        // 20 x 21 names: distinct for the first 420 practitioners (coprime list lengths)
        return new Practitioner(i, specialty, FAMILY.get(i % FAMILY.size()), GIVEN.get(i % GIVEN.size()));
    }

    /** The body of {@code PUT /api/v1/practitioners/{id}/availability}: Mon-Fri 08:00-16:00, no exceptions. */
    public static String availabilityJson() {
        StringBuilder weekly = new StringBuilder();
        for (DayOfWeek day = DayOfWeek.MONDAY; day != DayOfWeek.SATURDAY; day = day.plus(1)) {
            if (!weekly.isEmpty()) {
                weekly.append(", ");
            }
            weekly.append("{\"dayOfWeek\": \"").append(day).append("\", \"start\": \"08:00\", \"end\": \"16:00\", ")
                    .append("\"slotMinutes\": ").append(SLOT_MINUTES).append('}');
        }
        return "{\"timeZone\": \"" + TIME_ZONE + "\", \"weekly\": [" + weekly + "], \"exceptions\": []}";
    }

    /** Slots a day in the seeded template (8 hours of 15 minutes). */
    public static int slotsPerDay() {
        return 8 * 60 / SLOT_MINUTES;
    }

    // ---------------------------------------------------------------------------------------
    // Bookings
    // ---------------------------------------------------------------------------------------

    /**
     * The period of rival bookings for a contention percentage: every {@code n}-th booking repeats
     * the slot of the one before. 0 % means none (0); otherwise 1..50 % (a rival needs an original).
     */
    public static int rivalEvery(int contentionPercent) {
        if (contentionPercent < 0 || contentionPercent > 50) {
            throw new IllegalArgumentException("contention must be 0..50 %: " + contentionPercent);
        }
        return contentionPercent == 0 ? 0 : Math.max(2, Math.round(100f / contentionPercent));
    }

    /**
     * Booking {@code k}: the index of the free slot it targets and whether it is contested (it or its
     * neighbour is a rival, so its answer may be 201 or 409).
     */
    public record Booking(long k, long slot, boolean rival, boolean contested) {}

    public static Booking booking(long k, int rivalEvery) {
        if (k < 0) {
            throw new IllegalArgumentException("negative booking number " + k);
        }
        if (rivalEvery == 0) {
            return new Booking(k, k, false, false);
        }
        boolean rival = isRival(k, rivalEvery);
        long original = rival ? k - 1 : k;
        long slot = original - original / rivalEvery; // the rivals before it took no slot of their own
        return new Booking(k, slot, rival, rival || isRival(k + 1, rivalEvery));
    }

    private static boolean isRival(long k, int rivalEvery) {
        return k % rivalEvery == rivalEvery - 1;
    }

    /** How many distinct free slots {@code bookings} bookings use. */
    public static long slotsNeeded(long bookings, int rivalEvery) {
        return bookings == 0 ? 0 : booking(bookings - 1, rivalEvery).slot() + 1;
    }

    /**
     * The patient (index into the pool of {@code pool}) booked into the slot starting at {@code start}
     * with practitioner {@code practitioner} (index among the seeded ones, fewer than the pool): at
     * one start time, each practitioner gets a different patient.
     */
    public static int patientIndex(Instant start, int practitioner, int practitioners, int pool) {
        if (practitioner < 0 || practitioner >= practitioners || practitioners > pool) {
            throw new IllegalArgumentException("practitioner " + practitioner + " of " + practitioners
                    + " with a pool of " + pool + " patients (the pool must be at least the practitioners)");
        }
        long slotNumber = Math.floorDiv(start.getEpochSecond(), 60L * SLOT_MINUTES);
        return (int) Math.floorMod(slotNumber * practitioners + practitioner, (long) pool);
    }

    /** The body of {@code POST /api/v1/appointments}. */
    public static String bookingJson(String patientId, String practitionerId, Instant start, String reason) {
        return "{\"patientId\": \"" + patientId + "\", \"practitionerId\": \"" + practitionerId + "\", \"start\": \""
                + start + "\", \"minutes\": " + SLOT_MINUTES + ", \"type\": \"consultation\", \"reason\": "
                + quote(reason) + "}";
    }

    private static final List<String> REASONS = List.of("chest pain", "follow-up", "rash", "headache",
            "knee pain", "palpitations", "check-up", "back pain", "dizziness", "mole check");

    public static String reason(long k) {
        return REASONS.get((int) Math.floorMod(k, (long) REASONS.size()));
    }

    /** Week {@code week} (0-based) of the search horizon: 7 dates from {@code firstDay}, inclusive. */
    public static LocalDate[] week(LocalDate firstDay, int week) {
        LocalDate from = firstDay.plusWeeks(week);
        return new LocalDate[] {from, from.plusDays(6)};
    }

    // ---------------------------------------------------------------------------------------
    // Vitals
    // ---------------------------------------------------------------------------------------

    /**
     * A set every NEWS2 parameter scores 0 for (RR 12-20, SpO2 96-99 % on air, systolic 111-140,
     * pulse 51-90, alert, 36.1-38.0 °C): recorded, never alerting. Varies with {@code i}.
     */
    public static String normalVitalsJson(String patientId, Instant takenAt, long i) {
        int v = (int) Math.floorMod(i, 1_000_003L);
        return vitals(patientId, takenAt, 12 + v % 9, 96 + v % 4, 111 + v % 30, 51 + v % 40,
                "A", 36.1 + (v % 20) / 10.0);
    }

    /**
     * A set scoring at least 7 (high risk, so it must alert): RR 25-29 (3), SpO2 86-91 % (3),
     * systolic 91-100 (2), pulse 111-130 (2), temperature 38.1-39.0 (1) = 11. Varies with {@code i}.
     */
    public static String alertingVitalsJson(String patientId, Instant takenAt, long i) {
        int v = (int) Math.floorMod(i, 1_000_003L);
        return vitals(patientId, takenAt, 25 + v % 5, 86 + v % 6, 91 + v % 10, 111 + v % 20,
                "A", 38.1 + (v % 10) / 10.0);
    }

    /** Our strings are plain names and words: escaping quote and backslash is enough. */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String vitals(String patientId, Instant takenAt, int respiratoryRate, int spo2, int systolic,
            int pulse, String consciousness, double temperature) {
        return "{\"patientId\": \"" + patientId + "\", \"takenAt\": \"" + takenAt + "\", \"respiratoryRate\": "
                + respiratoryRate + ", \"spo2\": " + spo2 + ", \"spo2Scale\": 1, \"supplementalOxygen\": false, "
                + "\"systolicBp\": " + systolic + ", \"pulse\": " + pulse + ", \"consciousness\": \"" + consciousness
                + "\", \"temperature\": " + String.format(Locale.ROOT, "%.1f", temperature) + "}";
    }
}
