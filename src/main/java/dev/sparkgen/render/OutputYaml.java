package dev.sparkgen.render;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the YAML that spark-gen writes, for {@link SelfCheck}: block mappings and sequences (kubectl's
 * layout), plain scalars (YAML 1.2's core schema), double-quoted scalars with {@link Encode}'s escapes, literal
 * blocks, {@code {}} and {@code []}, comment lines. It is strict: for anything else, or anything it is not sure
 * of, it returns null and the self-check parses the text with {@link dev.sparkgen.source.YamlLoader} instead.
 * What it does read, it reads as that loader does (a test holds the two to each other on every example, the
 * generated corpus and arbitrary strings); it exists because that loader, over SnakeYAML, was a third of a
 * batch's CPU time.
 */
final class OutputYaml {

    private static final Origin ORIGIN = Origin.of("rendered output");
    private static final int MAX_DEPTH = 64;
    /** The characters of a key this reader takes as written. */
    private static final boolean[] KEY_CHARS = ascii("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-");
    /**
     * The characters of YAML 1.2's core schema's numbers, infinities and NaNs: digits, signs, dot, {@code o},
     * {@code x}, hex digits, {@code e}, and the letters of {@code inf} and {@code nan}.
     */
    private static final boolean[] NUMBER_CHARS = ascii("0123456789+-.oxabcdefABCDEFinIN");
    /** YAML's indicators: a plain scalar starting with one is something else (but "-x"). */
    private static final boolean[] INDICATORS = ascii("-?:,[]{}#&*!|>'\"%@`");
    /**
     * The Latin-1 characters the constructor passes without a second look: printable ASCII but '?' (which stands
     * for any other character in its bytes), and 0xA0 to 0xFF; a space, newline or tab is looked at for itself.
     */
    private static final boolean[] TEXT = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            TEXT[c] = c > ' ' && c < 0x7F && c != '?' || c >= 0xA0;
        }
    }

    private final String[] lines;
    /** Each line's indentation, worked out once: the reader asks several times. */
    private final int[] indents;
    /** The number of lines (the arrays have room for more). */
    private final int count;
    /** Whether the text holds a tab anywhere (else no line needs looking for one). */
    private final boolean tab;
    /** The text's characters as Latin-1 bytes, any other character a '?': scanned faster than the lines. */
    private final byte[] latin1;
    /** Where each line starts in {@link #latin1}. */
    private final int[] starts;
    private int next;
    /** The last line whose content {@link #skip} has checked. */
    private int checked = -1;

    /**
     * The text cut into lines, each line's indentation worked out and each character checked in the same pass
     * (one pass instead of four).
     */
    private OutputYaml(String text) {
        int n = text.length();
        // Most output is Latin-1: its bytes are read faster than charAt (under C1), and any other character is
        // a '?' there, which TEXT sends to textChar with the rest.
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        if (latin1.length != n) { // a surrogate pair made one '?' of two chars: map them one for one instead
            latin1 = new byte[n];
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                latin1[i] = (byte) (c < 0x100 ? c : '?');
            }
        }
        String[] lines = new String[Math.max(8, n / 24)];
        int[] indents = new int[lines.length];
        int[] starts = new int[lines.length];
        int count = 0;
        boolean tab = false;
        int start = 0;
        int indent = spaces(latin1, 0);
        for (int i = indent; i < n; i++) {
            int c = latin1[i] & 0xFF;
            if (TEXT[c]) {
                continue;
            }
            if (c == '\n') {
                if (count == lines.length) {
                    lines = Arrays.copyOf(lines, count * 2);
                    indents = Arrays.copyOf(indents, count * 2);
                    starts = Arrays.copyOf(starts, count * 2);
                }
                lines[count] = text.substring(start, i);
                starts[count] = start;
                indents[count++] = indent;
                start = i + 1;
                indent = spaces(latin1, start);
                i += indent; // on to the next line's first character that is not a space
            } else if (c == '\t') {
                tab = true;
            } else if (c != ' ') {
                if (!textChar(text, i)) {
                    throw new Unsure();
                }
                if (Character.isHighSurrogate(text.charAt(i))) {
                    i++; // the low half, which textChar saw
                }
            }
        }
        if (start < n || n == 0) { // a final newline ends the last line; it does not start another
            if (count == lines.length) {
                lines = Arrays.copyOf(lines, count + 1);
                indents = Arrays.copyOf(indents, count + 1);
                starts = Arrays.copyOf(starts, count + 1);
            }
            lines[count] = text.substring(start);
            starts[count] = start;
            indents[count++] = indent;
        }
        this.lines = lines;
        this.indents = indents;
        this.count = count;
        this.tab = tab;
        this.latin1 = latin1;
        this.starts = starts;
    }

    /** The document's top-level mapping, or null when the text is not in the form this class reads. */
    static MapNode read(String text) {
        try {
            OutputYaml reader = new OutputYaml(text);
            int first = reader.skip();
            if (first < 0 || reader.indents[first] != 0 || reader.lines[first].startsWith("-")) {
                return null;
            }
            MapNode document = reader.mapping(0, 0);
            return reader.skip() < 0 ? document : null;
        } catch (Unsure e) {
            return null;
        }
    }

    /** The spaces starting at {@code from}: a line's indentation. */
    private static int spaces(byte[] text, int from) {
        int i = from;
        while (i < text.length && text[i] == ' ') {
            i++;
        }
        return i - from;
    }

    /**
     * Whether the character at {@code i} (not printable ASCII, a space, a newline or a tab) is one YAML reads as
     * text: no other C0 or C1 control, no YAML 1.1 line break (NEL, LS, PS), no BOM, no non-character, no lone
     * surrogate.
     */
    private static boolean textChar(String text, int i) {
        char c = text.charAt(i);
        if (c >= 0x20 && c < 0x7F) {
            return true;
        }
        if (c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFE
                || c == 0xFFFF) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return !Character.isSurrogate(c);
    }

    /** Thrown for anything this reader does not handle: the caller falls back to the full parser. */
    private static final class Unsure extends RuntimeException {

        Unsure() {
            super(null, null, false, false);
        }
    }

    /** Moves past blank and comment lines; the index of the next line with content, or -1 at the end. */
    private int skip() {
        while (next < count) {
            String line = lines[next];
            int indent = indents[next];
            if (indent < line.length() && line.charAt(indent) != '#') {
                if (next > checked && (tab && line.indexOf('\t') >= 0 || indent == 0 && (line.startsWith("---")
                        || line.startsWith("...") || line.startsWith("%")))) {
                    throw new Unsure();
                }
                checked = Math.max(checked, next);
                return next;
            }
            next++;
        }
        return -1;
    }

    /** A block mapping whose keys sit at {@code indent}, starting at the current line. */
    private MapNode mapping(int indent, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Unsure();
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        while (skip() >= 0) {
            String line = lines[next];
            int at = indents[next];
            if (at < indent) {
                break;
            }
            if (at > indent || line.startsWith("- ", at) || line.length() == at + 1 && line.charAt(at) == '-') {
                if (at == indent) {
                    break; // a sequence at the key's indentation belongs to the enclosing key
                }
                throw new Unsure();
            }
            int colon;
            String key;
            if (line.charAt(at) == '"') {
                int[] end = new int[1];
                key = quoted(line, at, end);
                colon = end[0];
                if (colon >= line.length() || line.charAt(colon) != ':') {
                    throw new Unsure();
                }
            } else {
                colon = plainKeyEnd(next, at);
                key = line.substring(at, colon);
            }
            next++;
            if (entries.put(key, value(line, colon + 1, indent, depth, true)) != null) {
                throw new Unsure(); // a duplicate: the full parser reports it
            }
        }
        return new MapNode(ORIGIN, entries);
    }

    /** A block sequence whose dashes sit at {@code indent}, starting at the current line. */
    private ListNode sequence(int indent, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Unsure();
        }
        List<Node> items = new ArrayList<>();
        while (skip() >= 0) {
            String line = lines[next];
            int at = indents[next];
            if (at < indent) {
                break;
            }
            boolean dash = line.startsWith("- ", at) || line.length() == at + 1 && line.charAt(at) == '-';
            if (at > indent || !dash) {
                if (at == indent) {
                    break; // the next key of the enclosing mapping
                }
                throw new Unsure();
            }
            if (line.length() > at + 2 && startsEntry(line, at + 2)) {
                // "- key: value": a mapping whose first key sits on the dash's line, the others under it; the
                // line is read from there on as if its dash were a space (its content was checked as it was)
                indents[next] = at + 2;
                items.add(mapping(at + 2, depth + 1));
            } else {
                next++;
                items.add(value(line, at + 1, indent, depth, false));
            }
        }
        return new ListNode(ORIGIN, items);
    }

    /**
     * The value that follows a key's colon or a dash at {@code from} of {@code line} (already consumed), whose key
     * or dash sits at {@code indent}: a scalar on the line, or a block on the lines below (for a key, also a
     * sequence at the key's own indentation, as kubectl writes them).
     */
    private Node value(String line, int from, int indent, int depth, boolean key) {
        if (from == line.length()) {
            int below = skip();
            if (below < 0) {
                return new Scalar(ORIGIN, "", null);
            }
            String child = lines[below];
            int at = indents[below];
            boolean dash = child.startsWith("- ", at) || child.length() == at + 1 && child.charAt(at) == '-';
            if (at > indent) {
                return dash ? sequence(at, depth + 1) : mapping(at, depth + 1);
            }
            if (at == indent && dash && key) {
                return sequence(at, depth + 1);
            }
            return new Scalar(ORIGIN, "", null);
        }
        if (line.charAt(from) != ' ') {
            throw new Unsure();
        }
        String text = line.substring(from + 1);
        Node scalar = switch (text.isEmpty() ? ' ' : text.charAt(0)) {
            case '"' -> {
                int[] end = new int[1];
                String value = quoted(line, from + 1, end);
                if (end[0] != line.length()) {
                    throw new Unsure();
                }
                yield Scalar.string(ORIGIN, value);
            }
            case '|' -> {
                if (!key) {
                    throw new Unsure(); // spark-gen writes blocks only as a key's value
                }
                yield literal(text, indent);
            }
            case '{' -> {
                if (!text.equals("{}")) {
                    throw new Unsure();
                }
                yield new MapNode(ORIGIN, Map.of());
            }
            case '[' -> {
                if (!text.equals("[]")) {
                    throw new Unsure();
                }
                yield new ListNode(ORIGIN, List.of());
            }
            default -> plain(text, starts[next - 1] + from + 1); // the line: the one the caller just consumed
        };
        int after = skip();
        if (after >= 0 && indents[after] > indent) {
            throw new Unsure(); // a plain scalar continued on the next line, or a misplaced block
        }
        return scalar;
    }

    /** Whether the text at {@code from} is a mapping entry ({@code key: ...}), not a scalar. */
    private static boolean startsEntry(String line, int from) {
        if (line.charAt(from) == '"') {
            int[] end = new int[1];
            quoted(line, from, end);
            return end[0] < line.length() && line.charAt(end[0]) == ':';
        }
        int end = keyEnd(line, from);
        if (end == line.length()) {
            return false;
        }
        if (!plainKey(line.substring(from, end))) {
            throw new Unsure();
        }
        return true;
    }

    /** Where a plain key ends: the first ": ", or a colon that ends the line; the line's length if neither. */
    private static int keyEnd(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            if (line.charAt(i) == ':' && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return line.length();
    }

    /**
     * Where a plain key starting at {@code from} ends, at its colon, which a space or the line's end follows; the
     * key is one this reader takes as written ({@link #plainKey}). Anything else is {@link Unsure}.
     */
    private int plainKeyEnd(int index, int from) {
        int start = starts[index];
        int end = start + lines[index].length();
        int i = start + from;
        while (i < end && KEY_CHARS[latin1[i] & 0xFF]) {
            i++;
        }
        if (i == start + from || !Character.isLetterOrDigit(latin1[start + from]) || i == end || latin1[i] != ':'
                || i + 1 < end && latin1[i + 1] != ' ') {
            throw new Unsure();
        }
        return i - start;
    }

    private static boolean keyChar(char c) {
        return c < 128 && KEY_CHARS[c];
    }

    private static boolean[] ascii(String chars) {
        boolean[] set = new boolean[256];
        chars.chars().forEach(c -> set[c] = true);
        return set;
    }

    /** A key this reader takes as written: characters no YAML reader takes for anything else. */
    private static boolean plainKey(String key) {
        if (key.isEmpty() || !Character.isLetterOrDigit(key.charAt(0)) || key.charAt(0) > 0x7F) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!keyChar(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A plain scalar on one line, as YAML 1.2's core schema reads it. The schema is asked only about text that could
     * be other than a string: a null or boolean word (4 or 5 letters starting with one of {@code nNtTfF}, or
     * anything starting with {@code ~}), or a number, infinity or NaN (starting with a digit, sign or dot, holding a
     * digit or dot, and only {@link #NUMBER_CHARS}). Any other text is a string, as the schema would say.
     */
    private Scalar plain(String text, int at) {
        int n = text.length();
        if (n == 0) {
            throw new Unsure();
        }
        char first = text.charAt(0);
        if (first == ' ' || first < 128 && INDICATORS[first] && !(first == '-' && n > 1 && text.charAt(1) != ' ')
                || text.charAt(n - 1) == ' ' || text.charAt(n - 1) == ':') {
            throw new Unsure();
        }
        for (int i = at + 1; i < at + n - 1; i++) { // the text's characters in latin1
            byte c = latin1[i];
            if (c == ' ' && latin1[i + 1] == '#' || c == ':' && latin1[i + 1] == ' ') {
                throw new Unsure(); // a comment, or a mapping
            }
        }
        if (first == '~' || "nNtTfF".indexOf(first) >= 0 && (n == 4 || n == 5)) {
            return Scalar.plain(ORIGIN, text);
        }
        if (first >= '0' && first <= '9' && n <= 18 && digits(text)) {
            // the core schema's decimal integer: a Long, leading zeros and all, as the schema makes it
            return new Scalar(ORIGIN, text, Long.parseLong(text));
        }
        if (first >= '0' && first <= '9' || first == '-' || first == '+' || first == '.') {
            boolean digitOrDot = false;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c >= 128 || !NUMBER_CHARS[c]) {
                    return Scalar.string(ORIGIN, text);
                }
                digitOrDot |= c >= '0' && c <= '9' || c == '.';
            }
            if (digitOrDot) {
                return Scalar.plain(ORIGIN, text);
            }
        }
        return Scalar.string(ORIGIN, text);
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A double-quoted scalar starting at {@code from} and ending on the same line; {@code end[0]} is set past its
     * closing quote. Only the escapes {@link Encode#doubleQuoted} writes, and none that makes a NUL or half a
     * surrogate pair (the full parser refuses those).
     */
    private static String quoted(String line, int from, int[] end) {
        int close = from + 1;
        while (close < line.length() && line.charAt(close) != '"' && line.charAt(close) != '\\') {
            close++;
        }
        if (close < line.length() && line.charAt(close) == '"') {
            end[0] = close + 1;
            return line.substring(from + 1, close); // no escape: the text as it stands
        }
        StringBuilder out = new StringBuilder();
        for (int i = from + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                end[0] = i + 1;
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= line.length()) {
                throw new Unsure();
            }
            switch (line.charAt(i)) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'N' -> out.append('\u0085');
                case 'L' -> out.append('\u2028');
                case 'P' -> out.append('\u2029');
                case 'x' -> {
                    out.append(hex(line, i + 1, 2));
                    i += 2;
                }
                case 'u' -> {
                    out.append(hex(line, i + 1, 4));
                    i += 4;
                }
                default -> throw new Unsure();
            }
        }
        throw new Unsure();
    }

    private static char hex(String line, int from, int digits) {
        if (from + digits > line.length()) {
            throw new Unsure();
        }
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            int d = Character.digit(line.charAt(i), 16);
            if (d < 0) {
                throw new Unsure();
            }
            value = value * 16 + d;
        }
        if (value == 0 || Character.isSurrogate((char) value)) {
            throw new Unsure();
        }
        return (char) value;
    }

    /** A literal block ({@code |}, with chomping and an indentation indicator) under a key at {@code indent}. */
    private Scalar literal(String header, int indent) {
        int blockIndent = -1;
        char chomp = ' ';
        for (int i = 1; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c >= '1' && c <= '9' && blockIndent < 0) {
                blockIndent = indent + (c - '0');
            } else if ((c == '-' || c == '+') && chomp == ' ') {
                chomp = c;
            } else {
                throw new Unsure();
            }
        }
        StringBuilder text = new StringBuilder();
        int empty = 0; // empty lines not yet followed by content: inside the block, or trailing
        while (next < count) {
            String line = lines[next];
            int at = indents[next];
            if (at == line.length()) {
                if (blockIndent >= 0 && at > blockIndent) {
                    newlines(text, empty).append(line, blockIndent, at).append('\n');
                    empty = 0;
                } else if (blockIndent < 0 && at > indent) {
                    throw new Unsure(); // leading blank lines deeper than the first line: YAML's own corner
                } else {
                    empty++;
                }
                next++;
                continue;
            }
            if (blockIndent < 0) {
                if (at <= indent) {
                    break;
                }
                blockIndent = at;
            }
            if (at < blockIndent) {
                break;
            }
            newlines(text, empty).append(line, blockIndent, line.length()).append('\n');
            empty = 0;
            next++;
        }
        if (blockIndent < 0) {
            throw new Unsure();
        }
        if (chomp == '-' && text.length() > 0) {
            text.setLength(text.length() - 1);
        } else if (chomp == '+') {
            newlines(text, empty);
        }
        return Scalar.string(ORIGIN, text.toString());
    }

    private static StringBuilder newlines(StringBuilder text, int count) {
        for (int i = 0; i < count; i++) {
            text.append('\n');
        }
        return text;
    }
}
