package dev.sparkgen.cli;

/** A problem with the command line itself, found after parsing: one line, and its exit code. */
final class CliException extends RuntimeException {

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** A usage error: a job file that does not exist (exit 2). */
    static CliException usage(String message) {
        return new CliException(Cli.USAGE, message);
    }

    /** Input that cannot be used: a directory without job files (exit 1). */
    static CliException invalid(String message) {
        return new CliException(Cli.INVALID, message);
    }

    int exitCode() {
        return exitCode;
    }
}
