package dev.sparkgen.render;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Encodes a string for each context a value lands in, so that no value can change the structure around it:
 * a YAML scalar or block, a word of {@code spark-env.sh}, a key or value of {@code spark-defaults.conf}, and a
 * Kubernetes command argument or env value (where {@code $(VAR)} would otherwise be expanded).
 * Every function here is total and exact: decoding its output in its context gives back the input.
 */
public final class Encode {

    private Encode() {
    }

    // ---------------------------------------------------------------- YAML

    /**
     * A YAML scalar: plain when that cannot be read as anything but this string, by YAML 1.1 (kubectl's
     * go-yaml) or 1.2, else double-quoted with escapes.
     */
    public static String yaml(String s) {
        return plainSafe(s) ? s : doubleQuoted(s);
    }

    /** The ASCII characters a plain scalar may hold after its first: letters, digits and {@code ._/+@:=$()-}. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (char c = 0; c < PLAIN.length; c++) {
            PLAIN[c] = isAsciiLetter(c) || c >= '0' && c <= '9' || "._/+@:=$()-".indexOf(c) >= 0;
        }
    }

    static boolean plainSafe(String s) {
        int n = s.length();
        if (n == 0 || n > 200) {
            return false;
        }
        char first = s.charAt(0);
        if (first >= '0' && first <= '9') {
            return quantity(s);
        }
        boolean startOk = isAsciiLetter(first) || first == '/'
                || first == '-' && n > 1 && (s.charAt(1) == '-' || isAsciiLetter(s.charAt(1)));
        if (!startOk || s.charAt(n - 1) == ':') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (c >= PLAIN.length || !PLAIN[c]) {
                return false;
            }
        }
        // the words YAML reads as booleans or null are five letters at most
        return n > 5 || switch (s.toLowerCase(Locale.ROOT)) {
            case "y", "n", "yes", "no", "on", "off", "true", "false", "null" -> false;
            default -> true;
        };
    }

    /**
     * A Kubernetes quantity (1200m, 896Mi, 2.5Gi): digits, maybe a fraction, and a unit (m, k, Ki, Mi, Gi, Ti, Pi,
     * Ei, M, G, T, P); never a number or date in YAML, once it has its unit.
     */
    private static boolean quantity(String s) {
        int n = s.length();
        int i = digits(s, 0);
        if (i < n && s.charAt(i) == '.') {
            int end = digits(s, i + 1);
            if (end == i + 1) {
                return false;
            }
            i = end;
        }
        if (i == n - 1) {
            char unit = s.charAt(i);
            return unit == 'm' || unit == 'k' || unit == 'M' || unit == 'G' || unit == 'T' || unit == 'P';
        }
        return i == n - 2 && s.charAt(n - 1) == 'i' && "KMGTPE".indexOf(s.charAt(i)) >= 0;
    }

    /** Where the digits of {@code s} that start at {@code from} end. */
    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** A double-quoted YAML scalar; every character YAML does not take as printable text is escaped. */
    public static String doubleQuoted(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); ) {
            char ascii = s.charAt(i);
            if (ascii >= 0x20 && ascii < 0x7F && ascii != '"' && ascii != '\\') {
                out.append(ascii);
                i++;
                continue;
            }
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 0 -> out.append("\\0");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case 0x85 -> out.append("\\N");
                case 0x2028 -> out.append("\\L");
                case 0x2029 -> out.append("\\P");
                default -> {
                    if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
                        out.append(String.format("\\x%02X", c));
                    } else if (c == 0xFEFF || c >= 0xD800 && c <= 0xDFFF || c == 0xFFFE || c == 0xFFFF) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * A multi-line text as the value of a key, at {@code indent} spaces: a literal block ({@code |}) when every
     * line can be written as it is, else a double-quoted scalar. Returned with its leading space or newline, so
     * a template writes {@code key:{{ block(text, 4) }}}.
     */
    public static String block(String text, int indent) {
        return block(new StringBuilder(text.length() + 64), text, indent).toString();
    }

    /** {@code out} with {@link #block(String, int)}'s text appended. */
    static StringBuilder block(StringBuilder out, String text, int indent) {
        if (text.isBlank() || !literalSafe(text)) {
            return out.append(' ').append(doubleQuoted(text));
        }
        String chomp = !text.endsWith("\n") ? "-" : text.endsWith("\n\n") ? "+" : "";
        // an indentation indicator counts from the key's indentation, which is two less than the block's
        String indicator = text.startsWith(" ") || text.startsWith("\n") ? "2" : "";
        out.append(" |").append(indicator).append(chomp);
        int end = text.endsWith("\n") ? text.length() - 1 : text.length();
        for (int start = 0; start <= end; ) {
            int newline = text.indexOf('\n', start);
            int lineEnd = newline < 0 || newline > end ? end : newline;
            out.append('\n');
            if (lineEnd > start) {
                spaces(out, indent).append(text, start, lineEnd);
            }
            start = lineEnd + 1;
        }
        return out;
    }

    private static final String SPACES = " ".repeat(64);

    /** {@code out} with {@code n} spaces appended: an indentation. */
    static StringBuilder spaces(StringBuilder out, int n) {
        for (int left = n; left > 0; left -= SPACES.length()) {
            out.append(SPACES, 0, Math.min(left, SPACES.length()));
        }
        return out;
    }

    /** Whether no line ends with a blank or tab, and every character is one a literal block prints. */
    private static boolean literalSafe(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                if (i + 1 == n || text.charAt(i + 1) == '\n') {
                    return false;
                }
            } else if (c >= 0x20 && c < 0x7F || c == '\n') {
                continue;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: a code point from 0x10000 on, all printable
            } else if (!(c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029
                    || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- Kubernetes $(VAR) expansion

    /**
     * A string that Kubernetes' {@code $(VAR)} expansion (in command, args and env values) gives back as it is:
     * every '$' is doubled, since Kubernetes reads {@code $$} as one '$'. Doubling only those before '(' would
     * do on current clusters, but kubelets before the expansion read characters (not bytes) turned a single
     * '$' before a non-ASCII character into mojibake.
     */
    public static String literal(String s) {
        return s.indexOf('$') < 0 ? s : s.replace("$", "$$");
    }

    // ---------------------------------------------------------------- spark-env.sh (bash)

    /**
     * One shell word that bash reads as exactly {@code s}, with nothing expanded: unquoted when made of safe
     * characters, else single-quoted, with control characters as {@code $'\xHH'} bytes so each export stays
     * on one line. Values holding NUL cannot be represented and are refused before this.
     */
    public static String shell(String s) {
        if (!s.isEmpty() && shellSafe(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        StringBuilder quoted = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            boolean control = c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029 || c == 0xFEFF;
            if (control) {
                if (quoted != null) {
                    out.append('\'').append(quoted).append('\'');
                    quoted = null;
                }
                out.append("$'");
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append(switch (b) {
                        case '\n' -> "\\n";
                        case '\t' -> "\\t";
                        case '\r' -> "\\r";
                        default -> String.format("\\x%02X", b & 0xFF);
                    });
                }
                out.append('\'');
            } else if (c == '\'') {
                if (quoted != null) {
                    out.append('\'').append(quoted).append('\'');
                    quoted = null;
                }
                out.append("\\'");
            } else {
                if (quoted == null) {
                    quoted = new StringBuilder();
                }
                quoted.appendCodePoint(c);
            }
        }
        if (quoted != null) {
            out.append('\'').append(quoted).append('\'');
        }
        return out.length() == 0 ? "''" : out.toString();
    }

    /** Whether every character of {@code s} is one bash takes as it is in a word: letters, digits, {@code _./:@%+=,-}. */
    private static boolean shellSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || "_./:@%+=,-".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- spark-defaults.conf (java.util.Properties)

    /** The lines of a properties file ({@code key value}), in the map's order. */
    public static String propertiesFile(java.util.Map<?, ?> properties) {
        return propertiesFile(new StringBuilder(properties.size() * 64), properties).toString();
    }

    /** {@code out} with {@link #propertiesFile(java.util.Map)}'s lines appended. */
    static StringBuilder propertiesFile(StringBuilder out, java.util.Map<?, ?> properties) {
        for (java.util.Map.Entry<?, ?> entry : properties.entrySet()) {
            properties(out, String.valueOf(entry.getKey()), true);
            properties(out.append(' '), String.valueOf(entry.getValue()), false);
            out.append('\n');
        }
        return out;
    }

    /** The export lines of a bash script that sets exactly these variables to exactly these values. */
    public static String exports(java.util.Map<?, ?> variables) {
        return exports(new StringBuilder(variables.size() * 32), variables).toString();
    }

    /** {@code out} with {@link #exports(java.util.Map)}'s lines appended. */
    static StringBuilder exports(StringBuilder out, java.util.Map<?, ?> variables) {
        for (java.util.Map.Entry<?, ?> variable : variables.entrySet()) {
            out.append("export ").append(variable.getKey()).append('=')
                    .append(shell(String.valueOf(variable.getValue()))).append('\n');
        }
        return out;
    }

    /** A key of a properties file, read back by {@link java.util.Properties#load(java.io.Reader)} as itself. */
    public static String propertyKey(String s) {
        return properties(new StringBuilder(s.length() + 4), s, true).toString();
    }

    /** A value of a properties file, read back as itself (leading blanks and line breaks included). */
    public static String propertyValue(String s) {
        return properties(new StringBuilder(s.length() + 4), s, false).toString();
    }

    /** {@code out} with {@code s} appended as a key or a value; its characters that need no escape, at once. */
    private static StringBuilder properties(StringBuilder out, String s, boolean key) {
        int i = 0;
        while (i < s.length() && asIs(s.charAt(i), i, key)) {
            i++;
        }
        out.append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                // a value's first '=' or ':' would be read as the separator, and dropped
                case '=', ':' -> (key || i == 0 ? out.append('\\') : out).append(c);
                case '#', '!' -> (key ? out.append('\\') : out).append(c);
                default -> {
                    if (c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                            || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }

    /** Whether character {@code c} at {@code i} of a key or value is written as it is: printable ASCII, no escape. */
    private static boolean asIs(char c, int i, boolean key) {
        if (c < 0x20 || c >= 0x7F) {
            return false;
        }
        return switch (c) {
            case '\\' -> false;
            case ' ', '=', ':' -> !key && i > 0;
            case '#', '!' -> !key;
            default -> true;
        };
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
