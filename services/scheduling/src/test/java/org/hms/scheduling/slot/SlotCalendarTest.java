package org.hms.scheduling.slot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.hms.scheduling.slot.Availability.DateException;
import org.hms.scheduling.slot.Availability.WeeklySession;
import org.hms.scheduling.slot.SlotCalendar.Busy;
import org.hms.scheduling.slot.SlotCalendar.Slot;
import org.junit.jupiter.api.Test;

/** Slot derivation in the practitioner's time zone (Europe/Warsaw: CET, CEST from 2027-03-28 to 2027-10-31). */
class SlotCalendarTest {

    static final LocalDate MONDAY_IN_WINTER = LocalDate.of(2027, 3, 1);
    static final LocalDate MONDAY_IN_SUMMER = LocalDate.of(2027, 4, 5);
    static final LocalDate SPRING_FORWARD = LocalDate.of(2027, 3, 28); // Sunday, 02:00 -> 03:00
    static final LocalDate FALL_BACK = LocalDate.of(2027, 10, 31); // Sunday, 03:00 -> 02:00
    static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    static Availability warsaw(List<WeeklySession> weekly, List<DateException> exceptions) {
        return new Availability("Europe/Warsaw", weekly, exceptions);
    }

    static WeeklySession session(DayOfWeek day, String start, String end, int minutes) {
        return new WeeklySession(day, LocalTime.parse(start), LocalTime.parse(end), minutes);
    }

    static final Availability MONDAY_MORNINGS =
            warsaw(List.of(session(DayOfWeek.MONDAY, "08:00", "12:00", 15)), List.of());

    static List<Slot> free(Availability a, LocalDate from, LocalDate to, List<Busy> busy) {
        return SlotCalendar.freeSlots(a, from, to, busy, LONG_AGO);
    }

    @Test
    void aWeeklySessionIsCutIntoSlotsAtTheLocalTimeOfTheZone() {
        List<Slot> slots = free(MONDAY_MORNINGS, MONDAY_IN_WINTER, MONDAY_IN_WINTER.plusDays(6), List.of());

        assertThat(slots).hasSize(16);
        assertThat(slots.get(0)).isEqualTo(new Slot(Instant.parse("2027-03-01T07:00:00Z"), 15));
        assertThat(slots.get(15).start()).isEqualTo(Instant.parse("2027-03-01T10:45:00Z"));
    }

    @Test
    void summerTimeMovesTheSlotsAnHourEarlierInUtc() {
        List<Slot> slots = free(MONDAY_MORNINGS, MONDAY_IN_SUMMER, MONDAY_IN_SUMMER, List.of());

        assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2027-04-05T06:00:00Z"));
        assertThat(slots).hasSize(16);
    }

    @Test
    void onTheSpringForwardNightLocalTimesThatDoNotExistGiveNoSlot() {
        Availability night = warsaw(List.of(session(DayOfWeek.SUNDAY, "01:00", "04:00", 30)), List.of());

        List<Slot> slots = free(night, SPRING_FORWARD, SPRING_FORWARD, List.of());

        // 01:00, 01:30 CET; 02:00 and 02:30 do not exist; 03:00, 03:30 CEST: two real hours
        assertThat(slots).extracting(Slot::start).containsExactly(
                Instant.parse("2027-03-28T00:00:00Z"), Instant.parse("2027-03-28T00:30:00Z"),
                Instant.parse("2027-03-28T01:00:00Z"), Instant.parse("2027-03-28T01:30:00Z"));
    }

    @Test
    void onTheFallBackNightARepeatedLocalTimeGivesOneSlotAtTheEarlierInstant() {
        Availability night = warsaw(List.of(session(DayOfWeek.SUNDAY, "01:00", "04:00", 30)), List.of());

        List<Slot> slots = free(night, FALL_BACK, FALL_BACK, List.of());

        assertThat(slots).extracting(Slot::start).containsExactly(
                Instant.parse("2027-10-30T23:00:00Z"), Instant.parse("2027-10-30T23:30:00Z"),
                Instant.parse("2027-10-31T00:00:00Z"), Instant.parse("2027-10-31T00:30:00Z"),
                Instant.parse("2027-10-31T02:00:00Z"), Instant.parse("2027-10-31T02:30:00Z"));
        assertThat(slots).doesNotHaveDuplicates();
    }

    @Test
    void leaveForTheWholeDayRemovesItsSessionsAndLeaveForAWindowRemovesThatWindow() {
        LocalDate nextMonday = MONDAY_IN_WINTER.plusDays(7);
        Availability a = warsaw(MONDAY_MORNINGS.weekly(), List.of(
                new DateException(MONDAY_IN_WINTER, false, null, null, null),
                new DateException(nextMonday, false, LocalTime.parse("09:00"), LocalTime.parse("10:00"), null)));

        List<Slot> slots = free(a, MONDAY_IN_WINTER, nextMonday, List.of());

        assertThat(slots).hasSize(12).allMatch(s -> s.start().isAfter(Instant.parse("2027-03-08T00:00:00Z")));
        assertThat(slots).extracting(Slot::start)
                .doesNotContain(Instant.parse("2027-03-08T08:00:00Z"), Instant.parse("2027-03-08T08:45:00Z"))
                .contains(Instant.parse("2027-03-08T07:45:00Z"), Instant.parse("2027-03-08T09:00:00Z"));
    }

    @Test
    void anExtraSessionAddsSlotsOnADayWithoutTemplate() {
        LocalDate saturday = LocalDate.of(2027, 3, 6);
        Availability a = warsaw(MONDAY_MORNINGS.weekly(), List.of(
                new DateException(saturday, true, LocalTime.parse("10:00"), LocalTime.parse("11:00"), 20)));

        List<Slot> slots = free(a, saturday, saturday, List.of());

        assertThat(slots).containsExactly(new Slot(Instant.parse("2027-03-06T09:00:00Z"), 20),
                new Slot(Instant.parse("2027-03-06T09:20:00Z"), 20), new Slot(Instant.parse("2027-03-06T09:40:00Z"), 20));
    }

    @Test
    void bookedTimeAndThePastAreNotFree() {
        Busy booked = new Busy(Instant.parse("2027-03-01T07:10:00Z"), Instant.parse("2027-03-01T07:40:00Z"));

        List<Slot> slots = SlotCalendar.freeSlots(MONDAY_MORNINGS, MONDAY_IN_WINTER, MONDAY_IN_WINTER, List.of(booked),
                Instant.parse("2027-03-01T10:00:00Z"));

        // 07:00-07:45 overlap the booking, slots before 10:00 are past
        assertThat(slots).extracting(Slot::start).containsExactly(Instant.parse("2027-03-01T10:00:00Z"),
                Instant.parse("2027-03-01T10:15:00Z"), Instant.parse("2027-03-01T10:30:00Z"),
                Instant.parse("2027-03-01T10:45:00Z"));
        assertThat(free(MONDAY_MORNINGS, MONDAY_IN_WINTER, MONDAY_IN_WINTER, List.of(booked)))
                .extracting(Slot::start)
                .doesNotContain(Instant.parse("2027-03-01T07:00:00Z"), Instant.parse("2027-03-01T07:30:00Z"))
                .contains(Instant.parse("2027-03-01T07:45:00Z"));
    }

    @Test
    void aBookingMustLieInsideOneSession() {
        assertThat(SlotCalendar.withinSessions(MONDAY_MORNINGS, Instant.parse("2027-03-01T07:00:00Z"), 15)).isTrue();
        assertThat(SlotCalendar.withinSessions(MONDAY_MORNINGS, Instant.parse("2027-03-01T10:50:00Z"), 10)).isTrue();
        assertThat(SlotCalendar.withinSessions(MONDAY_MORNINGS, Instant.parse("2027-03-01T10:50:00Z"), 15)).isFalse();
        assertThat(SlotCalendar.withinSessions(MONDAY_MORNINGS, Instant.parse("2027-03-01T06:59:00Z"), 15)).isFalse();
        assertThat(SlotCalendar.withinSessions(MONDAY_MORNINGS, Instant.parse("2027-03-02T07:00:00Z"), 15)).isFalse();
    }
}
