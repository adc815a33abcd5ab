package dev.sparkgen.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The core schema matches its forms by hand: these tests hold it to the YAML 1.2 spec's regular expressions, on
 * every short text over the characters the forms are made of (and some that look like them), and on longer ones.
 */
class CoreSchemaTest {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    /** Digits of other scripts and full-width letters look like numbers to Character.digit, not to YAML. */
    private static final String ALPHABET = "0178+-.eExXoOaAfFgG~nNtT \u0663\uff11\uff41";

    @Test
    void resolve_everyShortText_matchesTheSpecsRegularExpressions() {
        List<String> texts = new ArrayList<>(List.of(""));
        for (int length = 1; length <= 4; length++) {
            List<String> longer = new ArrayList<>();
            for (String text : texts) {
                if (text.length() == length - 1) {
                    for (char c : ALPHABET.toCharArray()) {
                        longer.add(text + c);
                    }
                }
            }
            texts.addAll(longer);
        }
        for (String text : texts) {
            assertSame(text);
        }
    }

    @Test
    void resolve_longerTexts_matchTheSpecsRegularExpressions() {
        for (String text : List.of(".inf", ".Inf", ".INF", "+.inf", "-.Inf", "-.INF", "+.INF", ".iNF", "-.nan",
                "+.nan", ".nan", ".NaN", ".NAN", ".Nan", "nan", "inf", "null", "Null", "NULL", "nULL", "true", "True",
                "TRUE", "tRUE", "false", "False", "FALSE", "fALSE", "no", "yes", "on", "off", "1.5e+10", "1.5E-10",
                "1.e5", ".5e5", "1e", "1e+", "1.5.5", "4.0.0", "256m", "2g", "0x1F", "0x1f", "0xDEADBEEF", "0x", "0o",
                "0o17", "0o18", "0777", "-0", "+0", "123456789012345678", "1234567890123456789",
                "-9223372036854775808", "9223372036854775807", "9223372036854775808", "+123456789012345678901",
                "0x7fffffffffffffff", "0x8000000000000000", "0o777777777777777777777", "1_000", "1,000", "1:30",
                "2026-11-24", "s3a://lake/x", "--dry-run", "-", "+", ".", "~", "~x")) {
            assertSame(text);
        }
    }

    private static void assertSame(String text) {
        assertEquals(typed(reference(text)), typed(CoreSchema.resolve(text)), "resolve " + text);
        assertEquals(typed(referenceInteger(text)), typed(CoreSchema.integer(text)), "integer " + text);
        assertEquals(typed(referenceFloating(text)), typed(CoreSchema.floating(text)), "floating " + text);
    }

    /** The value with its class, so that 1 (a Long) and 1 (a BigInteger) differ. */
    private static String typed(Object value) {
        return value == CoreSchema.INVALID ? "INVALID" : value == null ? "null" : value.getClass() + " " + value;
    }

    private static Object reference(String text) {
        if (CoreSchema.isNull(text)) {
            return null;
        }
        Object bool = CoreSchema.bool(text);
        if (bool != CoreSchema.INVALID) {
            return bool;
        }
        Object integer = referenceInteger(text);
        if (integer != CoreSchema.INVALID) {
            return integer;
        }
        Object floating = referenceFloating(text);
        return floating != CoreSchema.INVALID ? floating : text;
    }

    private static Object referenceInteger(String text) {
        if (DECIMAL.matcher(text).matches()) {
            return number(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
        }
        if (OCTAL.matcher(text).matches()) {
            return number(new BigInteger(text.substring(2), 8));
        }
        if (HEX.matcher(text).matches()) {
            return number(new BigInteger(text.substring(2), 16));
        }
        return CoreSchema.INVALID;
    }

    private static Object referenceFloating(String text) {
        if (FLOAT.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (NAN.matcher(text).matches()) {
            return Double.NaN;
        }
        return CoreSchema.INVALID;
    }

    private static Object number(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }
}
