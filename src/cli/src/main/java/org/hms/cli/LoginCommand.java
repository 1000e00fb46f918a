package org.hms.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A real sign-in at identity. The password comes from {@code $HMS_PASSWORD} or the terminal
 * (no echo); an account that must change its password first (the first admin) is asked for a
 * new one ({@code $HMS_NEW_PASSWORD} or the terminal, twice). Prints only the access token.
 */
@Command(name = "login", description = "Sign in at identity and print the access token.")
final class LoginCommand implements Runnable {

    static final String ADMIN_PASSWORD_FILE = "admin-password";

    @ParentCommand
    HmsCli cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "USER")
    String user;

    @Option(
            names = "--identity-url",
            paramLabel = "URL",
            description = "identity's base URL (default: http://127.0.0.1:<identity's port in the descriptor>).")
    URI identityUrl;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "Write the token to FILE instead of stdout (./hms passes /dev/fd/3 so that the prompts"
                    + " can use the terminal while the token goes to its caller).")
    Path output;

    @Override
    public void run() {
        IdentityClient identity = new IdentityClient(identityUrl != null ? identityUrl : defaultIdentityUrl());
        String password = secret("HMS_PASSWORD", "password for " + user + ": ", "set HMS_PASSWORD");
        IdentityClient.Answer answer = identity.token(user, password);
        if (answer.status() == 403 && answer.isProblem("password-change-required")) {
            message(user + " must choose a new password before signing in");
            String next = newPassword();
            IdentityClient.Answer changed = identity.changePassword(user, password, next);
            if (changed.status() != 204) {
                throw new CliException("password not changed (" + changed.status() + "): " + changed.text("detail"));
            }
            message("password changed");
            forgetGeneratedPassword(password);
            password = next;
            answer = identity.token(user, password);
        }
        switch (answer.status()) {
            case 200 -> {}
            case 401 -> throw new CliException("wrong username or password");
            default -> throw new CliException("sign-in refused (" + answer.status() + "): " + answer.text("detail"));
        }
        String token = answer.text("access_token");
        if (token.isEmpty()) {
            throw new CliException("identity answered 200 without an access token");
        }
        print(token);
    }

    private URI defaultIdentityUrl() {
        return URI.create("http://127.0.0.1:" + cli.descriptor().requireService("identity").port());
    }

    private String newPassword() {
        Optional<String> fromEnv = env("HMS_NEW_PASSWORD");
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        String next = secret(null, "new password for " + user + " (12+ characters, not common): ", "set HMS_NEW_PASSWORD");
        String again = secret(null, "new password again: ", "set HMS_NEW_PASSWORD");
        if (!next.equals(again)) {
            throw new CliException("the two new passwords differ");
        }
        return next;
    }

    /** The first admin's generated password file is useless (and a risk) once changed. */
    private void forgetGeneratedPassword(String oldPassword) {
        Path file = cli.hmsHome.resolve(ADMIN_PASSWORD_FILE);
        try {
            if (Files.isRegularFile(file) && Files.readString(file).strip().equals(oldPassword)) {
                Files.delete(file);
                message("removed " + file + " (it held the old password)");
            }
        } catch (IOException e) {
            message("could not remove " + file + ": " + e.getMessage());
        }
    }

    private String secret(String variable, String prompt, String hint) {
        Optional<String> fromEnv = variable == null ? Optional.empty() : env(variable);
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        Console console = System.console();
        char[] typed = console == null ? null : console.readPassword("%s", prompt);
        if (typed == null) {
            throw new CliException("no terminal to ask for the password: " + hint);
        }
        String value = new String(typed);
        Arrays.fill(typed, ' ');
        return value;
    }

    private void print(String token) {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(token);
            out.flush();
            return;
        }
        try {
            Files.writeString(output, token + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void message(String line) {
        spec.commandLine().getErr().println("hms login: " + line);
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty());
    }
}
