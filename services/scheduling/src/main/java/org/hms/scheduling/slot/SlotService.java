package org.hms.scheduling.slot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hms.scheduling.config.SchedulingConfig;
import org.hms.scheduling.slot.SlotCalendar.Busy;
import org.hms.scheduling.slot.SlotResponse.SlotList;
import org.hms.scheduling.web.FieldChecks;

/**
 * Free slots, the busiest read of a clinic: <b>one</b> SQL query fetches the practitioners of
 * the specialty with their availability and, aggregated per practitioner, the active
 * appointments overlapping the range (served by the exclusion constraint's GiST index); the
 * slots are then derived in memory ({@link SlotCalendar}), in each practitioner's time zone.
 */
@ApplicationScoped
public class SlotService {

    /**
     * Dates are local to each practitioner; the UTC window below is widened by a day on either
     * side so that every zone's dates are covered.
     */
    private static final String QUERY = "select p.id, cast(p.availability as text),"
            + " (select cast(coalesce(json_agg(json_build_array(a.start_at, a.end_at)), '[]') as text)"
            + "    from appointment a where a.practitioner_id = p.id and a.status in ('BOOKED', 'CHECKED_IN')"
            + "    and a.start_at < ?3 and a.end_at > ?2)"
            + " from practitioner p where p.specialty = ?1 and p.availability is not null";

    private final ObjectMapper json;
    private final SchedulingConfig config;

    public SlotService(ObjectMapper json, SchedulingConfig config) {
        this.json = json;
        this.config = config;
    }

    @WithSpan
    public Uni<SlotList> free(String specialty, LocalDate from, LocalDate to, UUID practitionerId) {
        checkRange(from, to);
        Instant windowStart = from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant windowEnd = to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String sql = practitionerId == null ? QUERY : QUERY + " and p.id = ?4";
        return Panache.withSession(() -> Panache.getSession().chain(s -> {
                    var query = s.createNativeQuery(sql, Object[].class)
                            .setParameter(1, specialty)
                            .setParameter(2, windowStart.atOffset(ZoneOffset.UTC))
                            .setParameter(3, windowEnd.atOffset(ZoneOffset.UTC));
                    return (practitionerId == null ? query : query.setParameter(4, practitionerId)).getResultList();
                }))
                .map(rows -> slots(rows, from, to, now));
    }

    private SlotList slots(List<Object[]> rows, LocalDate from, LocalDate to, Instant now) {
        List<SlotResponse> items = new ArrayList<>();
        for (Object[] row : rows) {
            UUID practitioner = (UUID) row[0];
            Availability availability = read((String) row[1], Availability.class);
            SlotCalendar.freeSlots(availability, from, to, busy((String) row[2]), now)
                    .forEach(slot -> items.add(new SlotResponse(practitioner, slot.start(), slot.minutes())));
        }
        items.sort(Comparator.comparing(SlotResponse::start).thenComparing(SlotResponse::practitionerId));
        return new SlotList(items, items.size());
    }

    private List<Busy> busy(String text) {
        List<Busy> busy = new ArrayList<>();
        for (JsonNode pair : read(text, JsonNode.class)) {
            busy.add(new Busy(Instant.parse(normalise(pair.get(0).asText())), Instant.parse(normalise(pair.get(1).asText()))));
        }
        return busy;
    }

    /** PostgreSQL's JSON timestamps ("2026-12-01T08:00:00+00:00") as ISO instants. */
    private static String normalise(String timestamp) {
        return java.time.OffsetDateTime.parse(timestamp).toInstant().toString();
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable row of the slot query", e);
        }
    }

    private void checkRange(LocalDate from, LocalDate to) {
        new FieldChecks()
                .require(!to.isBefore(from), "to", "must not be before from")
                .require(to.isBefore(from) || ChronoUnit.DAYS.between(from, to) < config.maxSlotRangeDays(), "to",
                        "must be within " + config.maxSlotRangeDays() + " days of from (inclusive)")
                .done();
    }
}
