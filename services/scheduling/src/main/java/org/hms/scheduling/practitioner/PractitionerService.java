package org.hms.scheduling.practitioner;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hms.platform.problem.ProblemException;
import org.hms.platform.web.Page;
import org.hms.platform.web.Versions;
import org.hms.scheduling.practitioner.PractitionerRequests.NewPractitioner;
import org.hms.scheduling.practitioner.PractitionerRequests.PersonName;
import org.hms.scheduling.slot.Availability;
import org.hms.scheduling.slot.Availability.DateException;
import org.hms.scheduling.slot.Availability.WeeklySession;
import org.hms.scheduling.web.FieldChecks;

/** The practitioner directory and each practitioner's availability. */
@ApplicationScoped
public class PractitionerService {

    private final PractitionerRepository practitioners;

    public PractitionerService(PractitionerRepository practitioners) {
        this.practitioners = practitioners;
    }

    @WithSpan
    @WithTransaction
    public Uni<PractitionerResponse> create(NewPractitioner request) {
        PersonName name = new PersonName(request.name().family().strip(),
                request.name().given().stream().map(String::strip).toList());
        Practitioner p = Practitioner.create(name, request.specialty(), request.userId());
        return practitioners.persist(p).map(PractitionerResponse::of);
    }

    @WithSpan
    public Uni<PractitionerResponse> get(UUID id) {
        return Panache.withSession(() -> find(id)).map(PractitionerResponse::of);
    }

    @WithSpan
    public Uni<Page<PractitionerResponse>> list(String specialty, int page, int size) {
        return Panache.withSession(() -> practitioners.countOf(specialty)
                .chain(total -> practitioners.page(specialty, page, size)
                        .map(found -> new Page<>(found.stream().map(PractitionerResponse::of).toList(), page, size,
                                total))));
    }

    /** The availability and the practitioner's version (its ETag); an empty week when never set. */
    @WithSpan
    public Uni<Versioned> availability(UUID id) {
        return Panache.withSession(() -> find(id)).map(Versioned::of);
    }

    /**
     * Replaces the availability. {@code expectedVersion} (from If-Match, or null) guards against
     * overwriting a change made since it was read: 412 when stale.
     */
    @WithSpan
    @WithTransaction
    public Uni<Versioned> replaceAvailability(UUID id, Long expectedVersion, Availability availability) {
        check(availability);
        return find(id)
                .invoke(p -> {
                    if (expectedVersion != null) {
                        Versions.requireCurrent(expectedVersion, p.version);
                    }
                })
                .invoke(p -> p.replaceAvailability(availability))
                .call(p -> Panache.getSession().chain(s -> s.flush()))
                .map(Versioned::of);
    }

    /** A practitioner's availability with the version it belongs to. */
    public record Versioned(Availability availability, long version) {

        static Versioned of(Practitioner p) {
            Availability a = p.availability != null ? p.availability : new Availability("UTC", List.of(), List.of());
            return new Versioned(a, p.version);
        }
    }

    Uni<Practitioner> find(UUID id) {
        return practitioners.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("practitioner", id));
    }

    /** What Bean Validation cannot say: a known zone, ends after starts, slots that fit. */
    static void check(Availability a) {
        FieldChecks checks = new FieldChecks().require(knownZone(a.timeZone()), "timeZone",
                "must be an IANA time zone such as Europe/Warsaw");
        for (int i = 0; i < a.weekly().size(); i++) {
            WeeklySession w = a.weekly().get(i);
            String at = "weekly[" + i + "].";
            checks.require(w.end().isAfter(w.start()), at + "end", "must be after start")
                    .require(!w.end().isAfter(w.start()) || w.start().plusMinutes(w.slotMinutes()).compareTo(w.end()) <= 0
                            && w.start().plusMinutes(w.slotMinutes()).isAfter(w.start()),
                            at + "slotMinutes", "must fit between start and end");
        }
        for (int i = 0; i < a.exceptions().size(); i++) {
            DateException e = a.exceptions().get(i);
            String at = "exceptions[" + i + "].";
            boolean extra = Boolean.TRUE.equals(e.available());
            checks.require(!extra || e.start() != null, at + "start", "is required for an extra session")
                    .require(!extra || e.end() != null, at + "end", "is required for an extra session")
                    .require(!extra || e.slotMinutes() != null, at + "slotMinutes", "is required for an extra session")
                    .require((e.start() == null) == (e.end() == null) || extra, at + "end",
                            "and start are given together, or neither for the whole day")
                    .require(e.start() == null || e.end() == null || e.end().isAfter(e.start()), at + "end",
                            "must be after start");
        }
        checks.done();
    }

    private static boolean knownZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
