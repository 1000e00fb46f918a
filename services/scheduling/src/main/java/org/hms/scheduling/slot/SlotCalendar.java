package org.hms.scheduling.slot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hms.scheduling.slot.Availability.DateException;

/**
 * Derives a practitioner's bookable time from their availability: the sessions of each date
 * (weekly template, minus leave, plus extra sessions) in their own time zone, cut into slots.
 * Pure: the free-slot read feeds it one query's rows, the booking rule asks it whether a
 * requested time lies inside a session.
 *
 * <p>Daylight saving: sessions are local times. A slot whose local start does not exist (the
 * spring-forward gap) is skipped; a local time that occurs twice (fall back) gives one slot, at
 * the earlier instant. A slot is always {@code slotMinutes} of real time.
 */
public final class SlotCalendar {

    private SlotCalendar() {}

    /** A stretch of bookable time on one date, as instants. */
    public record Session(Instant start, Instant end, int slotMinutes) {

        boolean contains(Instant from, Instant to) {
            return !from.isBefore(start) && !to.isAfter(end);
        }
    }

    /** A derived slot. */
    public record Slot(Instant start, int minutes) {

        Instant end() {
            return start.plusSeconds(60L * minutes);
        }
    }

    /** A time already taken (an active appointment). */
    public record Busy(Instant start, Instant end) {}

    /** The sessions of one local date: the weekly template unless on leave, plus extra sessions. */
    public static List<Session> sessions(Availability availability, LocalDate date) {
        ZoneId zone = availability.zone();
        List<DateException> today = availability.exceptions().stream().filter(e -> e.date().equals(date)).toList();
        List<Session> sessions = new ArrayList<>();
        if (today.stream().noneMatch(e -> !Boolean.TRUE.equals(e.available()) && e.wholeDay())) {
            availability.weekly().stream()
                    .filter(w -> w.dayOfWeek() == date.getDayOfWeek())
                    .forEach(w -> sessions.add(session(zone, date, w.start(), w.end(), w.slotMinutes())));
        }
        today.stream()
                .filter(e -> Boolean.TRUE.equals(e.available()) && !e.wholeDay())
                .forEach(e -> sessions.add(session(zone, date, e.start(), e.end(),
                        e.slotMinutes() == null ? 15 : e.slotMinutes())));
        List<Busy> leave = today.stream()
                .filter(e -> !Boolean.TRUE.equals(e.available()) && !e.wholeDay())
                .map(e -> new Busy(instant(zone, date, e.start()), instant(zone, date, e.end())))
                .toList();
        return leave.isEmpty() ? sessions : cut(sessions, leave);
    }

    /** Whether {@code [start, start + minutes)} lies inside one session of its local date. */
    public static boolean withinSessions(Availability availability, Instant start, int minutes) {
        Instant end = start.plusSeconds(60L * minutes);
        LocalDate date = start.atZone(availability.zone()).toLocalDate();
        return sessions(availability, date).stream().anyMatch(s -> s.contains(start, end));
    }

    /**
     * The free slots of the local dates {@code from..to} (inclusive): each session cut into
     * slots, without those overlapping {@code busy} or starting before {@code notBefore}.
     */
    public static List<Slot> freeSlots(Availability availability, LocalDate from, LocalDate to, List<Busy> busy,
            Instant notBefore) {
        List<Slot> free = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (Session session : sessions(availability, date)) {
                slots(availability.zone(), session).stream()
                        .filter(slot -> !slot.start().isBefore(notBefore))
                        .filter(slot -> busy.stream().noneMatch(b -> overlaps(slot, b)))
                        .forEach(free::add);
            }
        }
        free.sort(Comparator.comparing(Slot::start));
        return free;
    }

    /** Slots of {@code slotMinutes} stepping through the session's local wall-clock times. */
    private static List<Slot> slots(ZoneId zone, Session session) {
        List<Slot> slots = new ArrayList<>();
        LocalDateTime local = LocalDateTime.ofInstant(session.start(), zone);
        LocalDateTime lastLocal = LocalDateTime.ofInstant(session.end(), zone);
        while (local.isBefore(lastLocal)) {
            if (!zone.getRules().getValidOffsets(local).isEmpty()) { // not in a spring-forward gap
                Instant start = ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant();
                Slot slot = new Slot(start, session.slotMinutes());
                if (!slot.start().isBefore(session.start()) && !slot.end().isAfter(session.end())) {
                    slots.add(slot);
                }
            }
            local = local.plusMinutes(session.slotMinutes());
        }
        return slots;
    }

    private static Session session(ZoneId zone, LocalDate date, LocalTime start, LocalTime end, int slotMinutes) {
        return new Session(instant(zone, date, start), instant(zone, date, end), slotMinutes);
    }

    private static Instant instant(ZoneId zone, LocalDate date, LocalTime time) {
        return ZonedDateTime.ofLocal(LocalDateTime.of(date, time), zone, null).toInstant();
    }

    /** The sessions with the leave windows taken out (a session may split in two). */
    private static List<Session> cut(List<Session> sessions, List<Busy> leave) {
        List<Session> result = new ArrayList<>(sessions);
        for (Busy off : leave) {
            List<Session> next = new ArrayList<>();
            for (Session s : result) {
                if (!off.start().isBefore(s.end()) || !off.end().isAfter(s.start())) {
                    next.add(s);
                    continue;
                }
                if (off.start().isAfter(s.start())) {
                    next.add(new Session(s.start(), off.start(), s.slotMinutes()));
                }
                if (off.end().isBefore(s.end())) {
                    next.add(new Session(off.end(), s.end(), s.slotMinutes()));
                }
            }
            result = next;
        }
        return result;
    }

    private static boolean overlaps(Slot slot, Busy busy) {
        return slot.start().isBefore(busy.end()) && busy.start().isBefore(slot.end());
    }
}
