package dev.sparkgen.output;

/** The output directory cannot be written as asked; the message says why, in one line, and it is left as it was. */
public final class OutputException extends RuntimeException {

    public OutputException(String message) {
        super(message);
    }

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
