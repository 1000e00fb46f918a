package org.hms.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hms.load.ClinicSeedFile.Seeded;

/**
 * Seeds the clinic that {@link ClinicSimulation} loads: {@code -Dpractitioners} (50) practitioners,
 * the specialties of {@link ClinicPlan#SPECIALTIES} taking turns (10 each), each with the weekly
 * template Monday-Friday 08:00-16:00 Europe/Warsaw in 15-minute slots (no end date: "four weeks of
 * availability" is what the simulation searches and books, from tomorrow on), created through the
 * gateway ({@code -DgatewayUrl}, http://localhost:8080) as an admin; and {@code -Dpatients} (2000)
 * synthetic patients registered straight at the patients service ({@code -DpatientsUrl},
 * http://localhost:8082) as a receptionist, {@code -Dconcurrency} (16) requests at a time.
 *
 * <p>The ids go to {@code -DseedFile} ({@link ClinicSeedFile}). Running it again is cheap: the
 * practitioners and patients of the file that still exist (checked with GETs before the run) are
 * kept, only what is missing is created, and every kept practitioner's availability is put again.
 * Assertion: no failed request.
 */
public class SeedClinicSimulation extends Simulation {

    static final String CREATE_PRACTITIONER = "create practitioner";
    static final String PUT_AVAILABILITY = "put availability";
    static final String REGISTER = "register patient";

    private final String gatewayUrl = LoadSettings.url("gatewayUrl", "http://localhost:8080");
    private final String patientsUrl = LoadSettings.url("patientsUrl", LoadSettings.DEFAULT_BASE_URL);
    private final String admin = LoadSettings.bearer(LoadSettings.token("adminToken", "HMS_ADMIN_TOKEN"));
    private final String receptionist =
            LoadSettings.bearer(LoadSettings.token("receptionistToken", "HMS_RECEPTIONIST_TOKEN"));
    private final String physician = LoadSettings.bearer(LoadSettings.token("physicianToken", "HMS_PHYSICIAN_TOKEN"));
    private final Path seedFile = Path.of(LoadSettings.string("seedFile", "target/clinic-seed.txt"));
    private final int practitionerCount = LoadSettings.positive("practitioners", 50);
    private final int patientCount = LoadSettings.positive("patients", 2000);
    private final int concurrency = LoadSettings.positive("concurrency", 16);
    // the clinic's own population: another seed than ./hms seed patients, identifiers unique to the run
    private final SyntheticPatients population =
            new SyntheticPatients(LoadSettings.seed() + 10, LoadSettings.runId() + "c");

    /** Practitioners by plan index: those kept from the file, and those created or re-put here. */
    private final Map<Integer, Seeded> practitioners = new ConcurrentSkipListMap<>();
    /** Patients kept from the file, then those registered here by index. */
    private final List<String> keptPatients = new ArrayList<>();
    private final Map<Long, String> newPatients = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextPractitioner = new AtomicInteger();
    private final AtomicLong nextPatient = new AtomicLong();
    private int patientsToRegister;

    private Session claimPractitioner(Session session) {
        int i = nextPractitioner.getAndIncrement();
        if (i >= practitionerCount) {
            return session.set("claimed", false);
        }
        ClinicPlan.Practitioner planned = ClinicPlan.practitioner(i);
        Seeded kept = practitioners.get(i);
        return session.set("claimed", true)
                .set("index", i)
                .set("specialty", planned.specialty())
                .set("isNew", kept == null)
                .set("practitionerId", kept == null ? "" : kept.id())
                .set("practitioner", planned.json());
    }

    private Session recordPractitioner(Session session) {
        int i = session.getInt("index");
        practitioners.put(i, new Seeded(i, session.getString("specialty"), session.getString("practitionerId")));
        return session;
    }

    private Session claimPatient(Session session) {
        long i = nextPatient.getAndIncrement();
        if (i >= patientsToRegister) {
            return session.set("claimed", false);
        }
        return session.set("claimed", true).set("index", i).set("patient", population.json(i));
    }

    {
        ClinicSeedFile before = ClinicSeedFile.readIfExists(seedFile).orElse(new ClinicSeedFile(List.of(), List.of()));
        keepExisting(before);
        patientsToRegister = Math.max(0, patientCount - keptPatients.size());
        System.out.printf("SeedClinicSimulation: %d practitioners (%d kept from %s) through %s, %d patients"
                        + " (%d kept, %d to register) at %s, seed %d, run %s%n",
                practitionerCount, practitioners.size(), seedFile, gatewayUrl, patientCount, keptPatients.size(),
                patientsToRegister, patientsUrl, population.seed(), population.nonce());

        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(practitionerScenario().injectOpen(atOnceUsers(Math.min(concurrency, practitionerCount))));
        if (patientsToRegister > 0) {
            populations.add(patientScenario().injectOpen(atOnceUsers(Math.min(concurrency, patientsToRegister))));
        }
        setUp(populations)
                .protocols(LoadSettings.protocol(gatewayUrl))
                .assertions(global().failedRequests().count().is(0L));
    }

    /**
     * Each user takes the next plan index: creates the practitioner unless kept (and records it at
     * once, so that a failed availability PUT is retried by the next seed rather than orphaned),
     * then puts its availability.
     */
    private ScenarioBuilder practitionerScenario() {
        return scenario("seed practitioners")
                .exec(this::claimPractitioner)
                .asLongAs("#{claimed}")
                .on(doIf("#{isNew}")
                        .then(exec(http(CREATE_PRACTITIONER).post("/api/v1/practitioners")
                                        .header("Authorization", admin)
                                        .body(StringBody("#{practitioner}"))
                                        .asJson()
                                        .check(status().is(201), jsonPath("$.id").saveAs("practitionerId")))
                                .exitHereIfFailed()
                                .exec(this::recordPractitioner))
                        .exec(http(PUT_AVAILABILITY).put("/api/v1/practitioners/#{practitionerId}/availability")
                                .header("Authorization", admin)
                                .body(StringBody(ClinicPlan.availabilityJson()))
                                .asJson()
                                .check(status().in(200, 204)))
                        .exitHereIfFailed()
                        .exec(this::claimPractitioner));
    }

    private ScenarioBuilder patientScenario() {
        return scenario("seed patients")
                .exec(this::claimPatient)
                .asLongAs("#{claimed}")
                .on(exec(http(REGISTER).post(patientsUrl + "/api/v1/patients")
                                .header("Authorization", receptionist)
                                .queryParam("confirmNotDuplicate", true)
                                .body(StringBody("#{patient}"))
                                .asJson()
                                .check(status().is(201), jsonPath("$.id").saveAs("patientId")))
                        .exitHereIfFailed()
                        .exec(session -> {
                            newPatients.put(session.getLong("index"), session.getString("patientId"));
                            return session;
                        })
                        .exec(this::claimPatient));
    }

    /** Keeps the file's practitioners and patients that still exist (a database reset drops them). */
    private void keepExisting(ClinicSeedFile file) {
        ClinicApi api = new ClinicApi("checking the previous clinic seed");
        for (Seeded p : file.practitioners()) {
            boolean planned = p.index() < practitionerCount
                    && ClinicPlan.practitioner(p.index()).specialty().equals(p.specialty());
            if (planned && !practitioners.containsKey(p.index())
                    && exists(api, gatewayUrl + "/api/v1/practitioners/" + p.id(), admin)) {
                practitioners.put(p.index(), p);
            }
        }
        List<String> patients = file.patients();
        // ten samples spread over the list, first and last included
        int samples = Math.min(10, patients.size());
        boolean allThere = true;
        for (int s = 0; s < samples && allThere; s++) {
            long at = samples == 1 ? 0 : (long) s * (patients.size() - 1) / (samples - 1);
            allThere = exists(api, patientsUrl + "/api/v1/patients/" + patients.get((int) at), physician);
        }
        if (allThere) {
            keptPatients.addAll(patients);
        } else {
            System.out.printf("SeedClinicSimulation: the patients of %s are gone (database reset?): registering"
                    + " new ones%n", seedFile);
        }
    }

    private static boolean exists(ClinicApi api, String url, String bearer) {
        int status = api.status(url, bearer);
        if (status == 200) {
            return true;
        }
        if (status == 404 || status == 410) {
            return false;
        }
        throw new IllegalStateException("checking the previous clinic seed: GET " + url + " answered " + status);
    }

    @Override
    public void after() {
        List<String> patients = new ArrayList<>(keptPatients);
        patients.addAll(newPatients.values());
        ClinicSeedFile seeded = new ClinicSeedFile(new ArrayList<>(practitioners.values()), patients);
        seeded.write(seedFile);
        System.out.printf("SeedClinicSimulation: wrote %s: %d practitioners, %d patients%s%n", seedFile,
                seeded.practitioners().size(), patients.size(),
                seeded.practitioners().size() < practitionerCount || patients.size() < patientCount
                        ? " (fewer than asked: see the failed requests above)" : "");
    }
}
