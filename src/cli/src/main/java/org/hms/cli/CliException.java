package org.hms.cli;

/** A failure the user can act on: printed as one line (no stack trace) with its exit code. */
final class CliException extends RuntimeException {

    private final int exitCode;

    CliException(String message) {
        this(message, 1);
    }

    CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliException usage(String message) {
        return new CliException(message, HmsCli.USAGE);
    }

    int exitCode() {
        return exitCode;
    }
}
