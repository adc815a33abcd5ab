package dev.sparkgen.source;

import dev.sparkgen.problem.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads the block-style YAML that job and profile files are written in, without SnakeYAML: the very tree
 * {@link YamlLoader}'s SnakeYAML path builds (keys in order, scalar text and values, every origin), or null when
 * the text is anything else or anything that could be a problem. It never reports one: SnakeYAML reads whatever
 * this returns null for, and stays the authority for every message.
 *
 * <p>What it reads: printable ASCII lines (no tab); blank lines and comments; block mappings whose keys are plain,
 * single-line and distinct; single-line plain, single-quoted and double-quoted (without escapes) scalars; empty
 * values (null); literal blocks ({@code |}, no indicators, no blank line); block lists, also at their key's
 * indentation, whose items are scalars, flow collections or mappings started on the item's line
 * ({@code - name: x}); flow lists and mappings ({@code [a, "b"]}, {@code {a: [b]}}) closed on their line, with
 * plain keys. Anything else (folded blocks, anchors, aliases, tags, a scalar or flow collection that goes on to
 * the next line, a line indented by a count no open block has, document markers...) is null.
 */
final class BlockYaml {

    /** Half of the loader's limits: far from them, so that no document this reads would pass one. */
    private static final int MAX_DEPTH = YamlLoader.MAX_DEPTH / 2;
    private static final long MAX_VALUES = YamlLoader.MAX_VALUES / 2;
    /** SnakeYAML looks for a key's ':' within 1024 characters; stay below. */
    private static final int MAX_KEY = 1000;
    /** The characters that cannot start a plain scalar (but '-' can, when a character that is not a space follows). */
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    private static final String FLOW_INDICATORS = ",[]{}";

    private final String name;
    private final String text;
    private final int end;
    /** The current content line: its 1-based number, where it starts, its first character that is not a space. */
    private int line = 1;
    private int lineStart;
    private int start;
    /** Columns of spaces before {@link #start}; -1 past the last content line. */
    private int indent;
    /** Where a quoted scalar or a flow collection is read up to. */
    private int pos;
    private long values;

    private BlockYaml(String name, String text) {
        this.name = name;
        this.text = text;
        this.end = text.length();
    }

    /** The file's top-level mapping as SnakeYAML's path would build it, or null: not sure, let SnakeYAML read it. */
    static MapNode read(String name, String text) {
        if (!plainLines(text)) {
            return null;
        }
        BlockYaml reader = new BlockYaml(name, text);
        reader.skipToContent(0);
        if (reader.indent < 0 || reader.isEntry(reader.start)) {
            return null;
        }
        MapNode root = reader.mapping(reader.indent, new Origin(name, reader.line, reader.indent + 1), 1);
        return root != null && reader.indent < 0 ? root : null;
    }

    /**
     * Printable ASCII and line breaks ('\r' only before '\n'), and no line that starts like a document marker.
     */
    private static boolean plainLines(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (text.startsWith("---", i + 1) || text.startsWith("...", i + 1)) {
                    return false;
                }
            } else if (c == '\r' ? i + 1 == n || text.charAt(i + 1) != '\n' : c < ' ' || c > '~') {
                return false;
            }
        }
        return !text.startsWith("---") && !text.startsWith("...");
    }

    /** A block mapping whose keys are at column {@code column}; the current line holds its first key. */
    private MapNode mapping(int column, Origin origin, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        LinkedHashMap<String, Node> entries = new LinkedHashMap<>();
        while (true) {
            int colon = keyEnd(start);
            if (colon < 0) {
                return null;
            }
            String key = text.substring(start, colon);
            if (key.equals("<<") || entries.containsKey(key)) {
                return null;
            }
            Origin keyOrigin = new Origin(name, line, column + 1);
            int p = skipSpaces(colon + 1);
            Node value;
            if (atLineEnd(p) || text.charAt(p) == '#') { // a space is before that '#': keyEnd saw one after ':'
                nextLine(lineEnd(p));
                if (indent > column) {
                    value = isEntry(start) ? sequence(indent, keyOrigin, depth + 1) : mapping(indent, keyOrigin, depth + 1);
                } else if (indent == column && isEntry(start)) {
                    value = sequence(column, keyOrigin, depth + 1);
                } else {
                    value = new Scalar(keyOrigin, "", null);
                }
            } else {
                value = inline(p, keyOrigin, column, depth + 1);
            }
            if (value == null || ++values > MAX_VALUES) {
                return null;
            }
            entries.put(key, value);
            if (indent < column) {
                return new MapNode(origin, entries);
            }
            if (indent > column || isEntry(start)) {
                return null;
            }
        }
    }

    /** A block list whose '-' are at column {@code column}; the current line holds its first item. */
    private ListNode sequence(int column, Origin origin, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        List<Node> items = new ArrayList<>();
        while (true) {
            int p = skipSpaces(start + 1);
            if (atLineEnd(p) || text.charAt(p) == '#' || isEntry(p)) {
                return null; // an empty item, or a list in a list
            }
            Origin itemOrigin = new Origin(name, line, p - lineStart + 1);
            char c = text.charAt(p);
            Node item;
            if (c != '\'' && c != '"' && keyEnd(p) >= 0) {
                start = p; // a mapping that starts on the item's line, its keys at this column
                indent = p - lineStart;
                item = mapping(indent, itemOrigin, depth + 1);
            } else {
                item = inline(p, itemOrigin, column, depth + 1);
            }
            if (item == null || ++values > MAX_VALUES) {
                return null;
            }
            items.add(item);
            if (indent < column || indent == column && !isEntry(start)) {
                return new ListNode(origin, items);
            }
            if (indent > column) {
                return null;
            }
        }
    }

    /**
     * The value that starts at {@code p} and ends its line (a comment may follow): a plain, single- or
     * double-quoted scalar, or a flow list or mapping; or a literal block scalar, on the next lines. Then moves to
     * the next content line. Null for anything else. {@code column} is the column of the block the value is in.
     */
    private Node inline(int p, Origin origin, int column, int depth) {
        char c = text.charAt(p);
        if (c == '|') {
            return literal(p, origin, column);
        }
        if (c == '[' || c == '{' || c == '\'' || c == '"') {
            pos = p;
            Node node = c == '[' || c == '{' ? flow(origin, depth) : quoted(origin);
            if (node == null) {
                return null;
            }
            int after = skipSpaces(pos);
            if (!atLineEnd(after)) {
                if (text.charAt(after) != '#' || after == pos) {
                    return null;
                }
                after = lineEnd(after);
            }
            nextLine(after);
            return node;
        }
        if (INDICATORS.indexOf(c) >= 0 && (c != '-' || p + 1 == end || isBlank(text.charAt(p + 1)))) {
            return null;
        }
        int i = p;
        int last = p;
        while (!atLineEnd(i)) {
            char d = text.charAt(i);
            if (d == ':' && (i + 1 == end || isBlank(text.charAt(i + 1)))) {
                return null;
            }
            if (d == '#' && text.charAt(i - 1) == ' ') {
                break;
            }
            if (d != ' ') {
                last = i + 1;
            }
            i++;
        }
        String value = text.substring(p, last);
        nextLine(lineEnd(i));
        return new Scalar(origin, value, CoreSchema.resolve(value));
    }

    /**
     * A literal block scalar ('|' and the line's end) whose lines are all indented at least as its first, deeper than
     * {@code column}: the lines after that indentation, each with its line break; then moves to the next content
     * line. Null for any other (indicators, a blank line in or after it...).
     */
    private Scalar literal(int p, Origin origin, int column) {
        int b = skipSpaces(p + 1);
        if (!atLineEnd(b)) {
            return null;
        }
        StringBuilder value = new StringBuilder();
        int first = -1;
        while (true) {
            b = lineEnd(b);
            if (b < end && text.charAt(b) == '\r') {
                b++;
            }
            if (b == end) { // the text ends without a line break after the last line
                value.setLength(Math.max(0, value.length() - 1));
                indent = -1;
                break;
            }
            line++;
            b++;
            if (b == end) {
                indent = -1;
                break;
            }
            int s = skipSpaces(b);
            if (atLineEnd(s)) {
                return null;
            }
            if (first < 0 && s - b <= column) {
                return null;
            }
            if (s - b < first) {
                skipToContent(b);
                break;
            }
            if (first < 0) {
                first = s - b;
            }
            value.append(text, b + first, lineEnd(s)).append('\n');
        }
        if (first < 0) {
            return null;
        }
        String literal = value.toString();
        return new Scalar(origin, literal, literal);
    }

    /** The single- or double-quoted scalar at {@link #pos}, which it leaves past the closing quote; null if none. */
    private Scalar quoted(Origin origin) {
        char quote = text.charAt(pos);
        StringBuilder unquoted = null;
        int from = pos + 1;
        int i = from;
        while (true) {
            if (atLineEnd(i) || quote == '"' && text.charAt(i) == '\\') {
                return null; // goes on to the next line, or an escape
            }
            if (text.charAt(i) == quote) {
                if (quote != '\'' || i + 1 == end || text.charAt(i + 1) != '\'') {
                    break;
                }
                unquoted = (unquoted == null ? new StringBuilder() : unquoted).append(text, from, i + 1);
                from = i + 2;
                i++;
            }
            i++;
        }
        String value = unquoted == null ? text.substring(from, i) : unquoted.append(text, from, i).toString();
        pos = i + 1;
        return new Scalar(origin, value, value);
    }

    /**
     * The flow list ({@code [a, b]}) or mapping ({@code {a: b}}) at {@link #pos}, closed on its line, which it leaves
     * past the closing bracket; its items are scalars and flow collections, its keys plain. Null for anything else.
     */
    private Node flow(Origin origin, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        boolean list = text.charAt(pos) == '[';
        char close = list ? ']' : '}';
        List<Node> items = new ArrayList<>();
        LinkedHashMap<String, Node> entries = new LinkedHashMap<>();
        pos = skipSpaces(pos + 1);
        boolean empty = pos < end && text.charAt(pos) == close;
        while (!empty) {
            String key = null;
            Origin itemOrigin = new Origin(name, line, pos - lineStart + 1);
            if (!list) {
                int from = pos;
                key = flowPlain();
                if (key == null || pos != from + key.length() || !text.startsWith(": ", pos) || key.equals("<<")
                        || entries.containsKey(key)) {
                    return null;
                }
                pos = skipSpaces(pos + 1);
            }
            Node value = flowValue(itemOrigin, depth + 1);
            if (value == null || ++values > MAX_VALUES) {
                return null;
            }
            if (list) {
                items.add(value);
            } else {
                entries.put(key, value);
            }
            pos = skipSpaces(pos);
            if (pos < end && text.charAt(pos) == close) {
                break;
            }
            if (pos == end || text.charAt(pos) != ',') {
                return null;
            }
            pos = skipSpaces(pos + 1);
        }
        pos++;
        return list ? new ListNode(origin, items) : new MapNode(origin, entries);
    }

    /** A value in a flow collection, at {@link #pos}: a scalar or a flow collection; null for anything else. */
    private Node flowValue(Origin origin, int depth) {
        if (pos == end) {
            return null;
        }
        char c = text.charAt(pos);
        if (c == '[' || c == '{') {
            return flow(origin, depth);
        }
        if (c == '\'' || c == '"') {
            return quoted(origin);
        }
        String value = flowPlain();
        return value == null ? null : new Scalar(origin, value, CoreSchema.resolve(value));
    }

    /**
     * The plain scalar at {@link #pos} in a flow collection, ended by the line's end, a comment, one of ",?[]{}", or
     * ':' before a space or one of those; {@link #pos} is left after its trailing spaces. Null if none starts there.
     */
    private String flowPlain() {
        if (atLineEnd(pos)) {
            return null;
        }
        char c = text.charAt(pos);
        if (INDICATORS.indexOf(c) >= 0 && (c != '-' || pos + 1 == end || flowEnd(text.charAt(pos + 1)))) {
            return null;
        }
        int i = pos;
        int last = pos;
        while (!atLineEnd(i)) {
            char d = text.charAt(i);
            if (FLOW_INDICATORS.indexOf(d) >= 0 || d == '?' || d == ':' && (i + 1 == end || flowEnd(text.charAt(i + 1)))
                    || d == '#' && text.charAt(i - 1) == ' ') {
                break;
            }
            if (d != ' ') {
                last = i + 1;
            }
            i++;
        }
        String value = text.substring(pos, last);
        pos = i;
        return value;
    }

    /** A character that ends a plain scalar in a flow collection when it follows ':'. */
    private static boolean flowEnd(char c) {
        return isBlank(c) || FLOW_INDICATORS.indexOf(c) >= 0;
    }

    /** Where the plain key that starts at {@code p} ends with ": " or ':' and the line's end; -1 for any other. */
    private int keyEnd(int p) {
        if (INDICATORS.indexOf(text.charAt(p)) >= 0) {
            return -1;
        }
        int limit = Math.min(end, p + MAX_KEY);
        for (int i = p + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '#' && text.charAt(i - 1) == ' ') {
                return -1;
            }
            if (c == ':' && (i + 1 == end || isBlank(text.charAt(i + 1)))) {
                return text.charAt(i - 1) == ' ' ? -1 : i;
            }
        }
        return -1;
    }

    /** A list item's '-' at {@code p}. */
    private boolean isEntry(int p) {
        return p < end && text.charAt(p) == '-' && (p + 1 == end || isBlank(text.charAt(p + 1)));
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\n' || c == '\r';
    }

    private boolean atLineEnd(int p) {
        return p == end || text.charAt(p) == '\n' || text.charAt(p) == '\r';
    }

    private int skipSpaces(int p) {
        while (p < end && text.charAt(p) == ' ') {
            p++;
        }
        return p;
    }

    private int lineEnd(int p) {
        while (!atLineEnd(p)) {
            p++;
        }
        return p;
    }

    /** From the end of the current line to the next line that holds more than spaces and a comment. */
    private void nextLine(int lineEnd) {
        int p = lineAfter(lineEnd);
        if (p >= 0) {
            skipToContent(p);
        }
    }

    /** From the start of a line to the first line, this one or a later one, with more than spaces and a comment. */
    private void skipToContent(int p) {
        while (p >= 0) {
            int q = skipSpaces(p);
            if (q < end && !atLineEnd(q) && text.charAt(q) != '#') {
                lineStart = p;
                start = q;
                indent = q - p;
                return;
            }
            p = lineAfter(lineEnd(q));
        }
    }

    /**
     * Where the line after the one that ends at {@code lineEnd} starts, counting it; -1, with {@link #indent} -1,
     * when the text ends there.
     */
    private int lineAfter(int lineEnd) {
        int p = lineEnd < end && text.charAt(lineEnd) == '\r' ? lineEnd + 1 : lineEnd;
        if (p == end) {
            indent = -1;
            return -1;
        }
        line++;
        return p + 1;
    }
}
