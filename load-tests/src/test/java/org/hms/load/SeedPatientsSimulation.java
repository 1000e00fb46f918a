package org.hms.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registers {@code -Dcount} (10000) synthetic patients, {@code -Dconcurrency} (32) at a time,
 * with {@code POST /api/v1/patients?confirmNotDuplicate=true} as a receptionist. Patient
 * {@code i} is {@code new SyntheticPatients(-Dseed, runId).patient(i)} for i in 0..count-1:
 * the same seed gives the same people every time, but every run gets fresh identifier values
 * (the run id is part of them), so seeding twice never collides on an identifier.
 *
 * <p>Each of the {@code concurrency} users takes the next index, registers it, and repeats
 * until all are taken; a user stops at its first failure. Assertions: no failed request and
 * exactly {@code count} successful ones.
 */
public class SeedPatientsSimulation extends Simulation {

    static final String REGISTER = "register patient";

    private final String baseUrl = LoadSettings.baseUrl();
    private final String receptionist =
            LoadSettings.bearer(LoadSettings.token("receptionistToken", "HMS_RECEPTIONIST_TOKEN"));
    private final int count = LoadSettings.positive("count", 10_000);
    private final int concurrency = Math.min(LoadSettings.positive("concurrency", 32), count);
    private final SyntheticPatients patients = new SyntheticPatients(LoadSettings.seed(), LoadSettings.runId());
    private final AtomicLong next = new AtomicLong();

    /** Claims the next index for this user, if any is left. */
    private Session claim(Session session) {
        long index = next.getAndIncrement();
        if (index >= count) {
            return session.set("claimed", false);
        }
        return session.set("claimed", true).set("index", index).set("patient", patients.json(index));
    }

    private final ScenarioBuilder seed = scenario("seed patients")
            .exec(this::claim)
            .asLongAs("#{claimed}")
            .on(exec(LoadSettings.authorized(http(REGISTER).post("/api/v1/patients"), receptionist)
                            .queryParam("confirmNotDuplicate", true)
                            .body(StringBody(session -> session.getString("patient")))
                            .asJson()
                            .check(status().is(201), jsonPath("$.id").exists()))
                    .exitHereIfFailed()
                    .exec(this::claim));

    {
        System.out.printf("SeedPatientsSimulation: %d patients into %s, %d at a time, seed %d, run %s%n",
                count, baseUrl, concurrency, patients.seed(), patients.nonce());
        setUp(seed.injectOpen(atOnceUsers(concurrency)))
                .protocols(LoadSettings.protocol(baseUrl))
                .assertions(
                        global().failedRequests().count().is(0L),
                        global().successfulRequests().count().is((long) count));
    }
}
