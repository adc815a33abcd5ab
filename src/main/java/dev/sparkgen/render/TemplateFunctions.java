package dev.sparkgen.render;

import dev.sparkgen.problem.Quote;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The only ways a template prints a value: each function encodes it for where it lands. Templates call them as
 * {@code {{ yaml(names.pod) }}}; {@link Template} refuses a value printed any other way when it parses a template.
 * A function returns its text, or appends it to the template's output ({@code out}) when it builds it piece by piece.
 */
public final class TemplateFunctions {

    private static final Pattern NOT_IN_A_LABEL = Pattern.compile("[^A-Za-z0-9., /-]");

    private TemplateFunctions() {
    }

    /** A YAML scalar. */
    public static String yaml(Object value) {
        return Encode.yaml(text(value, "yaml"));
    }

    /** An integer (a port, a count): digits, never quoted. */
    public static String number(Object value) {
        if (!(known(value, "number") instanceof Integer || value instanceof Long)) {
            throw new IllegalStateException("a template passes " + value + " to number(), which is not an integer");
        }
        return value.toString();
    }

    /** A map or list as the block value of a key (see {@link YamlWriter#value}). */
    static void toyaml(StringBuilder out, Object value, int indent) {
        YamlWriter.value(out, known(value, "toyaml"), indent);
    }

    /** A map's entries or a list's items beside others (see {@link YamlWriter#fields}). */
    static void fields(StringBuilder out, Object value, int indent) {
        YamlWriter.fields(out, known(value, "fields"), indent);
    }

    /**
     * YAML that spark-gen rendered itself (a pod's spec), as the block value of a key at {@code indent}: each line
     * moved right, which keeps its meaning, since what spark-gen writes is block YAML whose scalars fit on one line.
     * How the driver's one pod spec goes into a Pod, and would go into a Job's or a CronJob's template.
     */
    static void nest(StringBuilder out, Object value, int indent) {
        String text = text(value, "nest");
        for (int start = 0; start < text.length(); ) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            if (end > start) {
                Encode.spaces(out.append('\n'), indent).append(text, start, end);
            }
            start = end + 1;
        }
    }

    /** A multi-line text as the value of a key. */
    static void block(StringBuilder out, Object value, int indent) {
        Encode.block(out, text(value, "block"), indent);
    }

    /** A container's args, literal ones escaped against $(VAR) expansion. */
    @SuppressWarnings("unchecked")
    static void args(StringBuilder out, Object value, int indent) {
        YamlWriter.args(out, (List<View.Arg>) known(value, "args"), indent);
    }

    /** A container's env, values escaped against $(VAR) expansion. */
    @SuppressWarnings("unchecked")
    static void env(StringBuilder out, Object value, int indent) {
        YamlWriter.env(out, (List<View.Env>) known(value, "env"), indent);
    }

    /** The lines of a properties file. */
    static void properties(StringBuilder out, Object value) {
        Encode.propertiesFile(out, (Map<?, ?>) known(value, "properties"));
    }

    /** The export lines of a bash script. */
    static void exports(StringBuilder out, Object value) {
        Encode.exports(out, (Map<?, ?>) known(value, "exports"));
    }

    /**
     * Text in Markdown, in a table cell or a line: Markdown's and HTML's special characters escaped with a
     * backslash, line breaks and other control characters escaped, so no value can add a row, a link or a tag.
     */
    public static String md(Object value) {
        String text = text(value, "md");
        int i = 0;
        while (i < text.length() && text.charAt(i) >= 0x20 && text.charAt(i) < 0x7F && !mdSpecial(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        text = Quote.controls(text); // keeps the first i characters, printable ASCII
        StringBuilder out = new StringBuilder(text.length() + 8);
        int from = 0;
        for (; i < text.length(); i++) {
            if (mdSpecial(text.charAt(i))) {
                out.append(text, from, i).append('\\');
                from = i;
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    private static boolean mdSpecial(char c) {
        return switch (c) {
            case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&' -> true;
            default -> false;
        };
    }

    /** Text in a quoted Mermaid label: letters, digits and '-', '.', ',', ' ', '/'; anything else '_'. */
    public static String label(Object value) {
        String text = text(value, "label");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == ','
                    || c == ' ' || c == '/' || c == '-')) {
                return NOT_IN_A_LABEL.matcher(text).replaceAll("_");
            }
        }
        return text;
    }

    /** Text in a comment: on one line, its control characters escaped. */
    public static String comment(Object value) {
        return Quote.controls(text(value, "comment"));
    }

    private static Object known(Object value, String function) {
        if (value == null) {
            // an unknown name reaches a function as null: a template's typo, never a value to print
            throw new IllegalStateException("a template passes an unknown value to " + function + "()");
        }
        return value;
    }

    private static String text(Object value, String function) {
        return String.valueOf(known(value, function));
    }
}
