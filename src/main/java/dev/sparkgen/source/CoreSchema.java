package dev.sparkgen.source;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** YAML 1.2's core schema: what a plain (unquoted) scalar means. Anything not matched here is a string. */
final class CoreSchema {

    /** Marks a tagged scalar whose text does not fit its tag. */
    static final Object INVALID = new Object();

    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    private CoreSchema() {
    }

    static Object resolve(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        // Fast path: most scalars are words, and no non-string starts with these letters.
        if (!(first >= '0' && first <= '9') && "-+.~nNtTfF".indexOf(first) < 0) {
            return text;
        }
        if (isNull(text)) {
            return null;
        }
        Object bool = bool(text);
        if (bool != INVALID) {
            return bool;
        }
        Object integer = integer(text);
        if (integer != INVALID) {
            return integer;
        }
        Object floating = floating(text);
        return floating != INVALID ? floating : text;
    }

    static boolean isNull(String text) {
        return switch (text) {
            case "", "~", "null", "Null", "NULL" -> true;
            default -> false;
        };
    }

    static Object bool(String text) {
        return switch (text) {
            case "true", "True", "TRUE" -> Boolean.TRUE;
            case "false", "False", "FALSE" -> Boolean.FALSE;
            default -> INVALID;
        };
    }

    static Object integer(String text) {
        if (DECIMAL.matcher(text).matches()) {
            // up to 18 digits and a sign, always a long
            return text.length() <= 18 ? (Object) Long.parseLong(text)
                    : number(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
        }
        if (text.startsWith("0o") && OCTAL.matcher(text).matches()) {
            return number(new BigInteger(text.substring(2), 8));
        }
        if (text.startsWith("0x") && HEX.matcher(text).matches()) {
            return number(new BigInteger(text.substring(2), 16));
        }
        return INVALID;
    }

    static Object floating(String text) {
        if (FLOAT.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (text.isEmpty() || "fFnN".indexOf(text.charAt(text.length() - 1)) < 0) {
            return INVALID; // .inf and .nan end in one of these
        }
        if (INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (NAN.matcher(text).matches()) {
            return Double.NaN;
        }
        return INVALID;
    }

    private static Object number(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }
}
