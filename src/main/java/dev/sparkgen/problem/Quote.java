package dev.sparkgen.problem;

/**
 * User text as messages show it: on one line (control characters escaped, as in a YAML double-quoted string)
 * and of bounded length, so that no value can forge another line of output or flood a CI log.
 */
public final class Quote {

    private static final int LIMIT = 60;

    private Quote() {
    }

    /** A count and its noun, for people: "1 file", "8 files", "0 runs" (nouns whose plural adds an s). */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code s} with its control characters escaped and shortened to about 60 characters. */
    public static String abbreviate(String s) {
        String line = controls(s);
        return line.length() <= LIMIT ? line : line.substring(0, LIMIT - 3) + "...";
    }

    /** {@code s} with every character that could break a line, or hide, written as an escape. */
    public static String controls(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                return escaped(s, i); // printable ASCII up to here, as nearly every value is whole
            }
        }
        return s;
    }

    /** {@link #controls} of a string whose first {@code from} characters are printable ASCII. */
    private static String escaped(String s, int from) {
        StringBuilder out = null;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                        || Character.isSurrogate(c) && !pairedAt(s, i)
                        ? String.format("\\u%04X", (int) c) : null;
            };
            if (escape != null && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                out.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean pairedAt(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** Plain data (maps, lists, scalars) on one line in YAML's flow style, as a message shows a value or a hint. */
    public static String flow(Object plain) {
        if (plain instanceof java.util.Map<?, ?> map) {
            java.util.List<String> entries = new java.util.ArrayList<>();
            map.forEach((key, value) -> entries.add(key + ": " + flow(value)));
            return "{" + String.join(", ", entries) + "}";
        }
        if (plain instanceof java.util.List<?> list) {
            return "[" + String.join(", ", list.stream().map(Quote::flow).toList()) + "]";
        }
        return String.valueOf(plain);
    }
}
