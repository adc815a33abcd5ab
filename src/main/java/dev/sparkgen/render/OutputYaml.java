package dev.sparkgen.render;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.util.ArrayList;
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

    private final String[] lines;
    /** Each line's indentation, worked out once: the reader asks several times. */
    private final int[] indents;
    private int next;
    /** The last line whose content {@link #skip} has checked. */
    private int checked = -1;

    private OutputYaml(String text) {
        String[] split = text.split("\n", -1);
        // a final newline ends the last line; it does not start another
        this.lines = text.endsWith("\n") ? java.util.Arrays.copyOf(split, split.length - 1) : split;
        this.indents = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            indents[i] = indent(lines[i]);
        }
    }

    /** The document's top-level mapping, or null when the text is not in the form this class reads. */
    static MapNode read(String text) {
        if (!plainText(text)) {
            return null;
        }
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

    /** Characters YAML reads as text; no CR, no YAML 1.1 line breaks (NEL, LS, PS), no BOM, no lone surrogate. */
    private static boolean plainText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue;
            }
            if (c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029
                    || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Thrown for anything this reader does not handle: the caller falls back to the full parser. */
    private static final class Unsure extends RuntimeException {

        Unsure() {
            super(null, null, false, false);
        }
    }

    /** Moves past blank and comment lines; the index of the next line with content, or -1 at the end. */
    private int skip() {
        while (next < lines.length) {
            String line = lines[next];
            int indent = indents[next];
            if (indent < line.length() && line.charAt(indent) != '#') {
                if (next > checked && (line.indexOf('\t') >= 0 || line.startsWith("---") || line.startsWith("...")
                        || line.startsWith("%"))) {
                    throw new Unsure();
                }
                checked = Math.max(checked, next);
                return next;
            }
            next++;
        }
        return -1;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
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
                colon = keyEnd(line, at);
                key = line.substring(at, colon);
                if (colon == line.length() || !plainKey(key)) {
                    throw new Unsure();
                }
            }
            if (entries.containsKey(key)) {
                throw new Unsure(); // a duplicate: the full parser reports it
            }
            next++;
            entries.put(key, value(line, colon + 1, indent, depth, true));
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
                // "- key: value": a mapping whose first key sits on the dash's line, the others under it
                lines[next] = " ".repeat(at + 2) + line.substring(at + 2);
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
            default -> plain(text);
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

    /** A key this reader takes as written: characters no YAML reader takes for anything else. */
    private static boolean plainKey(String key) {
        if (key.isEmpty() || !Character.isLetterOrDigit(key.charAt(0)) || key.charAt(0) > 0x7F) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "._/-".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** A plain scalar on one line, as YAML 1.2's core schema reads it. */
    private static Scalar plain(String text) {
        if (text.isEmpty() || text.charAt(0) == ' ' || text.endsWith(" ") || text.endsWith(":")
                || text.contains(" #") || text.contains(": ")
                || "-?:,[]{}#&*!|>'\"%@`".indexOf(text.charAt(0)) >= 0
                && !(text.charAt(0) == '-' && text.length() > 1 && text.charAt(1) != ' ')) {
            throw new Unsure();
        }
        return Scalar.plain(ORIGIN, text);
    }

    /**
     * A double-quoted scalar starting at {@code from} and ending on the same line; {@code end[0]} is set past its
     * closing quote. Only the escapes {@link Encode#doubleQuoted} writes, and none that makes a NUL or half a
     * surrogate pair (the full parser refuses those).
     */
    private static String quoted(String line, int from, int[] end) {
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
        List<String> content = new ArrayList<>();
        while (next < lines.length) {
            String line = lines[next];
            int at = indents[next];
            if (at == line.length()) {
                if (blockIndent >= 0 && at > blockIndent) {
                    content.add(line.substring(blockIndent));
                } else if (blockIndent < 0 && at > indent) {
                    throw new Unsure(); // leading blank lines deeper than the first line: YAML's own corner
                } else {
                    content.add("");
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
            content.add(line.substring(blockIndent));
            next++;
        }
        if (blockIndent < 0) {
            throw new Unsure();
        }
        int last = content.size();
        while (last > 0 && content.get(last - 1).isEmpty()) {
            last--;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < last; i++) {
            text.append(content.get(i)).append('\n');
        }
        int trailing = content.size() - last;
        if (chomp == '-' && text.length() > 0) {
            text.setLength(text.length() - 1);
        } else if (chomp == '+') {
            text.append("\n".repeat(trailing));
        }
        if (last == 0 && chomp != '+') {
            text.setLength(0);
        }
        return Scalar.string(ORIGIN, text.toString());
    }
}
