package org.hms.cli;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.hms.contracts.system.SystemDescriptor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The Java half of {@code ./hms}: what bash should not do itself. Bash orchestrates (processes,
 * ports, Maven, PostgreSQL); this reads the system descriptor, talks to Kafka and identity, and
 * signs tokens. Output meant for bash is plain lines on stdout; messages go to stderr.
 */
@Command(
        name = "hms-cli",
        mixinStandardHelpOptions = true,
        description = "Helpers of ./hms (descriptor queries, topics, dev keys and tokens, sign-in).",
        subcommands = {
            DescriptorCommand.class,
            TopicsCommand.class,
            KeysCommand.class,
            TokenCommand.class,
            LoginCommand.class,
            GatewayOverheadCommand.class
        })
public final class HmsCli {

    /** Exit code of a usage error (picocli's default), as ./hms used for bad arguments. */
    static final int USAGE = 2;

    @Option(
            names = "--descriptor",
            scope = ScopeType.INHERIT,
            defaultValue = "${env:HMS_DESCRIPTOR:-hms.yaml}",
            description = "The system descriptor (default: $HMS_DESCRIPTOR, else ./hms.yaml).")
    Path descriptorFile;

    @Option(
            names = "--hms-home",
            scope = ScopeType.INHERIT,
            defaultValue = "${env:HMS_HOME:-.hms}",
            description = "Local state of ./hms: keys/, admin-password (default: $HMS_HOME, else ./.hms).")
    Path hmsHome;

    SystemDescriptor descriptor() {
        try {
            return SystemDescriptor.load(descriptorFile);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String why = cause instanceof NoSuchFileException ? "no such file" : cause.getMessage();
            throw new CliException("cannot read the system descriptor " + descriptorFile + ": " + why);
        }
    }

    DevKeys keys() {
        return new DevKeys(hmsHome.resolve("keys"));
    }

    static {
        // Kafka's client logs each failed connection attempt; the command says it once, in one line
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new HmsCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException failure) {
                String command = commandLine.getCommandSpec().qualifiedName(" ").replaceFirst("^hms-cli", "hms");
                commandLine.getErr().println(command + ": " + failure.getMessage());
                return failure.exitCode();
            }
            throw e;
        });
        return cli;
    }
}
