package dev.sparkgen.model;

import java.util.Locale;

/** A JVM memory size as Spark reads it ({@code 512m}, {@code 1g}), and its size in MiB rounded down, as Spark does. */
public record Memory(String text, long mebibytes) {

    /** A size the schema and {@code rules.Quantities} let through: its bytes fit in a long. */
    public static Memory parse(String text) {
        long bytes = bytes(text);
        if (bytes < 0) {
            throw new IllegalArgumentException("not a memory size Spark reads: " + text);
        }
        return new Memory(text, bytes >> 20);
    }

    /**
     * The size in bytes of a memory size of the schema's form (digits, then k, m, g or t, and maybe b), or -1 when
     * that is more than a long holds: Spark's {@code JavaUtils.byteStringAsBytes} reads the digits and the bytes
     * as longs, and refuses such a size.
     */
    public static long bytes(String text) {
        long value = number(digits(text));
        long unit = unitBytes(text);
        return value < 0 || value > Long.MAX_VALUE / unit ? -1 : value * unit;
    }

    /** The largest size with the unit {@code text} is written in that Spark reads: 8589934591g for 1g. */
    public static String largest(String text) {
        return Long.MAX_VALUE / unitBytes(text) + text.substring(digits(text).length());
    }

    /** The value of a string of decimal digits, or -1 when it is more than a long holds. */
    static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }

    /** The leading digits: what comes before the unit. */
    private static String digits(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        return text.substring(0, end);
    }

    private static long unitBytes(String text) {
        String unit = text.substring(digits(text).length()).toLowerCase(Locale.ROOT).replace("b", "");
        return switch (unit) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            default -> throw new IllegalArgumentException("not a memory size: " + text);
        };
    }
}
