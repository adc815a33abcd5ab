package dev.sparkgen.source;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Quote;

/**
 * A YAML scalar: the text as written (after quoting and escapes) and its value under YAML 1.2's core schema:
 * a {@link String}, {@link Long}, {@link java.math.BigInteger}, {@link Double}, {@link Boolean}, or null.
 * Fields that take text use {@link #text()}, so {@code 0777}, {@code 1e3} or {@code 10} stay as written.
 */
public record Scalar(Origin origin, String text, Object value) implements Node {

    public static Scalar string(Origin origin, String text) {
        return new Scalar(origin, text, text);
    }

    /** A plain (unquoted, untagged) scalar: its value as YAML 1.2's core schema reads it, as the loader does. */
    public static Scalar plain(Origin origin, String text) {
        return new Scalar(origin, text, CoreSchema.resolve(text));
    }

    public boolean isNull() {
        return value == null;
    }

    public boolean isString() {
        return value instanceof String;
    }

    @Override
    public Scalar at(Origin origin) {
        return new Scalar(origin, text, value);
    }

    @Override
    public String describe() {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "the string '" + Quote.abbreviate(text) + "'";
        }
        if (value instanceof Boolean) {
            return "the boolean " + text;
        }
        return "the number " + text;
    }
}
