package org.hms.platform.events;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A single-node KRaft broker of the test's own, from the Kafka jars {@code ./hms} keeps in
 * {@code $HMS_HOME/kafka/lib}, on ports no one else uses and with its data under
 * {@code target/}: a test may SIGKILL it, which the shared broker on 9092 must never suffer.
 */
final class KillableBroker {

    static final int PORT = 19392;
    static final int CONTROLLER_PORT = 19393;
    static final String BOOTSTRAP = "127.0.0.1:" + PORT;

    private final Path home = Path.of("target", "killable-broker").toAbsolutePath();
    private final Path lib = Path.of(System.getenv().getOrDefault("HMS_HOME", "../../.hms"), "kafka", "lib")
            .toAbsolutePath();
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private Process process;

    /** Formats fresh storage (a new cluster every test run) and starts the broker. */
    void format() {
        if (portOpen(PORT) || portOpen(CONTROLLER_PORT)) {
            throw new IllegalStateException("ports " + PORT + "/" + CONTROLLER_PORT + " are taken: a broker of an"
                    + " earlier run still alive? (it is not the shared one on 9092)");
        }
        deleteRecursively(home);
        try {
            Files.createDirectories(home.resolve("data"));
            Files.writeString(home.resolve("server.properties"), String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.bootstrap.servers=127.0.0.1:" + CONTROLLER_PORT,
                    "listeners=PLAINTEXT://127.0.0.1:" + PORT + ",CONTROLLER://127.0.0.1:" + CONTROLLER_PORT,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + PORT + ",CONTROLLER://127.0.0.1:"
                            + CONTROLLER_PORT,
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + home.resolve("data"),
                    "num.partitions=1",
                    "default.replication.factor=1",
                    "min.insync.replicas=1",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "auto.create.topics.enable=true",
                    "group.initial.rebalance.delay.ms=0",
                    ""));
            run(List.of(java, "-Xmx256m", "-cp", lib + "/*", "kafka.tools.StorageTool", "format", "-c",
                    home.resolve("server.properties").toString(), "-t", "hmsKillableBrokerTst", "--standalone"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the broker on its existing storage and waits until it accepts connections. */
    void start() {
        try {
            process = new ProcessBuilder(java, "-Xms64m", "-Xmx384m", "-cp", lib + "/*", "kafka.Kafka",
                            home.resolve("server.properties").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the test broker exited; see " + home.resolve("broker.log"));
            }
            return portOpen(PORT);
        });
    }

    /** SIGKILL: no shutdown, no flush, no goodbye to clients. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly(); // SIGKILL on Linux
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void run(List<String> command) throws IOException {
        Process tool = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("storage-format.log").toFile()))
                .start();
        try {
            if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
                throw new IllegalStateException("formatting the test broker's storage failed; see "
                        + home.resolve("storage-format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
