package org.hms.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Prints only the token(s) on stdout, so {@code TOKEN=$(./hms token nurse)} works. */
@Command(
        name = "token",
        description = "Print a dev JWT (RS256) signed with $HMS_HOME/keys/jwt-private.pem, as identity signs locally."
                + " Roles: admin physician nurse receptionist pharmacist lab_technician billing_clerk patient.")
final class TokenCommand implements Runnable {

    @ParentCommand
    HmsCli cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ROLE", description = "The one role (groups claim) of the token.")
    String role;

    @Option(names = "--patient", paramLabel = "ID", description = "The patient's UUID (required with role patient).")
    String patient;

    @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "3600", description = "Lifetime (default ${DEFAULT-VALUE}).")
    long ttlSeconds;

    @Option(
            names = "--user",
            paramLabel = "NAME",
            description = "The staff user the token names (default dev-ROLE); repeat it for one token per user, a line each.")
    List<String> users;

    @Override
    public void run() {
        List<DevTokens.Request> requests = (users == null ? List.of(Optional.<String>empty())
                        : users.stream().map(Optional::of).toList())
                .stream()
                .map(user -> new DevTokens.Request(role, patientId(), Duration.ofSeconds(ttlSeconds), user))
                .toList();
        DevKeys keys = cli.keys();
        keys.ensure().forEach(line -> spec.commandLine().getErr().println("hms token: " + line));
        String issuer = Optional.ofNullable(System.getenv("HMS_JWT_ISSUER")).orElse(DevTokens.DEFAULT_ISSUER);
        DevTokens tokens = new DevTokens(keys.privateKey(), issuer);
        Instant now = Instant.now();
        PrintWriter out = spec.commandLine().getOut();
        requests.forEach(request -> out.println(tokens.mint(request, now)));
        out.flush();
    }

    private Optional<UUID> patientId() {
        if (patient == null) {
            return Optional.empty();
        }
        if (!patient.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw CliException.usage("--patient must be a UUID, got " + patient);
        }
        return Optional.of(UUID.fromString(patient));
    }
}
