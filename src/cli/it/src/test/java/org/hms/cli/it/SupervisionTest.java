package org.hms.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hms.contracts.system.ServiceEntry;
import org.hms.contracts.system.SystemDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The supervision ./hms promises: a service killed with SIGKILL is started again by the next
 * {@code ./hms up}, which exits 0 once it is ready, with exactly one JVM per service; and
 * {@code ./hms down} leaves nothing it started running. Every service of the descriptor, from
 * its packaged jar, on ports + {@value Hms#PORT_OFFSET} (a developer's ./hms up is left alone).
 */
class SupervisionTest {

    static final int KILLS = 5;

    static final Path ROOT = Path.of(System.getProperty("hms.root", "../../..")).toAbsolutePath().normalize();
    static final Path TARGET = Path.of(System.getProperty("hms.it.target", "target")).toAbsolutePath().normalize();
    static final List<ServiceEntry> SERVICES = SystemDescriptor.load(ROOT.resolve("hms.yaml")).services();
    static final Hms HMS = new Hms(ROOT, TARGET);

    /** Ports + offset are machine-wide: two runs of this test (two clones) take turns. */
    static final Path MACHINE_LOCK = Path.of(System.getProperty("java.io.tmpdir"), "hms-supervision-test.lock");

    static FileChannel lockFile;
    static FileLock machineLock;

    @BeforeAll
    static void startFromEmptyDatabases() throws IOException {
        lockFile = FileChannel.open(MACHINE_LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        machineLock = lockFile.lock();
        HMS.run("down"); // a run cut short may have left its services
        for (ServiceEntry service : SERVICES) {
            assertThat(HMS.readyStatus(port(service)))
                    .as("port %d must be free for this test (%s)", port(service), service.name())
                    .isZero();
        }
        Hms.Result setup = HMS.run("setup"); // creates the hms_<svc>_supervision databases
        assertThat(setup.exitCode()).as(setup.output()).isZero();
        SERVICES.stream().filter(ServiceEntry::database).forEach(SupervisionTest::emptyDatabase);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        try {
            HMS.run("down");
        } finally {
            machineLock.release();
            lockFile.close();
        }
    }

    @Test
    void aServiceKilledWithSigkillIsStartedOnceByEachFollowingUp() {
        assertUp(HMS.run("up", "--no-build"));

        for (int kill = 0; kill < KILLS; kill++) {
            String victim = SERVICES.get(kill % SERVICES.size()).name();
            long pid = HMS.recordedPid(victim).orElseThrow();
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
            process.destroyForcibly();
            process.onExit().join();

            Hms.Result up = HMS.run("up", "--no-build");

            assertUp(up);
            assertThat(up.output()).as("kill %d of %s", kill + 1, victim).contains(victim + " (pid " + pid + ") is gone");
            assertThat(HMS.recordedPid(victim)).as("kill %d of %s", kill + 1, victim).isNotEqualTo(Optional.of(pid));
        }
    }

    @Test
    void downLeavesNothingItStartedRunning() {
        assertUp(HMS.run("up", "--no-build"));

        Hms.Result down = HMS.run("down");

        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(HMS.processesOfHome()).isEmpty();
        for (ServiceEntry service : SERVICES) {
            assertThat(HMS.readyStatus(port(service))).as(service.name()).isZero();
        }
    }

    @Test
    void theFirstAdminSignsInWithTheGeneratedPasswordChangesItAndGetsAWorkingToken() throws Exception {
        assertUp(HMS.run("up", "--no-build"));
        Path generated = HMS.home().resolve("admin-password");
        String password = Files.readString(generated).strip();
        String newPassword = "Supervised-" + UUID.randomUUID();

        Hms.Result login = HMS.run(Map.of("HMS_PASSWORD", password, "HMS_NEW_PASSWORD", newPassword), "login", "admin");

        assertThat(login.exitCode()).as(login.output()).isZero();
        assertThat(login.output()).contains("password changed");
        String token = login.output().lines()
                .filter(l -> l.matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no token in:\n" + login.output()));
        assertThat(generated).doesNotExist();
        int gateway = port(SERVICES.stream().filter(s -> s.name().equals("gateway")).findFirst().orElseThrow());
        assertThat(HMS.get(gateway, "/api/v1/users", Optional.of(token))).isEqualTo(200);
        assertThat(HMS.get(gateway, "/api/v1/users", Optional.empty())).isEqualTo(401);
        Hms.Result wrong = HMS.run(Map.of("HMS_PASSWORD", password), "login", "admin");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.output()).contains("wrong username or password");
    }

    /** ./hms up exited 0, and each service is ready with exactly one JVM, the one recorded. */
    private static void assertUp(Hms.Result up) {
        assertThat(up.exitCode()).as(up.output()).isZero();
        for (ServiceEntry service : SERVICES) {
            List<ProcessHandle> jvms = HMS.processesOf(service.name());
            assertThat(jvms).as("JVMs of %s after ./hms up:%n%s", service.name(), up.output()).hasSize(1);
            assertThat(HMS.recordedPid(service.name())).contains(jvms.get(0).pid());
            assertThat(HMS.readyStatus(port(service))).as("%s ready", service.name()).isEqualTo(200);
        }
    }

    private static int port(ServiceEntry service) {
        return service.port() + Hms.PORT_OFFSET;
    }

    /** What the service's role owns there is dropped (another branch's run may have migrated it); Flyway migrates again. */
    private static void emptyDatabase(ServiceEntry service) {
        String role = service.databaseName();
        String url = "jdbc:postgresql://127.0.0.1:5432/" + role + Hms.DATABASE_SUFFIX;
        try (Connection connection = DriverManager.getConnection(url, role, role);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP OWNED BY CURRENT_USER");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty " + url + " (" + e.getMessage() + "): ./hms setup creates it", e);
        }
    }
}
