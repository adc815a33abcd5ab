package dev.sparkgen.problem;

/**
 * One thing wrong (or worth a warning) in the input: where it was written, what is wrong, and a hint when one
 * fits. Problems are values, collected across every file; they become exceptions only at the edges.
 */
public record Problem(Severity severity, Origin origin, String message, String hint) implements Comparable<Problem> {

    /** An error stops the render; a warning is printed and the render goes on. */
    public enum Severity { ERROR, WARNING }

    public static Problem error(Origin origin, String message) {
        return new Problem(Severity.ERROR, origin, message, null);
    }

    public static Problem error(Origin origin, String message, String hint) {
        return new Problem(Severity.ERROR, origin, message, hint);
    }

    public static Problem warning(Origin origin, String message, String hint) {
        return new Problem(Severity.WARNING, origin, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The message and its hint, without the location: {@code unknown key 'x' — did you mean 'y'?}. */
    public String text() {
        return hint == null ? message : message + " — " + hint;
    }

    /**
     * One line: {@code FILE:LINE:COLUMN: message — hint}, warnings marked as such. Control characters (from a
     * file name or a value) are escaped, so that a problem is always exactly one line.
     */
    public String format() {
        return Quote.controls(origin + ": " + (isError() ? "" : "warning: ") + text());
    }

    @Override
    public int compareTo(Problem other) {
        int c = origin.compareTo(other.origin);
        return c != 0 ? c : text().compareTo(other.text());
    }
}
