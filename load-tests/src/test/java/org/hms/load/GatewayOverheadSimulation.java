package org.hms.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the gateway adds to a cached patient read, measured in one run: every virtual user reads
 * the same patient twice, once straight from the patients service ({@code -DdirectUrl}, default
 * http://localhost:8082) and once through the gateway ({@code -DgatewayUrl}, default
 * http://localhost:8080), in a random order, so both paths see the same load, the same cache
 * and the same moments of machine noise. Gatling's report then gives p50/p95/p99 of
 * "read direct" and "read via gateway" side by side ({@code ./hms load gateway} prints both rows and
 * the difference from the report).
 *
 * <p>An open model: {@code -Drate} users a second (default 150, so twice that in requests) for
 * {@code -Dduration} seconds (60), after {@code -DwarmUp} seconds (30) of the same traffic
 * rising from 1 user a second, reported under other names ("warm-up ..."), so that JIT
 * compilation, connection pools and the token caches settle first. The physicians' tokens come from {@code -DphysicianTokens} (comma-separated;
 * several users, because the gateway limits each user to its tier's budget a minute), and a
 * receptionist's ({@code -DreceptionistToken}) registers patients when the database has few.
 *
 * <p>Assertions on the measured reads: failed requests below {@code -DmaxFailedPercent} (0.1 %) on
 * each path, and p99 through the gateway below {@code -DgatewayP99Ms} (50).
 */
public class GatewayOverheadSimulation extends Simulation {

    static final String DIRECT = "read direct";
    static final String VIA_GATEWAY = "read via gateway";

    private final String directUrl = LoadSettings.url("directUrl", "http://localhost:8082");
    private final String gatewayUrl = LoadSettings.url("gatewayUrl", "http://localhost:8080");
    private final List<String> physicians = Arrays.stream(
                    LoadSettings.token("physicianTokens", "HMS_PHYSICIAN_TOKENS").split(","))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .map(LoadSettings::bearer)
            .toList();
    private final int rate = LoadSettings.positive("rate", 150);
    private final int durationSeconds = LoadSettings.positive("duration", 60);
    private final int warmUpSeconds = LoadSettings.nonNegative("warmUp", 30);
    private final int idPoolTarget = LoadSettings.positive("idPool", 1000);
    private final String receptionist =
            LoadSettings.bearer(LoadSettings.token("receptionistToken", "HMS_RECEPTIONIST_TOKEN"));

    private volatile List<String> patientIds = List.of();

    private ChainBuilder read(String name, String baseUrl) {
        return exec(http(name).get(baseUrl + "/api/v1/patients/#{patientId}")
                .header("Authorization", "#{bearer}")
                .check(status().is(200)));
    }

    private ChainBuilder readBothWays(String directName, String gatewayName) {
        ChainBuilder direct = read(directName, directUrl);
        ChainBuilder viaGateway = read(gatewayName, gatewayUrl);
        return exec(session -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    return session.set("patientId", patientIds.get(random.nextInt(patientIds.size())))
                            .set("bearer", physicians.get(random.nextInt(physicians.size())))
                            .set("directFirst", random.nextBoolean());
                })
                .doIfOrElse("#{directFirst}").then(exec(direct, viaGateway)).orElse(exec(viaGateway, direct));
    }

    {
        if (physicians.isEmpty()) {
            throw new IllegalArgumentException("-DphysicianTokens is empty: ./hms load gateway makes them");
        }
        System.out.printf("GatewayOverheadSimulation: direct %s vs gateway %s, %d users/s (2 reads each) for %ds"
                        + " after %ds warm-up, %d physicians' tokens%n",
                directUrl, gatewayUrl, rate, durationSeconds, warmUpSeconds, physicians.size());
        double maxFailedPercent = Double.parseDouble(LoadSettings.string("maxFailedPercent", "0.1"));
        ScenarioBuilder warmUp = scenario("warm-up")
                .exec(readBothWays("warm-up direct", "warm-up via gateway"));
        ScenarioBuilder measured = scenario("cached reads").exec(readBothWays(DIRECT, VIA_GATEWAY));
        var measuredLoad = measured.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(durationSeconds)));
        var load = warmUpSeconds == 0
                ? measuredLoad
                : warmUp.injectOpen(rampUsersPerSec(1).to(rate).during(Duration.ofSeconds(warmUpSeconds)))
                        .andThen(measuredLoad);
        setUp(load)
                .protocols(LoadSettings.protocol(directUrl))
                .maxDuration(Duration.ofSeconds(warmUpSeconds + durationSeconds + 60L))
                .assertions(
                        details(DIRECT).failedRequests().percent().lt(maxFailedPercent),
                        details(VIA_GATEWAY).failedRequests().percent().lt(maxFailedPercent),
                        details(VIA_GATEWAY).responseTime().percentile(99.0)
                                .lt(LoadSettings.positive("gatewayP99Ms", 50)));
    }

    @Override
    public void before() {
        // on an empty database, 100 patients are registered first (outside the statistics)
        SyntheticPatients newcomers = new SyntheticPatients(LoadSettings.seed() + 3, LoadSettings.runId() + "g");
        patientIds = new PatientIdPool(directUrl)
                .collect(idPoolTarget, Math.min(100, idPoolTarget), physicians.get(0), receptionist, newcomers);
    }
}
