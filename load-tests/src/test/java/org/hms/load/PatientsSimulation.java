package org.hms.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The front desk and the wards against a running patients service: a closed model of
 * {@code -Dusers} concurrent users for {@code -Dduration} seconds, each user doing one of
 *
 * <ul>
 *   <li>70 % "read patient": {@code GET /api/v1/patients/{id}} as a physician, expects 200;
 *   <li>20 % "search patients": {@code GET /api/v1/patients?name=...} as a physician with a
 *       surname or given-name prefix, an unaccented or a misspelt name; expects 200 and a {@code total};
 *   <li>10 % "register patient": {@code POST /api/v1/patients?confirmNotDuplicate=true} as a
 *       receptionist with a new synthetic patient; expects 201, a Location and an id;
 * </ul>
 *
 * then (optionally) pausing {@code -DthinkMillis}, and being replaced by a fresh user.
 *
 * <p>Before the measured run, {@link PatientIdPool} collects up to {@code -DidPool} (1000)
 * existing ids by name search, registering patients if it finds fewer than
 * {@code -DminIdPool} (200); that traffic is not part of the report.
 *
 * <p>Assertions (the run fails when one is unmet): failed requests below {@code -DmaxFailedPercent}
 * (1 %), p95 of read below {@code -DreadP95Ms} (50), search below {@code -DsearchP95Ms} (100),
 * register below {@code -DregisterP95Ms} (200).
 */
public class PatientsSimulation extends Simulation {

    static final String READ = "read patient";
    static final String SEARCH = "search patients";
    static final String REGISTER = "register patient";

    private final String baseUrl = LoadSettings.baseUrl();
    private final String receptionist =
            LoadSettings.bearer(LoadSettings.token("receptionistToken", "HMS_RECEPTIONIST_TOKEN"));
    private final String physician = LoadSettings.bearer(LoadSettings.token("physicianToken", "HMS_PHYSICIAN_TOKEN"));
    private final int users = LoadSettings.positive("users", 64);
    private final int durationSeconds = LoadSettings.positive("duration", 60);
    private final int rampSeconds = Math.min(LoadSettings.nonNegative("rampSeconds", 10), durationSeconds / 2);
    private final int thinkMillis = LoadSettings.nonNegative("thinkMillis", 0);
    private final int idPoolTarget = LoadSettings.positive("idPool", 1000);
    private final int idPoolMinimum = Math.min(LoadSettings.positive("minIdPool", 200), idPoolTarget);

    private final long seed = LoadSettings.seed();
    private final String runId = LoadSettings.runId();
    /** People the search looks for: the seeded population. */
    private final SyntheticPatients population = new SyntheticPatients(seed, runId);
    /** People registered during the run; other seeds than the seeded population, their own identifiers. */
    private final SyntheticPatients poolNewcomers = new SyntheticPatients(seed + 1, runId + "p");
    private final SyntheticPatients walkIns = new SyntheticPatients(seed + 2, runId + "w");
    private final AtomicLong searches = new AtomicLong();
    private final AtomicLong registrations = new AtomicLong();

    private volatile List<String> patientIds = List.of();

    private final ChainBuilder read = exec(session -> session.set("patientId",
                    patientIds.get(ThreadLocalRandom.current().nextInt(patientIds.size()))))
            .exec(LoadSettings.authorized(http(READ).get("/api/v1/patients/#{patientId}"), physician)
                    .check(status().is(200)));

    private final ChainBuilder search = exec(session -> session.set("name",
                    population.searchTerm(searches.getAndIncrement())))
            .exec(LoadSettings.authorized(http(SEARCH).get("/api/v1/patients"), physician)
                    .queryParam("name", "#{name}")
                    .queryParam("page", 0)
                    .queryParam("size", 20)
                    .check(status().is(200), jsonPath("$.total").exists()));

    private final ChainBuilder register = exec(session -> session.set("patient",
                    walkIns.json(registrations.getAndIncrement())))
            .exec(LoadSettings.authorized(http(REGISTER).post("/api/v1/patients"), receptionist)
                    .queryParam("confirmNotDuplicate", true)
                    .body(StringBody(session -> session.getString("patient")))
                    .asJson()
                    .check(status().is(201), header("Location").exists(), jsonPath("$.id").exists()));

    private final ScenarioBuilder frontDeskAndWards = scenario("front desk and wards")
            .randomSwitch()
            .on(percent(70.0).then(read), percent(20.0).then(search), percent(10.0).then(register))
            .pause(Duration.ofMillis(thinkMillis));

    {
        System.out.printf("PatientsSimulation: %s, %d users (closed model), %ds in all of which %ds ramp-up,"
                        + " think time %dms, seed %d, run %s%n",
                baseUrl, users, durationSeconds, rampSeconds, thinkMillis, seed, runId);
        List<ClosedInjectionStep> load = new ArrayList<>();
        if (rampSeconds > 0) {
            load.add(rampConcurrentUsers(0).to(users).during(Duration.ofSeconds(rampSeconds)));
        }
        load.add(constantConcurrentUsers(users).during(Duration.ofSeconds(durationSeconds - rampSeconds)));
        setUp(frontDeskAndWards.injectClosed(load))
                .protocols(LoadSettings.protocol(baseUrl))
                // a hard stop well after the planned end, should the service hang
                .maxDuration(Duration.ofSeconds(durationSeconds + 90L))
                .assertions(
                        global().failedRequests().percent().lt(Double.parseDouble(
                                LoadSettings.string("maxFailedPercent", "1"))),
                        details(READ).responseTime().percentile(95.0).lt(LoadSettings.positive("readP95Ms", 50)),
                        details(SEARCH).responseTime().percentile(95.0)
                                .lt(LoadSettings.positive("searchP95Ms", 100)),
                        details(REGISTER).responseTime().percentile(95.0)
                                .lt(LoadSettings.positive("registerP95Ms", 200)));
    }

    @Override
    public void before() {
        patientIds = new PatientIdPool(baseUrl)
                .collect(idPoolTarget, idPoolMinimum, physician, receptionist, poolNewcomers);
    }
}
