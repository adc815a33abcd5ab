package dev.sparkgen.cli;

/** A usage error found by a command after parsing (a job file that does not exist): exit 2, one line. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message, null, false, false);
    }
}
