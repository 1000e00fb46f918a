package org.hms.systemtests.running;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hms.contracts.system.ServiceEntry;
import org.hms.contracts.system.SystemDescriptor;
import org.hms.platform.security.Roles;
import org.hms.platform.testing.TestTokens;

/**
 * The whole system as {@code ./hms up} runs it, started once for this test module: every service
 * of the system descriptor ({@code hms.yaml}) from its packaged jar, on its port + 10000 (gateway
 * 18080, identity 18081, ...: a running {@code ./hms up} on the descriptor's ports is left alone),
 * each service with {@code database: true} on a database of its own ({@code hms_<svc>_system},
 * emptied first), Redis logical database 5, the shared Kafka broker, and the gateway's upstreams
 * pointed at this run's ports. Logs: {@code src/system-tests/target/<svc>.log}.
 *
 * <p>Obtain it through {@link RunningSystem} (a JUnit extension); it is stopped when the test
 * run ends (and by a JVM shutdown hook, should the run be cut short).
 */
public final class SystemUnderTest implements AutoCloseable {

    /**
     * Where the system under test listens: each service's port in the descriptor plus this, so that
     * a {@code ./hms up} on the descriptor's ports is left alone (gateway 8080 → 18080).
     */
    public static final int PORT_OFFSET = 10_000;

    /** The system descriptor packaged in hms-contracts (what the services' jars were built with). */
    private static final SystemDescriptor SYSTEM = SystemDescriptor.load();

    /** Every service of the descriptor, in its order: a new service joins by its entry there. */
    private static final List<Service> SERVICES = SYSTEM.services().stream().map(Service::of).toList();

    private static final String PG = "127.0.0.1:5432";
    private static final String REDIS = "redis://127.0.0.1:6379/5";
    /** 120 s; -Dhms.system-tests.ready-timeout-seconds=300 on a machine shared with other builds. */
    private static final Duration READY_TIMEOUT =
            Duration.ofSeconds(Long.getLong("hms.system-tests.ready-timeout-seconds", 120));
    /** ./hms' SERVICE_JVM_OPTS; HMS_JVM_OPTS overrides them there and here. */
    private static final String JVM_OPTS = "-Xms64m -Xmx128m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m"
            + " -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m -Xss512k";
    /** Far above what the walk needs, so no request of it is throttled (429). */
    private static final String NO_REAL_LIMIT = "1000000";

    private record Service(String name, int port, boolean hasDatabase) {

        static Service of(ServiceEntry entry) {
            return new Service(entry.name(), entry.port() + PORT_OFFSET, entry.database());
        }

        /** Its database role, {@code hms_<name>}, as ./hms setup creates it (DEV-ONLY password = role name). */
        String role() {
            return SYSTEM.requireService(name).databaseName();
        }

        /** Its system-test database, {@code hms_<name>_system} (created by ./hms setup). */
        String database() {
            return role() + "_system";
        }
    }

    private final Path root;
    private final Path target;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "hms-system-tests-shutdown");
    private UUID patientId;
    private String adminToken;

    private SystemUnderTest(Path root, Path target) {
        this.root = root;
        this.target = target;
    }

    /** Starts every service and waits until each is ready and the gateway's OpenAPI has all of them. */
    static SystemUnderTest start() {
        Path root = Path.of(System.getProperty("hms.root", "../..")).toAbsolutePath().normalize();
        Path target = Path.of(System.getProperty("hms.system-tests.target", "target")).toAbsolutePath().normalize();
        SystemUnderTest system = new SystemUnderTest(root, target);
        Runtime.getRuntime().addShutdownHook(system.shutdownHook);
        try {
            system.startServices();
            system.patientId = system.registerPatient("Matrix");
            return system;
        } catch (RuntimeException | Error e) {
            system.stopAll();
            throw e;
        }
    }

    private void startServices() {
        long started = System.nanoTime();
        for (Service service : SERVICES) {
            if (portOpen(service.port())) {
                throw new IllegalStateException("port " + service.port() + " is taken: another system-test run, or"
                        + " a process left by one? (" + service.name() + " wants it)");
            }
            if (service.hasDatabase()) {
                emptyDatabase(service);
            }
        }
        for (Service service : SERVICES) {
            processes.add(ServiceProcess.start(service.name(), service.port(), jar(service.name()),
                    environment(service), jvmOptions(service), target.resolve(service.name() + ".log"),
                    target.resolve(service.name() + ".pid")));
        }
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        processes.forEach(p -> p.awaitReady(deadline));
        awaitMergedOpenApi(deadline);
        System.out.printf("system under test ready in %d ms: %s%n", (System.nanoTime() - started) / 1_000_000,
                String.join(", ", processes.stream().map(p -> p.name() + " :" + p.port()).toList()));
    }

    /** The variables ./hms' start_service sets, pointed at this module's databases, Redis db and keys. */
    private Map<String, String> environment(Service service) {
        Path hmsHome = hmsHome();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        if (service.hasDatabase()) {
            env.put("QUARKUS_DATASOURCE_USERNAME", service.role());
            // DEV-ONLY credentials, as ./hms setup creates them (password = role name)
            env.put("QUARKUS_DATASOURCE_PASSWORD", service.role());
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + PG + "/" + service.database());
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + PG + "/" + service.database());
        }
        env.put("QUARKUS_REDIS_HOSTS", REDIS);
        env.put("KAFKA_BOOTSTRAP_SERVERS", envOr("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        env.put("HMS_HOME", hmsHome.toString());
        env.put("HMS_IDENTITY_INITIAL_ADMIN_PASSWORD_GENERATED", "true");
        // every service verifies tokens against identity's JWKS, as under ./hms up
        env.put("HMS_IDENTITY_URL", "http://127.0.0.1:" + port("identity"));
        // identity asks patients about a patient before creating a patient's account
        env.put("HMS_PATIENTS_URL", "http://127.0.0.1:" + port("patients"));
        // a consumer group of its own, so a service ./hms up runs does not share its partitions
        env.put("HMS_CONSUMER_GROUP_SUFFIX", "-system");
        env.put("MALLOC_ARENA_MAX", "2");
        // plain-text logs (prod's default is JSON): their tails end up in failure messages
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        return env;
    }

    /** Settings with no environment-variable form that works for map keys: system properties. */
    private List<String> jvmOptions(Service service) {
        List<String> options = new ArrayList<>(Arrays.asList(envOr("HMS_JVM_OPTS", JVM_OPTS).trim().split("\\s+")));
        switch (service.name()) {
            case "gateway" -> {
                // the descriptor's routed services, on this run's ports instead of the descriptor's
                SYSTEM.routedServices().forEach(s -> options.add("-Dhms.gateway.upstreams." + s.name()
                        + ".url=http://127.0.0.1:" + (s.port() + PORT_OFFSET)));
                for (String tier : List.of("admin", "staff", "patient", "anonymous")) {
                    options.add("-Dhms.gateway.rate-limit.tiers." + tier + ".requests=" + NO_REAL_LIMIT);
                }
                for (String rule : List.of("search", "export", "login")) {
                    options.add("-Dhms.gateway.rate-limit.rules." + rule + ".requests=" + NO_REAL_LIMIT);
                }
            }
            case "identity" -> options.add("-Dhms.identity.initial-admin-password-file=" + adminPasswordFile());
            default -> {}
        }
        return options;
    }

    /**
     * Every run starts from empty databases (the first admin is created afresh, with a new
     * password file): drops what the service's role owns there, Flyway then migrates again.
     */
    private static void emptyDatabase(Service service) {
        String url = "jdbc:postgresql://" + PG + "/" + service.database();
        try (Connection connection = DriverManager.getConnection(url, service.role(), service.role());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP OWNED BY CURRENT_USER");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty " + service.database() + " (" + e.getMessage()
                    + "): does it exist? ./hms setup (or ./hms test) creates it", e);
        }
    }

    /** The gateway merges the OpenAPI documents of the services that answer; wait until all do. */
    private void awaitMergedOpenApi(Instant deadline) {
        while (true) {
            Response answer = given().baseUri(gatewayUrl()).get("/openapi");
            if (answer.statusCode() == 200 && answer.jsonPath().getList("x-hms-unavailable").isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the gateway's /openapi still misses services: "
                        + answer.asString().lines().limit(5).toList());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Registers a patient through the gateway as a receptionist; answers its id. */
    public UUID registerPatient(String family) {
        String given = "T" + UUID.randomUUID().toString().substring(0, 8);
        Response answer = given().baseUri(gatewayUrl())
                .auth().oauth2(TestTokens.of(Roles.RECEPTIONIST))
                .contentType(ContentType.JSON)
                .body("{\"name\":{\"family\":\"" + family + "\",\"given\":[\"" + given + "\"]},"
                        + "\"birthDate\":\"1984-03-07\",\"gender\":\"female\"}")
                .queryParam("confirmNotDuplicate", true)
                .post("/api/v1/patients");
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("registering a patient through the gateway answered "
                    + answer.statusCode() + ": " + answer.asString());
        }
        return UUID.fromString(answer.jsonPath().getString("id"));
    }

    /**
     * An access token identity issued to {@code admin} after a real sign-in through the gateway.
     * The first admin must change the generated password before a token is issued, so the first
     * call does that (with a random new password) and signs in again.
     */
    public synchronized String adminToken() {
        if (adminToken == null) {
            String password = readAdminPassword();
            Response first = signIn("admin", password);
            if (first.statusCode() == 403 && first.asString().contains("password-change-required")) {
                String next = "Sys-" + UUID.randomUUID();
                Response changed = given().baseUri(gatewayUrl()).contentType(ContentType.JSON)
                        .body(Map.of("username", "admin", "currentPassword", password, "newPassword", next))
                        .post("/api/v1/auth/password");
                if (changed.statusCode() != 204) {
                    throw new IllegalStateException("changing admin's password answered " + changed.statusCode()
                            + ": " + changed.asString());
                }
                first = signIn("admin", next);
            }
            if (first.statusCode() != 200) {
                throw new IllegalStateException("admin's sign-in answered " + first.statusCode() + ": "
                        + first.asString());
            }
            adminToken = first.jsonPath().getString("access_token");
        }
        return adminToken;
    }

    private Response signIn(String username, String password) {
        return given().baseUri(gatewayUrl()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token");
    }

    private String readAdminPassword() {
        Path file = adminPasswordFile();
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("identity wrote no first-admin password to " + file
                    + " (log: " + target.resolve("identity.log") + ")", e);
        }
    }

    /** The patient registered at start-up; tests only read it. */
    /** Kills service {@code name} (SIGKILL: a crash); {@link #restart} brings it back. */
    public synchronized void crash(String name) {
        process(name).kill();
    }

    /** Starts service {@code name} again, as at the start, and waits until it is ready. */
    public synchronized void restart(String name) {
        ServiceProcess old = process(name);
        old.stop();
        Service service = SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        ServiceProcess started = ServiceProcess.start(name, service.port(), jar(name), environment(service),
                jvmOptions(service), target.resolve(name + ".log"), target.resolve(name + ".pid"));
        processes.set(processes.indexOf(old), started);
        started.awaitReady(Instant.now().plus(READY_TIMEOUT));
    }

    private ServiceProcess process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    public UUID patientId() {
        return patientId;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + port("gateway");
    }

    public String serviceUrl(String name) {
        return "http://127.0.0.1:" + port(name);
    }

    /** The services, in the descriptor's order. */
    public List<String> serviceNames() {
        return SERVICES.stream().map(Service::name).toList();
    }

    /** The repository's root folder (docs/, services/). */
    public Path root() {
        return root;
    }

    /** The end of a service's log, for failure messages. */
    public String logTail(String name, int lines) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .map(p -> p.logTail(lines)).orElse("(not started)");
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook runs (stopAll is idempotent)
        }
    }

    private synchronized void stopAll() {
        // each gets SIGTERM at once, then each is awaited (and killed after the grace period)
        processes.forEach(ServiceProcess::signalStop);
        processes.reversed().forEach(ServiceProcess::stop);
    }

    private int port(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().port();
    }

    private Path jar(String svc) {
        return root.resolve("services").resolve(svc).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private Path adminPasswordFile() {
        return target.resolve("admin-password");
    }

    private Path hmsHome() {
        String home = System.getenv("HMS_HOME");
        return home == null || home.isBlank() ? root.resolve(".hms") : Path.of(home).toAbsolutePath();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
