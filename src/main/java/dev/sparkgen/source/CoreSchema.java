package dev.sparkgen.source;

import java.math.BigInteger;

/**
 * YAML 1.2's core schema: what a plain (unquoted) scalar means. Anything not matched here is a string. The forms
 * are the spec's regular expressions, matched by hand (a plain scalar is resolved for every value of every file):
 * {@code [-+]?[0-9]+}, {@code 0o[0-7]+}, {@code 0x[0-9a-fA-F]+},
 * {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?}, {@code [-+]?\.(inf|Inf|INF)},
 * {@code \.(nan|NaN|NAN)}.
 */
final class CoreSchema {

    /** Marks a tagged scalar whose text does not fit its tag. */
    static final Object INVALID = new Object();

    private CoreSchema() {
    }

    static Object resolve(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        // Fast path: most scalars are words. A number starts with a digit, a sign or a dot; null and the booleans
        // with one of "~nNtTfF".
        if (!isDigit(first) && first != '-' && first != '+' && first != '.') {
            if ("~nNtTfF".indexOf(first) < 0) {
                return text;
            }
            if (isNull(text)) {
                return null;
            }
            Object bool = bool(text);
            return bool != INVALID ? bool : text;
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
        int start = signed(text, 0);
        if (start < text.length() && digitsTo(text, start) == text.length()) {
            // up to 18 digits and a sign, always a long
            return text.length() <= 18 ? (Object) Long.parseLong(text)
                    : number(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
        }
        if (text.startsWith("0o") && text.length() > 2 && radixDigitsTo(text, 8) == text.length()) {
            return number(new BigInteger(text.substring(2), 8));
        }
        if (text.startsWith("0x") && text.length() > 2 && radixDigitsTo(text, 16) == text.length()) {
            return number(new BigInteger(text.substring(2), 16));
        }
        return INVALID;
    }

    static Object floating(String text) {
        if (isFloat(text)) {
            return Double.parseDouble(text);
        }
        return switch (text) {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF" -> Double.NEGATIVE_INFINITY;
            case ".nan", ".NaN", ".NAN" -> Double.NaN;
            default -> INVALID;
        };
    }

    /** {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?}, the whole text. */
    private static boolean isFloat(String text) {
        int start = signed(text, 0);
        int i = digitsTo(text, start);
        if (i > start) {
            if (i < text.length() && text.charAt(i) == '.') {
                i = digitsTo(text, i + 1);
            }
        } else {
            if (i == text.length() || text.charAt(i) != '.') {
                return false;
            }
            int fraction = i + 1;
            i = digitsTo(text, fraction);
            if (i == fraction) {
                return false;
            }
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponent = signed(text, i + 1);
            i = digitsTo(text, exponent);
            if (i == exponent) {
                return false;
            }
        }
        return i == text.length();
    }

    /** {@code from}, or past one sign there. */
    private static int signed(String text, int from) {
        return from < text.length() && (text.charAt(from) == '-' || text.charAt(from) == '+') ? from + 1 : from;
    }

    /** Where the run of decimal digits that starts at {@code from} ends. */
    private static int digitsTo(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where the run of octal (8) or hexadecimal (16) digits after "0o" or "0x" ends. */
    private static int radixDigitsTo(String text, int radix) {
        int i = 2;
        while (i < text.length() && isRadixDigit(text.charAt(i), radix)) {
            i++;
        }
        return i;
    }

    private static boolean isRadixDigit(char c, int radix) {
        return radix == 8 ? c >= '0' && c <= '7' : isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Object number(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }
}
