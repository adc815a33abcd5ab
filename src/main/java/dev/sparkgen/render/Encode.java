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

    /** A Kubernetes quantity (1200m, 896Mi, 2): never a number or date in YAML, once it has its unit. */
    private static final java.util.regex.Pattern QUANTITY =
            java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|Ki|Mi|Gi|Ti|Pi|Ei|M|G|T|P)");

    static boolean plainSafe(String s) {
        int n = s.length();
        if (n == 0 || n > 200) {
            return false;
        }
        char c0 = s.charAt(0);
        if (c0 >= '0' && c0 <= '9') {
            return QUANTITY.matcher(s).matches();
        }
        char first = s.charAt(0);
        boolean startOk = isAsciiLetter(first) || first == '/'
                || first == '-' && n > 1 && (s.charAt(1) == '-' || isAsciiLetter(s.charAt(1)));
        if (!startOk || s.charAt(n - 1) == ':') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || "._/+@:=$()-".indexOf(c) >= 0)) {
                return false;
            }
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "y", "n", "yes", "no", "on", "off", "true", "false", "null" -> false;
            default -> true;
        };
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** A double-quoted YAML scalar; every character YAML does not take as printable text is escaped. */
    public static String doubleQuoted(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
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
        if (text.isBlank() || !literalSafe(text)) {
            return " " + doubleQuoted(text);
        }
        String chomp = !text.endsWith("\n") ? "-" : text.endsWith("\n\n") ? "+" : "";
        // an indentation indicator counts from the key's indentation, which is two less than the block's
        String indicator = text.startsWith(" ") || text.startsWith("\n") ? "2" : "";
        StringBuilder out = new StringBuilder(text.length() + 64).append(" |").append(indicator).append(chomp);
        String pad = " ".repeat(indent);
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\n", -1)) {
            out.append('\n');
            if (!line.isEmpty()) {
                out.append(pad).append(line);
            }
        }
        return out.toString();
    }

    private static boolean literalSafe(String text) {
        for (String line : text.split("\n", -1)) {
            if (line.endsWith(" ") || line.endsWith("\t")) {
                return false;
            }
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean printable = c == '\n' || c == '\t' || c >= 0x20 && c < 0x7F
                    || c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029
                    || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF || c >= 0x10000 && c <= 0x10FFFF;
            if (!printable) {
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
        if (!s.isEmpty() && s.chars().allMatch(c -> isAsciiLetter((char) c) || c >= '0' && c <= '9'
                || "_./:@%+=,-".indexOf(c) >= 0)) {
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

    // ---------------------------------------------------------------- spark-defaults.conf (java.util.Properties)

    /** The lines of a properties file ({@code key value}), in the map's order. */
    public static String propertiesFile(java.util.Map<?, ?> properties) {
        StringBuilder out = new StringBuilder(properties.size() * 48);
        properties.forEach((key, value) -> out.append(propertyKey(String.valueOf(key))).append(' ')
                .append(propertyValue(String.valueOf(value))).append('\n'));
        return out.toString();
    }

    /** The export lines of a bash script that sets exactly these variables to exactly these values. */
    public static String exports(java.util.Map<?, ?> variables) {
        StringBuilder out = new StringBuilder(variables.size() * 32);
        variables.forEach((name, value) -> out.append("export ").append(name).append('=')
                .append(shell(String.valueOf(value))).append('\n'));
        return out.toString();
    }

    /** A key of a properties file, read back by {@link java.util.Properties#load(java.io.Reader)} as itself. */
    public static String propertyKey(String s) {
        return properties(s, true);
    }

    /** A value of a properties file, read back as itself (leading blanks and line breaks included). */
    public static String propertyValue(String s) {
        return properties(s, false);
    }

    private static String properties(String s, boolean key) {
        StringBuilder out = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                // a value's first '=' or ':' would be read as the separator, and dropped
                case '=', ':' -> out.append(key || i == 0 ? "\\" + c : String.valueOf(c));
                case '#', '!' -> out.append(key ? "\\" + c : String.valueOf(c));
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
        return out.toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
