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
 *
 * <p>It returns plain values, which is all the check reads (no origins, no nodes to unwrap): a mapping is a
 * {@code LinkedHashMap<String, Object>} in the written order, a sequence an {@code ArrayList<Object>}, a string a
 * {@code String}, and any other scalar (a number, a boolean, a null, an empty value) a {@link Scalar}, whose
 * {@link Scalar#describe} says what it is. {@link #asRead} gives the loader's tree the same shape.
 */
final class OutputYaml {

    private static final Origin ORIGIN = Origin.of("rendered output");
    /** An empty value: YAML's null, written as nothing. */
    private static final Scalar EMPTY = new Scalar(ORIGIN, "", null);
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

    private final String text;
    /** The text's characters as Latin-1 bytes, any other character a '?': scanned faster than the text. */
    private final byte[] latin1;
    /** Where each line starts in the text, and where it ends (at its newline, or the text's end). */
    private final int[] starts;
    private final int[] ends;
    /** Each line's indentation, worked out once: the reader asks several times. */
    private final int[] indents;
    /** The number of lines (the arrays have room for more). */
    private final int count;
    /** Whether the text holds a tab anywhere (else no line needs looking for one). */
    private final boolean tab;
    private int next;
    /** The last line whose content {@link #skip} has checked. */
    private int checked = -1;

    /**
     * The text's lines found (as offsets: no line is cut out of it), each line's indentation worked out and each
     * character checked in the same pass.
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
        int room = Math.max(8, n / 24);
        int[] starts = new int[room];
        int[] ends = new int[room];
        int[] indents = new int[room];
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
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                    indents = Arrays.copyOf(indents, count * 2);
                }
                starts[count] = start;
                ends[count] = i;
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
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count + 1);
                ends = Arrays.copyOf(ends, count + 1);
                indents = Arrays.copyOf(indents, count + 1);
            }
            starts[count] = start;
            ends[count] = n;
            indents[count++] = indent;
        }
        this.text = text;
        this.latin1 = latin1;
        this.starts = starts;
        this.ends = ends;
        this.indents = indents;
        this.count = count;
        this.tab = tab;
    }

    /** The document's top-level mapping, or null when the text is not in the form this class reads. */
    static Map<String, Object> read(String text) {
        try {
            OutputYaml reader = new OutputYaml(text);
            int first = reader.skip();
            if (first < 0 || reader.indents[first] != 0 || reader.latin1[reader.starts[first]] == '-') {
                return null;
            }
            Map<String, Object> document = reader.mapping(0, 0);
            return reader.skip() < 0 ? document : null;
        } catch (Unsure e) {
            return null;
        }
    }

    /**
     * The loader's tree as this reader returns its documents: mappings, lists and strings as plain values, other
     * scalars as they are.
     */
    static Object asRead(Node node) {
        if (node instanceof MapNode map) {
            Map<String, Object> entries = new LinkedHashMap<>();
            map.entries().forEach((key, value) -> entries.put(key, asRead(value)));
            return entries;
        }
        if (node instanceof ListNode list) {
            List<Object> items = new ArrayList<>(list.items().size());
            list.items().forEach(item -> items.add(asRead(item)));
            return items;
        }
        Scalar scalar = (Scalar) node;
        return scalar.isString() ? scalar.text() : scalar;
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
            int from = starts[next];
            int at = from + indents[next];
            if (at < ends[next] && latin1[at] != '#') {
                if (next > checked && (tab && hasTab(from, ends[next]) || at == from && (starts(at, "---")
                        || starts(at, "...") || latin1[at] == '%'))) {
                    throw new Unsure();
                }
                checked = Math.max(checked, next);
                return next;
            }
            next++;
        }
        return -1;
    }

    private boolean hasTab(int from, int end) {
        for (int i = from; i < end; i++) {
            if (latin1[i] == '\t') {
                return true;
            }
        }
        return false;
    }

    /** Whether the text at {@code at} starts with {@code ascii}. */
    private boolean starts(int at, String ascii) {
        if (at + ascii.length() > latin1.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (latin1[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the content at {@code at}, in a line ending at {@code end}, is a sequence's dash. */
    private boolean dash(int at, int end) {
        return latin1[at] == '-' && (at + 1 == end || latin1[at + 1] == ' ');
    }

    /** A block mapping whose keys sit at {@code indent}, starting at the current line. */
    private Map<String, Object> mapping(int indent, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Unsure();
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        while (skip() >= 0) {
            int end = ends[next];
            int at = indents[next];
            int from = starts[next] + at;
            if (at < indent) {
                break;
            }
            if (at > indent || dash(from, end)) {
                if (at == indent) {
                    break; // a sequence at the key's indentation belongs to the enclosing key
                }
                throw new Unsure();
            }
            int colon;
            String key;
            if (latin1[from] == '"') {
                int[] close = new int[1];
                key = quoted(from, end, close);
                colon = close[0];
                if (colon >= end || latin1[colon] != ':') {
                    throw new Unsure();
                }
            } else {
                colon = plainKeyEnd(from, end);
                key = text.substring(from, colon);
            }
            next++;
            if (entries.put(key, value(colon + 1, end, indent, depth, true)) != null) {
                throw new Unsure(); // a duplicate: the full parser reports it
            }
        }
        return entries;
    }

    /** A block sequence whose dashes sit at {@code indent}, starting at the current line. */
    private List<Object> sequence(int indent, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Unsure();
        }
        List<Object> items = new ArrayList<>();
        while (skip() >= 0) {
            int end = ends[next];
            int at = indents[next];
            int from = starts[next] + at;
            if (at < indent) {
                break;
            }
            if (at > indent || !dash(from, end)) {
                if (at == indent) {
                    break; // the next key of the enclosing mapping
                }
                throw new Unsure();
            }
            if (from + 2 < end && startsEntry(from + 2, end)) {
                // "- key: value": a mapping whose first key sits on the dash's line, the others under it; the
                // line is read from there on as if its dash were a space (its content was checked as it was)
                indents[next] = at + 2;
                items.add(mapping(at + 2, depth + 1));
            } else {
                next++;
                items.add(value(from + 1, end, indent, depth, false));
            }
        }
        return items;
    }

    /**
     * The value that follows a key's colon or a dash at {@code from}, in a line (already consumed) ending at
     * {@code end}, whose key or dash sits at {@code indent}: a scalar on the line, or a block on the lines below
     * (for a key, also a sequence at the key's own indentation, as kubectl writes them).
     */
    private Object value(int from, int end, int indent, int depth, boolean key) {
        if (from == end) {
            int below = skip();
            if (below < 0) {
                return EMPTY;
            }
            int at = indents[below];
            boolean dash = dash(starts[below] + at, ends[below]);
            if (at > indent) {
                return dash ? sequence(at, depth + 1) : mapping(at, depth + 1);
            }
            if (at == indent && dash && key) {
                return sequence(at, depth + 1);
            }
            return EMPTY;
        }
        if (latin1[from] != ' ') {
            throw new Unsure();
        }
        int at = from + 1; // the scalar's first character
        Object scalar = switch (at == end ? ' ' : latin1[at]) {
            case '"' -> {
                int[] close = new int[1];
                String value = quoted(at, end, close);
                if (close[0] != end) {
                    throw new Unsure();
                }
                yield value;
            }
            case '|' -> {
                if (!key) {
                    throw new Unsure(); // spark-gen writes blocks only as a key's value
                }
                yield literal(at, end, indent);
            }
            case '{' -> {
                if (end - at != 2 || latin1[at + 1] != '}') {
                    throw new Unsure();
                }
                yield new LinkedHashMap<String, Object>();
            }
            case '[' -> {
                if (end - at != 2 || latin1[at + 1] != ']') {
                    throw new Unsure();
                }
                yield new ArrayList<Object>();
            }
            default -> plain(at, end);
        };
        int after = skip();
        if (after >= 0 && indents[after] > indent) {
            throw new Unsure(); // a plain scalar continued on the next line, or a misplaced block
        }
        return scalar;
    }

    /** Whether the text at {@code from}, in a line ending at {@code end}, is a mapping entry ({@code key: ...}). */
    private boolean startsEntry(int from, int end) {
        if (latin1[from] == '"') {
            int[] close = new int[1];
            quoted(from, end, close);
            return close[0] < end && latin1[close[0]] == ':';
        }
        int colon = keyEnd(from, end);
        if (colon == end) {
            return false;
        }
        if (!plainKey(from, colon)) {
            throw new Unsure();
        }
        return true;
    }

    /** Where a plain key ends: the first ": ", or a colon that ends the line; the line's end if neither. */
    private int keyEnd(int from, int end) {
        for (int i = from; i < end; i++) {
            if (latin1[i] == ':' && (i + 1 == end || latin1[i + 1] == ' ')) {
                return i;
            }
        }
        return end;
    }

    /**
     * Where a plain key starting at {@code from} ends, at its colon, which a space or the line's end follows; the
     * key is one this reader takes as written ({@link #plainKey}). Anything else is {@link Unsure}.
     */
    private int plainKeyEnd(int from, int end) {
        int i = from;
        while (i < end && KEY_CHARS[latin1[i] & 0xFF]) {
            i++;
        }
        if (i == from || !Character.isLetterOrDigit(latin1[from]) || i == end || latin1[i] != ':'
                || i + 1 < end && latin1[i + 1] != ' ') {
            throw new Unsure();
        }
        return i;
    }

    private static boolean[] ascii(String chars) {
        boolean[] set = new boolean[256];
        chars.chars().forEach(c -> set[c] = true);
        return set;
    }

    /**
     * A key from {@code from} to {@code end} this reader takes as written: characters no YAML reader takes for
     * anything else (any character but Latin-1's is a '?' in its bytes, which is none of them).
     */
    private boolean plainKey(int from, int end) {
        if (from == end || !Character.isLetterOrDigit(latin1[from])) {
            return false; // a byte above 0x7F is negative here: neither a letter nor a digit
        }
        for (int i = from; i < end; i++) {
            if (!KEY_CHARS[latin1[i] & 0xFF]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A plain scalar from {@code from} to the line's {@code end}, as YAML 1.2's core schema reads it. The schema is
     * asked only about text that could be other than a string: a null or boolean word (4 or 5 letters starting with
     * one of {@code nNtTfF}, or anything starting with {@code ~}), or a number, infinity or NaN (starting with a
     * digit, sign or dot, holding a digit or dot, and only {@link #NUMBER_CHARS}). Any other text is a string, as
     * the schema would say.
     */
    private Object plain(int from, int end) {
        int n = end - from;
        if (n == 0) {
            throw new Unsure();
        }
        String text = this.text.substring(from, end);
        char first = text.charAt(0);
        if (first == ' ' || first < 128 && INDICATORS[first] && !(first == '-' && n > 1 && text.charAt(1) != ' ')
                || text.charAt(n - 1) == ' ' || text.charAt(n - 1) == ':') {
            throw new Unsure();
        }
        for (int i = from + 1; i < end - 1; i++) {
            byte c = latin1[i];
            if (c == ' ' && latin1[i + 1] == '#' || c == ':' && latin1[i + 1] == ' ') {
                throw new Unsure(); // a comment, or a mapping
            }
        }
        if (first == '~' || "nNtTfF".indexOf(first) >= 0 && (n == 4 || n == 5)) {
            return resolved(text);
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
                    return text;
                }
                digitOrDot |= c >= '0' && c <= '9' || c == '.';
            }
            if (digitOrDot) {
                return resolved(text);
            }
        }
        return text;
    }

    /** A plain scalar as the core schema reads it: the text when a string, else the scalar. */
    private static Object resolved(String text) {
        Scalar scalar = Scalar.plain(ORIGIN, text);
        return scalar.isString() ? text : scalar;
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
     * A double-quoted scalar starting at {@code from} and ending on its line, which ends at {@code end};
     * {@code close[0]} is set past its closing quote. Only the escapes {@link Encode#doubleQuoted} writes, and none
     * that makes a NUL or half a surrogate pair (the full parser refuses those).
     */
    private String quoted(int from, int end, int[] close) {
        int quote = from + 1;
        while (quote < end && latin1[quote] != '"' && latin1[quote] != '\\') {
            quote++;
        }
        if (quote < end && latin1[quote] == '"') {
            close[0] = quote + 1;
            return text.substring(from + 1, quote); // no escape: the text as it stands
        }
        StringBuilder out = new StringBuilder();
        for (int i = from + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                close[0] = i + 1;
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= end) {
                throw new Unsure();
            }
            switch (text.charAt(i)) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'N' -> out.append('\u0085');
                case 'L' -> out.append('\u2028');
                case 'P' -> out.append('\u2029');
                case 'x' -> {
                    out.append(hex(i + 1, 2, end));
                    i += 2;
                }
                case 'u' -> {
                    out.append(hex(i + 1, 4, end));
                    i += 4;
                }
                default -> throw new Unsure();
            }
        }
        throw new Unsure();
    }

    private char hex(int from, int digits, int end) {
        if (from + digits > end) {
            throw new Unsure();
        }
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            int d = Character.digit(text.charAt(i), 16);
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

    /**
     * A literal block ({@code |}, with chomping and an indentation indicator; its header from {@code from} to
     * {@code end}) under a key at {@code indent}.
     */
    private String literal(int from, int end, int indent) {
        int blockIndent = -1;
        char chomp = ' ';
        for (int i = from + 1; i < end; i++) {
            char c = (char) (latin1[i] & 0xFF);
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
            int start = starts[next];
            int at = indents[next];
            if (start + at == ends[next]) {
                if (blockIndent >= 0 && at > blockIndent) {
                    newlines(text, empty).append(this.text, start + blockIndent, start + at).append('\n');
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
            newlines(text, empty).append(this.text, start + blockIndent, ends[next]).append('\n');
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
        return text.toString();
    }

    private static StringBuilder newlines(StringBuilder text, int count) {
        for (int i = 0; i < count; i++) {
            text.append('\n');
        }
        return text;
    }
}
