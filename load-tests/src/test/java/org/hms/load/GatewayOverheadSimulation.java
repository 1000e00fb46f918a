package org.hms.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the gateway adds to a cached patient read, measured in one run: every virtual user reads
 * the same patient twice, once straight from the patients service ({@code -DdirectUrl}, default
 * http://localhost:8082) and once through the gateway ({@code -DgatewayUrl}, default
 * http://localhost:8080), in a random order, so both paths see the same load, the same cache
 * and the same moments of machine noise. Gatling's report then gives p50/p95/p99 of
 * "read direct" and "read via gateway" side by side; the simulation also prints both, and the
 * difference, at its end.
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

    /** Response times (ms) of the measured reads, for the summary printed at the end. */
    private final Queue<Long> directTimes = new ConcurrentLinkedQueue<>();
    private final Queue<Long> gatewayTimes = new ConcurrentLinkedQueue<>();

    private ChainBuilder read(String name, String baseUrl, Queue<Long> times) {
        return exec(http(name).get(baseUrl + "/api/v1/patients/#{patientId}")
                        .header("Authorization", "#{bearer}")
                        .check(status().is(200), responseTimeInMillis().saveAs("ms")))
                .exec(session -> {
                    if (times != null && session.contains("ms")) {
                        times.add(session.getLong("ms"));
                    }
                    return session.remove("ms");
                });
    }

    private ChainBuilder readBothWays(String directName, String gatewayName, boolean measured) {
        ChainBuilder direct = read(directName, directUrl, measured ? directTimes : null);
        ChainBuilder viaGateway = read(gatewayName, gatewayUrl, measured ? gatewayTimes : null);
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
                .exec(readBothWays("warm-up direct", "warm-up via gateway", false));
        ScenarioBuilder measured = scenario("cached reads").exec(readBothWays(DIRECT, VIA_GATEWAY, true));
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
    public void after() {
        long[] direct = sorted(directTimes);
        long[] gateway = sorted(gatewayTimes);
        System.out.printf("%nCached patient read, %d + %d measured requests (ms):%n", direct.length, gateway.length);
        System.out.printf("  %-18s p50 %4d   p95 %4d   p99 %4d%n", "direct", pct(direct, 50), pct(direct, 95),
                pct(direct, 99));
        System.out.printf("  %-18s p50 %4d   p95 %4d   p99 %4d%n", "via gateway", pct(gateway, 50),
                pct(gateway, 95), pct(gateway, 99));
        System.out.printf("  %-18s p50 %+4d   p95 %+4d   p99 %+4d%n%n", "gateway adds",
                pct(gateway, 50) - pct(direct, 50), pct(gateway, 95) - pct(direct, 95),
                pct(gateway, 99) - pct(direct, 99));
    }

    private static long[] sorted(Queue<Long> times) {
        return times.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The nearest-rank percentile, as Gatling reports it. */
    private static long pct(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    @Override
    public void before() {
        // on an empty database, 100 patients are registered first (outside the statistics)
        SyntheticPatients newcomers = new SyntheticPatients(LoadSettings.seed() + 3, LoadSettings.runId() + "g");
        patientIds = new PatientIdPool(directUrl)
                .collect(idPoolTarget, Math.min(100, idPoolTarget), physicians.get(0), receptionist, newcomers);
    }
}
