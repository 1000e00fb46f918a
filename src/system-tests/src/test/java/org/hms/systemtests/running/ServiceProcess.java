package org.hms.systemtests.running;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code quarkus-run.jar}) running as a child process, as {@code ./hms up}'s
 * {@code start_service} runs it: from the jar's folder, the same environment variable names, its
 * output appended to a log file. Stopped with SIGTERM, then SIGKILL after a grace period.
 */
final class ServiceProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final Path jar;
    private final Path log;
    private final Path pidFile;
    private final Process process;

    private ServiceProcess(String name, int port, Path jar, Path log, Path pidFile, Process process) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.log = log;
        this.pidFile = pidFile;
        this.process = process;
    }

    /** Starts {@code jar} with {@code env} added to this JVM's environment and {@code jvmOptions}. */
    static ServiceProcess start(String name, int port, Path jar, Map<String, String> env, List<String> jvmOptions,
            Path log, Path pidFile) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package"
                    + " -DskipTests, or run the whole reactor: ./hms test)");
        }
        stopLeftover(pidFile, jar);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        Path archive = jar.resolveSibling("app-cds.jsa"); // as ./hms: only when the build made one
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "==== " + Instant.now() + " " + String.join(" ", command) + "\n");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile()) // the AppCDS archive records paths relative to it
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ServiceProcess(name, port, jar, log, pidFile, process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** A service of an earlier run that was killed before it could stop its children (kill -9 of Maven). */
    private static void stopLeftover(Path pidFile, Path jar) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isPresent() && handle.get().info().commandLine().orElse("").contains(jar.toString())) {
                handle.get().destroy();
                handle.get().onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            }
            Files.deleteIfExists(pidFile);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // best effort: the port check that follows names a process still in the way
        }
    }

    /** Waits until {@code /q/health/ready} answers 200; on failure the exception carries the log's tail. */
    void awaitReady(Instant deadline) {
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up (exit " + process.exitValue()
                        + ", log " + log + "):\n" + logTail(40));
            }
            try {
                HttpResponse<Void> answer = HTTP.send(
                        HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " did not answer ready on " + ready + " in time (pid "
                        + process.pid() + ", log " + log + "):\n" + logTail(40));
            }
            sleep(Duration.ofMillis(250));
        }
    }

    /** SIGKILL and wait for the process to be gone: a crash, not a shutdown. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, without waiting. */
    void signalStop() {
        if (process.isAlive()) {
            process.destroy();
        }
    }

    /** SIGTERM, a grace period for a clean Quarkus shutdown, then SIGKILL. Idempotent. */
    void stop() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // harmless: the next run checks the pid's command line before acting on it
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path jar() {
        return jar;
    }

    Path log() {
        return log;
    }

    /** The last {@code lines} lines of the service's log. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
