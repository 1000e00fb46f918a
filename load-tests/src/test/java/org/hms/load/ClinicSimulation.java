package org.hms.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.http.action.sse.SseInboundMessage;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A clinic day through the gateway ({@code -DbaseUrl}, http://localhost:8080) against the clinic
 * that {@link SeedClinicSimulation} seeded ({@code -DseedFile}). An open model: five kinds of
 * users arrive at their own rates for {@code -Dduration} seconds (60), after {@code -DwarmUp}
 * seconds (30) of the same traffic ramping up from 1 user a second, reported under names
 * starting with "warm-up " so that the measured rows stand alone:
 *
 * <ul>
 *   <li>"search free slots": {@code GET /api/v1/slots?specialty=&from=&to=} for a random specialty
 *       and one of the first {@code -DsearchWeeks} (4) weeks from tomorrow, as a receptionist;
 *       {@code -DsearchRate} a second (rate / 2);
 *   <li>"book appointment" / "book contested slot" (group "booking"): {@code POST /api/v1/appointments}
 *       as a receptionist, {@code -DbookingRate} a second ({@code -Drate}, 400). Each booking takes a
 *       free slot found before the run; every {@code 100 / -DcontentionPercent}-th booking (10 %) is a
 *       rival that targets the slot of the booking just before it, so the two race and one of them
 *       gets 409. Both of a contested pair accept 201 or 409 (counted apart and printed at the end);
 *       an uncontested booking must get 201;
 *   <li>"read chart": {@code GET /api/v1/patients/{id}/chart} as a physician, {@code -DchartRate} (rate);
 *   <li>"record vitals": {@code POST /api/v1/vitals} as a nurse with a set scoring NEWS2 0,
 *       {@code -DvitalsRate} (rate);
 *   <li>"vitals to alert" (group): a nurse opens {@code GET /api/v1/alerts/stream} ("alerts stream"),
 *       posts a set that must alert ("alerting vitals", NEWS2 11, a patient of its own) and waits
 *       up to {@code -DalertTimeoutMs} (2000) for the alert about that patient on the stream ("alert
 *       arrival"). The group's cumulated response time is the POST's plus the wait after it: from
 *       sending the vitals to the alert's arrival. {@code -DalertRate} (10) a second.
 * </ul>
 *
 * <p>Before the run (not measured), the free slots of the seeded practitioners are harvested week by
 * week from tomorrow (as far as {@code -DmaxWeeks}, 26) until there are enough for the planned
 * bookings, then shuffled; so a second run books what the first left free.
 *
 * <p>Assertions (an unmet one fails the run), on the measured phase: slot search p95 &lt;
 * {@code -DslotsP95Ms} (20); chart p95 &lt; {@code -DchartP95Ms} (10); vitals-to-alert p99 &lt;
 * {@code -DalertP99Ms} (100); no failed booking (201 and expected 409s only); bookings and vitals
 * each all served (at least the planned {@code rate x duration} OK, which in an open model means
 * the rate was sustained) with p99 &lt; {@code -DbookingP99Ms} / {@code -DvitalsP99Ms} (500, so a
 * growing queue shows); the other requests fail under {@code -DmaxFailedPercent} (0.1 %).
 */
public class ClinicSimulation extends Simulation {

    static final String WARM_UP = "warm-up ";
    static final String SEARCH = "search free slots";
    static final String BOOKING = "booking";
    static final String BOOK = "book appointment";
    static final String BOOK_CONTESTED = "book contested slot";
    static final String CHART = "read chart";
    static final String VITALS = "record vitals";
    static final String ALERT = "vitals to alert";
    static final String ALERT_STREAM = "alerts stream";
    static final String ALERTING_VITALS = "alerting vitals";
    static final String ALERT_ARRIVAL = "alert arrival";

    private static final ZoneId CLINIC_ZONE = ZoneId.of(ClinicPlan.TIME_ZONE);

    private final String baseUrl = LoadSettings.baseUrl("http://localhost:8080");
    private final Path seedFile = Path.of(LoadSettings.string("seedFile", "target/clinic-seed.txt"));
    private final List<String> receptionists = LoadSettings.bearers("receptionistTokens", "HMS_RECEPTIONIST_TOKENS");
    private final List<String> physicians = LoadSettings.bearers("physicianTokens", "HMS_PHYSICIAN_TOKENS");
    private final List<String> nurses = LoadSettings.bearers("nurseTokens", "HMS_NURSE_TOKENS");

    private final int rate = LoadSettings.positive("rate", 400);
    private final int bookingRate = LoadSettings.nonNegative("bookingRate", rate);
    private final int vitalsRate = LoadSettings.nonNegative("vitalsRate", rate);
    private final int searchRate = LoadSettings.nonNegative("searchRate", Math.max(1, rate / 2));
    private final int chartRate = LoadSettings.nonNegative("chartRate", rate);
    private final int alertRate = LoadSettings.nonNegative("alertRate", 10);
    private final int durationSeconds = LoadSettings.positive("duration", 60);
    private final int warmUpSeconds = LoadSettings.nonNegative("warmUp", 30);
    private final int rivalEvery = ClinicPlan.rivalEvery(LoadSettings.nonNegative("contentionPercent", 10));
    private final int searchWeeks = LoadSettings.positive("searchWeeks", 4);
    private final int maxWeeks = LoadSettings.positive("maxWeeks", 26);
    private final Duration alertTimeout = Duration.ofMillis(LoadSettings.positive("alertTimeoutMs", 2000));
    private final long seed = LoadSettings.seed();
    private final String runId = LoadSettings.runId();

    /** The first date searched and booked: tomorrow in the clinic's time zone (slots must be in the future). */
    private final LocalDate firstDay = LocalDate.now(CLINIC_ZONE).plusDays(1);

    private final ClinicSeedFile clinic = ClinicSeedFile.readIfExists(seedFile).orElseThrow(() ->
            new IllegalArgumentException("no clinic seed file " + seedFile.toAbsolutePath() + ": run ./hms seed clinic"
                    + " first (or point -DseedFile at its file)"));
    private final List<String> patients = clinic.patients();
    private final int practitionerSlots = clinic.practitioners().stream()
            .mapToInt(p -> p.index() + 1).max().orElse(0);
    private final List<String> specialties = clinic.practitioners().stream()
            .map(ClinicSeedFile.Seeded::specialty).distinct().sorted().toList();

    /** Free slots harvested before the run, shuffled; booking k takes {@code ClinicPlan.booking(k).slot()}. */
    private volatile List<FreeSlot> freeSlots = List.of();

    private final AtomicLong bookings = new AtomicLong();
    private final AtomicLong vitalsSets = new AtomicLong();
    private final AtomicLong alerts = new AtomicLong();
    private final AtomicBoolean outOfSlotsReported = new AtomicBoolean();
    /** Answers to contested bookings by request name and status: the expected 409s, counted apart. */
    private final Map<String, LongAdder> contestedAnswers = new ConcurrentHashMap<>();
    /** Alerts that reached the stream before the alerting POST's response did. */
    private final LongAdder alertsBeforeResponse = new LongAdder();

    /** A free slot: which seeded practitioner, when. */
    record FreeSlot(int practitioner, String practitionerId, Instant start) {}

    {
        if (receptionists.isEmpty() || physicians.isEmpty() || nurses.isEmpty()) {
            throw new IllegalArgumentException("-DreceptionistTokens, -DphysicianTokens and -DnurseTokens are all"
                    + " needed (comma-separated): ./hms load clinic mints them");
        }
        if (clinic.practitioners().isEmpty() || patients.size() < practitionerSlots) {
            throw new IllegalArgumentException(seedFile + " has " + clinic.practitioners().size()
                    + " practitioners and " + patients.size() + " patients (at least as many patients as"
                    + " practitioners are needed): run ./hms seed clinic first");
        }
        System.out.printf("ClinicSimulation: %s, %ds after %ds warm-up; a second: %d searches, %d bookings (1 in %d"
                        + " a rival), %d chart reads, %d vitals, %d alerts; %d practitioners, %d patients from %s;"
                        + " run %s%n",
                baseUrl, durationSeconds, warmUpSeconds, searchRate, bookingRate, rivalEvery, chartRate, vitalsRate,
                alertRate, clinic.practitioners().size(), patients.size(), seedFile, runId);

        List<PopulationBuilder> load = new ArrayList<>();
        addLoad(load, "front desk: search", searchRate, this::searchSlots);
        addLoad(load, "front desk: book", bookingRate, this::book);
        addLoad(load, "physician: chart", chartRate, this::readChart);
        addLoad(load, "nurse: vitals", vitalsRate, this::recordVitals);
        addLoad(load, "nurse: vitals to alert", alertRate, this::vitalsToAlert);
        if (load.isEmpty()) {
            throw new IllegalArgumentException("every rate is 0: nothing to do");
        }
        setUp(load)
                // alerts that arrive before their check is set are kept for processUnmatchedMessages
                .protocols(LoadSettings.protocol(baseUrl).sseUnmatchedInboundMessageBufferSize(256))
                .maxDuration(Duration.ofSeconds(warmUpSeconds + durationSeconds + 60L))
                .assertions(assertions());
    }

    // ---------------------------------------------------------------------------------------
    // The five kinds of users; prefix is "" or "warm-up "
    // ---------------------------------------------------------------------------------------

    private ChainBuilder searchSlots(String prefix) {
        return exec(session -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    LocalDate[] week = ClinicPlan.week(firstDay, random.nextInt(searchWeeks));
                    return session.set("bearer", pick(receptionists))
                            .set("specialty", specialties.get(random.nextInt(specialties.size())))
                            .set("from", week[0].toString())
                            .set("to", week[1].toString());
                })
                .exec(http(prefix + SEARCH).get("/api/v1/slots")
                        .header("Authorization", "#{bearer}")
                        .queryParam("specialty", "#{specialty}")
                        .queryParam("from", "#{from}")
                        .queryParam("to", "#{to}")
                        .check(status().is(200), jsonPath("$.total").exists()));
    }

    private ChainBuilder book(String prefix) {
        String contestedName = prefix + BOOK_CONTESTED;
        return exec(this::claimBooking)
                .doIf("#{haveSlot}")
                .then(group(prefix + BOOKING).on(doIfContested(
                        exec(bookingRequest(contestedName).check(status().in(201, 409).saveAs("bookingStatus")))
                                .exec(session -> countContested(session, contestedName)),
                        exec(bookingRequest(prefix + BOOK)
                                .check(status().is(201), jsonPath("$.status").is("booked"))))));
    }

    private static ChainBuilder doIfContested(ChainBuilder contested, ChainBuilder plain) {
        return doIfOrElse("#{contested}").then(contested).orElse(plain);
    }

    private HttpRequestActionBuilder bookingRequest(String name) {
        return http(name).post("/api/v1/appointments")
                .header("Authorization", "#{bearer}")
                .body(StringBody("#{booking}"))
                .asJson();
    }

    private ChainBuilder readChart(String prefix) {
        return exec(session -> session.set("bearer", pick(physicians)).set("patientId", pick(patients)))
                .exec(http(prefix + CHART).get("/api/v1/patients/#{patientId}/chart")
                        .header("Authorization", "#{bearer}")
                        .check(status().is(200)));
    }

    private ChainBuilder recordVitals(String prefix) {
        return exec(session -> session.set("bearer", pick(nurses))
                        .set("vitals", ClinicPlan.normalVitalsJson(pick(patients), takenAt(),
                                vitalsSets.getAndIncrement())))
                .exec(http(prefix + VITALS).post("/api/v1/vitals")
                        .header("Authorization", "#{bearer}")
                        .body(StringBody("#{vitals}"))
                        .asJson()
                        .check(status().is(201), jsonPath("$.news2.alert").ofBoolean().is(false)));
    }

    /**
     * Connects to the stream first (not timed in the group), then times the alerting POST plus the
     * wait for its alert. Each alert is about a patient no other alert of the run is about (while the
     * pool lasts), so matching the patient id finds this user's alert and not another's.
     */
    private ChainBuilder vitalsToAlert(String prefix) {
        return exec(session -> {
                    long n = alerts.getAndIncrement();
                    String patientId = patients.get((int) (n % patients.size()));
                    return session.set("bearer", pick(nurses))
                            .set("patientId", patientId)
                            .set("vitals", ClinicPlan.alertingVitalsJson(patientId, takenAt(), n));
                })
                .exec(sse(prefix + ALERT_STREAM, prefix + ALERT_STREAM).get("/api/v1/alerts/stream")
                        .header("Authorization", "#{bearer}")
                        .header("Accept", "text/event-stream"))
                .exitHereIfFailed()
                .group(prefix + ALERT)
                .on(exec(http(prefix + ALERTING_VITALS).post("/api/v1/vitals")
                                .header("Authorization", "#{bearer}")
                                .body(StringBody("#{vitals}"))
                                .asJson()
                                .check(status().is(201), jsonPath("$.news2.alert").ofBoolean().is(true)))
                        // (no exit on failure: the wait below times out and the stream is closed)
                        // an alert that beat the POST's response is already here: its latency is under
                        // the POST's response time, which the group then counts (an upper bound)
                        .exec(sse.processUnmatchedMessages(prefix + ALERT_STREAM, this::alertAlreadyArrived))
                        .doIf(session -> !session.getBoolean("alertArrived"))
                        .then(exec(sse(prefix + ALERT_ARRIVAL, prefix + ALERT_STREAM).setCheck()
                                .await(alertTimeout)
                                .on(sse.checkMessage(prefix + ALERT_ARRIVAL).matching(substring("#{patientId}"))))))
                .exec(sse("close " + prefix + ALERT_STREAM, prefix + ALERT_STREAM).close());
    }

    // ---------------------------------------------------------------------------------------

    /** Warm-up ramp (when any) then the measured constant rate, for one kind of user. */
    private void addLoad(List<PopulationBuilder> load, String name, int perSecond,
            Function<String, ChainBuilder> user) {
        if (perSecond == 0) {
            return;
        }
        PopulationBuilder measured = scenario(name)
                .exec(user.apply(""))
                .injectOpen(constantUsersPerSec(perSecond).during(Duration.ofSeconds(durationSeconds)));
        if (warmUpSeconds == 0) {
            load.add(measured);
            return;
        }
        load.add(scenario(WARM_UP + name)
                .exec(user.apply(WARM_UP))
                .injectOpen(rampUsersPerSec(1).to(perSecond).during(Duration.ofSeconds(warmUpSeconds)))
                .andThen(measured));
    }

    private Session claimBooking(Session session) {
        ClinicPlan.Booking booking = ClinicPlan.booking(bookings.getAndIncrement(), rivalEvery);
        List<FreeSlot> slots = freeSlots;
        if (booking.slot() >= slots.size()) {
            if (outOfSlotsReported.compareAndSet(false, true)) {
                System.err.printf("ClinicSimulation: out of free slots after %d bookings: later bookings are not"
                        + " sent (raise -DmaxWeeks or lower the rate)%n", booking.k());
            }
            return session.set("haveSlot", false);
        }
        FreeSlot slot = slots.get((int) booking.slot());
        String patientId = patients.get(ClinicPlan.patientIndex(slot.start(), slot.practitioner(), practitionerSlots,
                patients.size()));
        return session.set("haveSlot", true)
                .set("contested", booking.contested())
                .set("bearer", pick(receptionists))
                .set("booking", ClinicPlan.bookingJson(patientId, slot.practitionerId(), slot.start(),
                        ClinicPlan.reason(booking.k())));
    }

    private Session alertAlreadyArrived(List<SseInboundMessage> messages, Session session) {
        String patientId = session.getString("patientId");
        boolean arrived = messages.stream().anyMatch(m -> m.message().contains(patientId));
        if (arrived) {
            alertsBeforeResponse.increment();
        }
        return session.set("alertArrived", arrived);
    }

    private Session countContested(Session session, String name) {
        contestedAnswers.computeIfAbsent(name + " " + session.getInt("bookingStatus"), k -> new LongAdder())
                .increment();
        return session;
    }

    private Assertion[] assertions() {
        double maxFailedPercent = Double.parseDouble(LoadSettings.string("maxFailedPercent", "0.1"));
        List<Assertion> all = new ArrayList<>();
        if (searchRate > 0) {
            all.add(details(SEARCH).responseTime().percentile(95.0).lt(LoadSettings.positive("slotsP95Ms", 20)));
            all.add(details(SEARCH).failedRequests().percent().lt(maxFailedPercent));
        }
        if (bookingRate > 0) {
            all.add(details(BOOKING).failedRequests().count().is(0L));
            all.add(details(BOOKING).successfulRequests().count().gte(planned(bookingRate)));
            all.add(details(BOOKING).responseTime().percentile(99.0).lt(LoadSettings.positive("bookingP99Ms", 500)));
        }
        if (chartRate > 0) {
            all.add(details(CHART).responseTime().percentile(95.0).lt(LoadSettings.positive("chartP95Ms", 10)));
            all.add(details(CHART).failedRequests().percent().lt(maxFailedPercent));
        }
        if (vitalsRate > 0) {
            all.add(details(VITALS).failedRequests().percent().lt(maxFailedPercent));
            all.add(details(VITALS).successfulRequests().count().gte(planned(vitalsRate)));
            all.add(details(VITALS).responseTime().percentile(99.0).lt(LoadSettings.positive("vitalsP99Ms", 500)));
        }
        if (alertRate > 0) {
            all.add(details(ALERT).responseTime().percentile(99.0).lt(LoadSettings.positive("alertP99Ms", 100)));
            all.add(details(ALERT).failedRequests().percent().lt(maxFailedPercent));
        }
        return all.toArray(Assertion[]::new);
    }

    /** What the measured phase injects at {@code perSecond}, less 0.1 % for rounding at the edges. */
    private long planned(int perSecond) {
        long users = (long) perSecond * durationSeconds;
        return users - Math.max(1, users / 1000);
    }

    private static String pick(List<String> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    /** A minute ago, to the second: vitals are recorded after they are taken, never in the future. */
    private static Instant takenAt() {
        return Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
    }

    // ---------------------------------------------------------------------------------------
    // Before and after the run
    // ---------------------------------------------------------------------------------------

    @Override
    public void before() {
        awaitPatientViews();
        long plannedBookings = (long) bookingRate * durationSeconds + (long) (bookingRate + 1) * warmUpSeconds / 2;
        long needed = ClinicPlan.slotsNeeded(plannedBookings + plannedBookings / 20 + 10, rivalEvery);
        freeSlots = harvest(needed);
        System.out.printf("ClinicSimulation: %d free slots from %s on for about %d bookings%n", freeSlots.size(),
                firstDay, plannedBookings);
    }

    /**
     * Waits (up to a minute) until clinical serves the chart of the last seeded patient: the services
     * learn of patients from hms.patients, a moment after registration, and a run started right
     * after the seed would otherwise fail its first requests.
     */
    private void awaitPatientViews() {
        String url = baseUrl + "/api/v1/patients/" + patients.get(patients.size() - 1) + "/chart";
        ClinicApi api = new ClinicApi("waiting for the patient views");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status;
        while ((status = api.status(url, physicians.get(0))) != 200 && System.nanoTime() < deadline) {
            System.out.printf("ClinicSimulation: GET %s answered %d, waiting for clinical's patient view%n",
                    url, status);
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the patient views", e);
            }
        }
        if (status != 200) {
            throw new IllegalStateException("GET " + url + " still answers " + status + " after a minute: does"
                    + " clinical consume hms.patients? Was the clinic seeded against this system (else ./hms seed"
                    + " clinic again)?");
        }
    }

    /** Free slots of the seeded practitioners, a week of every specialty at a time, until there are enough. */
    private List<FreeSlot> harvest(long needed) {
        Map<String, Integer> seeded = new HashMap<>();
        clinic.practitioners().forEach(p -> seeded.put(p.id(), p.index()));
        ClinicApi api = new ClinicApi("harvesting free slots before the run");
        List<FreeSlot> found = new ArrayList<>();
        int weeks = 0;
        while (found.size() < needed && weeks < maxWeeks) {
            LocalDate[] week = ClinicPlan.week(firstDay, weeks++);
            for (String specialty : specialties) {
                JsonNode page = api.json(baseUrl + "/api/v1/slots?specialty=" + specialty + "&from=" + week[0]
                        + "&to=" + week[1], receptionists.get(0));
                for (JsonNode slot : page.path("items")) {
                    Integer index = seeded.get(slot.path("practitionerId").asText());
                    if (index != null && slot.path("minutes").asInt() == ClinicPlan.SLOT_MINUTES) {
                        found.add(new FreeSlot(index, slot.path("practitionerId").asText(),
                                Instant.parse(slot.path("start").asText())));
                    }
                }
            }
        }
        if (found.size() < needed) {
            throw new IllegalStateException(String.format("only %d free slots in the %d weeks from %s, %d needed:"
                    + " raise -DmaxWeeks, lower the booking rate or seed more practitioners", found.size(), weeks,
                    firstDay, needed));
        }
        System.out.printf("ClinicSimulation: searched %d weeks of %s%n", weeks, specialties);
        // spread the bookings over practitioners and days, the same way for the same run id
        Collections.shuffle(found, new Random(seed * 31 + runId.hashCode()));
        return List.copyOf(found);
    }

    @Override
    public void after() {
        if (alertRate > 0) {
            System.out.printf("ClinicSimulation: %d alerts (warm-up included) reached the stream before the response"
                    + " to their vitals POST%n", alertsBeforeResponse.sum());
        }
        if (contestedAnswers.isEmpty()) {
            return;
        }
        System.out.println("ClinicSimulation: answers to contested bookings (409 = the rival lost, as expected):");
        contestedAnswers.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf("    %-40s %d%n", e.getKey(), e.getValue().sum()));
    }
}
