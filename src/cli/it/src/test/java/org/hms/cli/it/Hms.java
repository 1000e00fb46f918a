package org.hms.cli.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./hms} of this repository, run as a developer would, but isolated: a home of its own
 * ({@code HMS_HOME}), service ports + {@value #PORT_OFFSET} and the {@code hms_<svc>_supervision}
 * databases. Each command's output goes to a log file under {@code target/}.
 */
final class Hms {

    static final int PORT_OFFSET = 20000;
    static final String DATABASE_SUFFIX = "_supervision";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    record Result(int exitCode, String output) {}

    private final Path root;
    private final Path home;
    private final Path logs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int commands;

    Hms(Path root, Path target) {
        this.root = root;
        this.home = target.resolve("hms-home");
        this.logs = target.resolve("hms-commands");
    }

    Path home() {
        return home;
    }

    Result run(String... args) {
        return run(Map.of(), args);
    }

    /** ./hms ARGS with extra environment variables (e.g. HMS_PASSWORD). */
    Result run(Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>(List.of(root.resolve("hms").toString()));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(String.format("%02d-%s.log", ++commands, String.join("-", args)));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Map<String, String> env = builder.environment();
            env.put("HMS_HOME", home.toString());
            env.put("HMS_PORT_OFFSET", Integer.toString(PORT_OFFSET));
            env.put("HMS_DATABASE_SUFFIX", DATABASE_SUFFIX);
            env.putAll(extraEnv);
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./hms " + String.join(" ", args) + " did not finish within "
                        + COMMAND_TIMEOUT + ":\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The pid ./hms recorded for a service. */
    Optional<Long> recordedPid(String service) {
        Path file = home.resolve("run").resolve(service + ".pid");
        try {
            return Files.isRegularFile(file) ? Optional.of(Long.parseLong(Files.readString(file).strip())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every running process ./hms started for the service from this home (its marker on the command line). */
    List<ProcessHandle> processesOf(String service) {
        String marker = "-Dhms-pidfile=" + home.resolve("run").resolve(service + ".pid") + " ";
        return ProcessHandle.allProcesses()
                .filter(p -> commandLine(p).contains(marker))
                .toList();
    }

    /** Every running process started from this home: services, a broker, anything naming it. */
    List<ProcessHandle> processesOfHome() {
        return ProcessHandle.allProcesses()
                .filter(p -> commandLine(p).contains(home + "/"))
                .toList();
    }

    /** GET PATH on 127.0.0.1:PORT, with the bearer token if given: the status code. */
    int get(int port, String path, Optional<String> token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10));
            token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int readyStatus(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String commandLine(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.command().orElse("") + " " + String.join(" ", info.arguments().orElse(new String[0])) + " ";
    }
}
