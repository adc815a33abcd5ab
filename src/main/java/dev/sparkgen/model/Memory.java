package dev.sparkgen.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** A JVM memory size as Spark reads it ({@code 512m}, {@code 1g}), and its size in MiB rounded down, as Spark does. */
public record Memory(String text, long mebibytes) {

    private static final Pattern UNIT = Pattern.compile("[a-z]+$");

    public static Memory parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String digits = UNIT.matcher(lower).replaceFirst("");
        String unit = lower.substring(digits.length()).replace("b", "");
        long value = Long.parseLong(digits);
        long kib = switch (unit) {
            case "k" -> value;
            case "m" -> Math.multiplyExact(value, 1024L);
            case "g" -> Math.multiplyExact(value, 1024L * 1024);
            case "t" -> Math.multiplyExact(value, 1024L * 1024 * 1024);
            default -> throw new IllegalArgumentException("not a memory size: " + text);
        };
        return new Memory(text, kib / 1024);
    }
}
