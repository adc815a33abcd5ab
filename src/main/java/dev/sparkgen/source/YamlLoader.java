package dev.sparkgen.source;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problems;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads one YAML document into {@link Node}s that remember where each value was written, with limits on size,
 * depth and alias expansion, so that no input can make spark-gen hang or run out of memory.
 *
 * <p>What it accepts, and what each thing becomes:
 * <ul>
 *   <li>Plain scalars resolve by YAML 1.2's core schema: {@code true}/{@code false} are booleans, {@code null},
 *       {@code ~} and nothing are null, {@code 10}, {@code 0o17}, {@code 0x1F} integers, {@code 1.5}, {@code 1e3},
 *       {@code .inf}, {@code .nan} floats, and everything else (YAML 1.1's {@code on}, {@code no}, {@code y},
 *       {@code 0777} as a date or sexagesimal...) a string. Every scalar also keeps its text as written.</li>
 *   <li>The standard tags {@code !!str}, {@code !!int}, {@code !!float}, {@code !!bool}, {@code !!null},
 *       {@code !!map}, {@code !!seq}; any other tag ({@code !!java.lang...}, {@code !custom}) is refused.</li>
 *   <li>Anchors and aliases resolve to the anchored value; the document's size after expansion is bounded.
 *       Merge keys ({@code <<}) are refused: they are YAML 1.1, and silently wrong elsewhere.</li>
 *   <li>Duplicate keys, several documents, NUL characters, non-UTF-8 bytes are refused.</li>
 * </ul>
 */
public final class YamlLoader {

    /** Job and profile files are small: a megabyte is far more than any needs. */
    public static final int MAX_BYTES = 1 << 20;
    /** Nesting deeper than this is no Spark job. */
    public static final int MAX_DEPTH = 64;
    /** Values in one document, counting every use of an alias in full. */
    public static final long MAX_VALUES = 100_000;
    /**
     * The UTF-8 bytes of the keys and scalars of one document, counting every use of an alias in full: no more
     * than a file may hold, so aliases cannot make a document bigger than one written out without them.
     */
    public static final long MAX_EXPANDED_BYTES = MAX_BYTES;

    private static final String TAG = "tag:yaml.org,2002:";

    private YamlLoader() {
    }

    /** Reads a file ({@link SourceFile}) as one YAML document whose top level is a mapping; null, with problems. */
    public static MapNode loadMapping(java.nio.file.Path file, String display, Problems problems) {
        byte[] bytes = SourceFile.read(file, display, problems);
        return bytes == null ? null : loadMapping(display, bytes, problems);
    }

    /**
     * Loads a file's bytes as one YAML document whose top level must be a mapping; null (with problems added)
     * when it is not. The block-style YAML most files are written in is read by {@link BlockYaml}, without
     * SnakeYAML; SnakeYAML reads everything else, and says what is wrong with it.
     */
    public static MapNode loadMapping(String name, byte[] bytes, Problems problems) {
        String text = decode(name, bytes, problems);
        if (text == null) {
            return null;
        }
        MapNode plain = BlockYaml.read(name, text);
        return plain != null ? plain : loadMapping(name, bytes, text, problems);
    }

    /** {@link #loadMapping(String, byte[], Problems)} with SnakeYAML, for text decoded from these bytes. */
    static MapNode loadMapping(String name, byte[] bytes, String text, Problems problems) {
        // Without a backslash no scalar holds an escape, so none can hold what checkText looks for; in an ASCII file
        // (as many characters as bytes) each scalar's UTF-8 length is its length.
        boolean plainAscii = bytes.length - bomLength(bytes) == text.length() && text.indexOf('\\') < 0;
        Node root = new Builder(name, 0, 0, 0, plainAscii, problems).build(text);
        if (root == null) {
            return null;
        }
        if (root instanceof MapNode map) {
            return map;
        }
        if (root instanceof Scalar s && s.isNull()) {
            problems.error(Origin.of(name), "the file holds no values", "expected a mapping of keys to values");
        } else {
            problems.error(root.origin(), "the top level is " + root.describe() + ", expected a mapping of keys to values");
        }
        return null;
    }

    /**
     * Loads text as one YAML document (any value at the top). {@code line} and {@code column} shift the origins,
     * for text that sits inside something else (a {@code --set} value at a column of its argument).
     */
    public static Node load(String name, String text, int line, int column, Problems problems) {
        return load(name, text, line, column, 0, problems);
    }

    /**
     * Loads text as a value that will sit {@code depth} levels deep in a document (a {@code --set} value under its
     * path), so the depth limit counts those levels too.
     */
    public static Node load(String name, String text, int line, int column, int depth, Problems problems) {
        return new Builder(name, line, column, depth, false, problems).build(text);
    }

    /** Decodes strict UTF-8 (a leading byte-order mark is dropped); null, with a problem, for anything else. */
    public static String decode(String name, byte[] bytes, Problems problems) {
        if (bytes.length > MAX_BYTES) {
            problems.error(Origin.of(name), "the file is " + bytes.length + " bytes, more than spark-gen reads ("
                    + MAX_BYTES + ")", "a job or profile file is a few kilobytes of YAML");
            return null;
        }
        int start = bomLength(bytes);
        // Most files are valid: decode them in one go. Bad bytes decode as U+FFFD and a NUL byte as U+0000: then
        // (or for a file that writes U+FFFD itself) the strict decoding below finds the first problem.
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (text.indexOf(0) < 0 && text.indexOf(0xFFFD) < 0) {
            return text;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                problems.error(at(name, bytes, i), "the file holds NUL bytes: it is binary, not YAML");
                return null;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            problems.error(at(name, bytes, bad), String.format("the file is not UTF-8 text (byte 0x%02X)", bytes[bad] & 0xFF),
                    "save it as UTF-8");
            return null;
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** 3 when the bytes start with UTF-8's byte-order mark, else 0. */
    private static int bomLength(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    private static Origin at(String name, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Origin(name, line, offset - lineStart + 1);
    }

    /** A character YAML does not allow, where SnakeYAML's reader found it (a code point index), and what it is. */
    private static void unprintable(String name, String text, ReaderException e, int lineShift, int columnShift,
                                    Problems problems) {
        int line = 1;
        int column = 1;
        int index = 0;
        for (int i = 0; i < text.length() && index < e.getPosition(); index++) {
            int c = text.codePointAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(c);
        }
        int c = e.getCodePoint();
        problems.error(new Origin(name, line + lineShift, column + (line == 1 ? columnShift : 0)),
                String.format("the control character U+%04X is not allowed in YAML", c),
                c == 0 ? "a NUL cannot be passed to a process or written to a file"
                        : String.format("write it as the escape \\u%04X in a double-quoted string", c));
    }

    /** Turns SnakeYAML's events into nodes, one frame per open mapping or list. */
    private static final class Builder {

        private final String name;
        private final int lineShift;
        private final int columnShift;
        private final Problems problems;
        private final Map<String, Node> anchors = new HashMap<>();
        private final Map<String, Weight> anchorWeights = new HashMap<>();
        private final Set<String> openAnchors = new HashSet<>();
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final int depthShift;
        /** The text has no backslash and is ASCII: {@link #checkText} need not look at a scalar. */
        private final boolean plainAscii;
        private Node root;
        /** The UTF-8 bytes of the keys and scalars built so far, aliases counted in full. */
        private long bytes;

        Builder(String name, int lineShift, int columnShift, int depthShift, boolean plainAscii, Problems problems) {
            this.name = name;
            this.lineShift = lineShift;
            this.columnShift = columnShift;
            this.depthShift = depthShift;
            this.plainAscii = plainAscii;
            this.problems = problems;
        }

        Node build(String text) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(MAX_BYTES + 1);
            options.setNestingDepthLimit(MAX_DEPTH + 8);
            options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both places
            ParserImpl parser = new ParserImpl(new StreamReader(text), options);
            int documents = 0;
            try {
                while (true) {
                    Event event = parser.getEvent();
                    switch (event.getEventId()) {
                        case StreamEnd -> {
                            if (documents == 0) {
                                problems.error(origin(event.getStartMark()), "the file holds no YAML document",
                                        "expected a mapping of keys to values");
                                return null;
                            }
                            return root;
                        }
                        case DocumentStart -> {
                            if (++documents > 1) {
                                throw stop(event.getStartMark(), "a second YAML document starts here",
                                        "a file holds one document: remove the '---' line or split the file");
                            }
                        }
                        case MappingStart, SequenceStart -> open((CollectionStartEvent) event);
                        case MappingEnd, SequenceEnd -> close();
                        case Scalar -> scalar((ScalarEvent) event);
                        case Alias -> alias((AliasEvent) event);
                        default -> {
                            // StreamStart, DocumentEnd, comments: nothing to build
                        }
                    }
                }
            } catch (Stop stop) {
                return null;
            } catch (ReaderException e) {
                unprintable(name, text, e, lineShift, columnShift, problems);
                return null;
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String context = e.getContext() != null && e.getContextMark() != null && mark != e.getContextMark()
                        ? " (" + e.getContext() + " at line " + (e.getContextMark().getLine() + 1 + lineShift) + ")"
                        : "";
                problems.error(mark == null ? Origin.of(name) : origin(mark),
                        "invalid YAML: " + e.getProblem() + context);
                return null;
            } catch (YAMLException e) {
                problems.error(Origin.of(name), "invalid YAML: " + e.getMessage());
                return null;
            }
        }

        private Origin origin(Mark mark) {
            int line = mark.getLine() + 1;
            return new Origin(name, line + lineShift, mark.getColumn() + 1 + (line == 1 ? columnShift : 0));
        }

        private Stop stop(Mark mark, String message, String hint) {
            problems.error(origin(mark), message, hint);
            return new Stop();
        }

        /** Where the value that starts with this event was written: its key, or itself as a list item. */
        private Origin valueOrigin(Event event) {
            Frame top = stack.peek();
            if (top instanceof MapFrame map && map.key != null) {
                return map.keyOrigin;
            }
            return origin(event.getStartMark());
        }

        private boolean atKey() {
            return stack.peek() instanceof MapFrame map && map.key == null;
        }

        private void open(CollectionStartEvent event) {
            boolean mapping = event.getEventId() == Event.ID.MappingStart;
            if (atKey()) {
                throw stop(event.getStartMark(), "a key must be a string, not " + (mapping ? "a mapping" : "a list"), null);
            }
            String tag = event.getTag();
            if (tag != null && !tag.equals("!") && !tag.equals(TAG + (mapping ? "map" : "seq"))) {
                throw unsupportedTag(event, tag);
            }
            if (depthShift + stack.size() >= MAX_DEPTH) {
                throw tooDeep(event.getStartMark());
            }
            Frame frame = mapping ? new MapFrame() : new ListFrame();
            frame.origin = valueOrigin(event);
            frame.anchor = anchorOf(event);
            frame.bytesBefore = bytes;
            stack.push(frame);
        }

        private void close() {
            Frame frame = stack.pop();
            Node node = frame instanceof MapFrame map
                    ? new MapNode(map.origin, map.entries)
                    : new ListNode(frame.origin, ((ListFrame) frame).items);
            Weight weight = new Weight(frame.weight, bytes - frame.bytesBefore, frame.levels);
            if (frame.anchor != null) {
                openAnchors.remove(frame.anchor);
                anchors.put(frame.anchor, node);
                anchorWeights.put(frame.anchor, weight);
            }
            add(node, weight, frame.origin);
        }

        private Stop tooDeep(Mark mark) {
            return stop(mark, "the document nests deeper than " + MAX_DEPTH + " levels", null);
        }

        private void scalar(ScalarEvent event) {
            String value = event.getValue();
            if (atKey()) {
                key(event, value);
                return;
            }
            long length = checkText(event, value);
            Scalar scalar = new Scalar(valueOrigin(event), value, resolve(event));
            Weight weight = new Weight(1, length, 0);
            bytes += weight.bytes();
            String anchor = anchorOf(event);
            if (anchor != null) {
                anchors.put(anchor, scalar);
                anchorWeights.put(anchor, weight);
            }
            add(scalar, weight, scalar.origin());
        }

        private void key(ScalarEvent event, String key) {
            MapFrame map = (MapFrame) stack.peek();
            String tag = event.getTag();
            if (tag != null && !tag.equals("!") && !tag.equals(TAG + "str")) {
                throw stop(event.getStartMark(), "a key must be a plain string, not tagged " + tag, null);
            }
            if (event.isPlain() && key.equals("<<")) {
                throw stop(event.getStartMark(), "YAML merge keys ('<<') are not supported",
                        "write the keys out, or put an alias on a whole value ('key: *anchor')");
            }
            long length = checkText(event, key);
            Origin origin = origin(event.getStartMark());
            Node firstValue = map.entries.get(key); // its origin is its key's
            Origin first = firstValue == null ? null : firstValue.origin();
            if (first != null) {
                problems.error(origin, "duplicate key '" + key + "' (first written at line " + first.line() + ")",
                        "YAML keeps only one of them: remove the other");
                map.duplicate = true;
            }
            map.key = key;
            map.keyOrigin = origin;
            bytes += length;
        }

        /**
         * Escapes in double-quoted scalars can make what the file cannot hold: a NUL (which no process argument,
         * environment variable or bash variable can carry) or half of a surrogate pair (not a character at all).
         * Returns the text's UTF-8 bytes ({@link #utf8Length}), counted in the same look at an ASCII text.
         */
        private long checkText(ScalarEvent event, String text) {
            if (plainAscii) {
                return text.length();
            }
            boolean ascii = true;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    ascii = false;
                }
                if (c == 0) {
                    throw stop(event.getStartMark(), "the value holds a NUL character (\\0)",
                            "no process argument, environment variable or file that Spark reads can carry it");
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw stop(event.getStartMark(), String.format("the value holds \\u%04X, half of a surrogate pair",
                            (int) c), "it is not a character: write the character itself, or \\U and its code point");
                }
            }
            return ascii ? text.length() : utf8Length(text);
        }

        private void alias(AliasEvent event) {
            String anchor = event.getAnchor();
            if (atKey()) {
                throw stop(event.getStartMark(), "an alias cannot be a key", null);
            }
            Node node = anchors.get(anchor);
            if (node == null) {
                throw stop(event.getStartMark(), openAnchors.contains(anchor)
                        ? "the alias *" + anchor + " refers to a value that contains it"
                        : "the alias *" + anchor + " refers to no anchor &" + anchor + " before it", null);
            }
            Origin origin = valueOrigin(event);
            Weight weight = anchorWeights.get(anchor);
            if (depthShift + stack.size() + weight.levels() > MAX_DEPTH) {
                throw tooDeep(event.getStartMark());
            }
            bytes += weight.bytes();
            if (bytes > MAX_EXPANDED_BYTES) {
                problems.error(origin, "aliases expand the document to more than " + MAX_EXPANDED_BYTES + " bytes",
                        "the alias *" + anchor + " adds " + weight.bytes() + " bytes: use each anchor a few times at most");
                throw new Stop();
            }
            add(node.at(origin), weight, origin);
        }

        private void add(Node node, Weight weight, Origin origin) {
            Frame parent = stack.peek();
            if (parent == null) {
                root = node;
                return;
            }
            parent.weight += weight.values();
            parent.levels = Math.max(parent.levels, weight.levels() + 1);
            if (parent.weight > MAX_VALUES) {
                problems.error(origin, "aliases expand the document to more than " + MAX_VALUES + " values",
                        "use each anchor a few times at most");
                throw new Stop();
            }
            if (parent instanceof MapFrame map) {
                if (!map.duplicate) {
                    map.entries.put(map.key, node);
                }
                map.key = null;
                map.duplicate = false;
            } else {
                ((ListFrame) parent).items.add(node);
            }
        }

        private String anchorOf(NodeEvent event) {
            String anchor = event.getAnchor();
            if (anchor != null && event instanceof CollectionStartEvent) {
                openAnchors.add(anchor);
            }
            return anchor;
        }

        private Object resolve(ScalarEvent event) {
            String text = event.getValue();
            String tag = event.getTag();
            if (tag != null && !tag.equals("!")) {
                Object value = switch (tag) {
                    case TAG + "str" -> text;
                    case TAG + "null" -> CoreSchema.isNull(text) ? null : CoreSchema.INVALID;
                    case TAG + "bool" -> CoreSchema.bool(text);
                    case TAG + "int" -> CoreSchema.integer(text);
                    case TAG + "float" -> CoreSchema.floating(text);
                    default -> throw unsupportedTag(event, tag);
                };
                if (value == CoreSchema.INVALID) {
                    throw stop(event.getStartMark(), "'" + text + "' is not a valid " + tag.substring(TAG.length()), null);
                }
                return value;
            }
            return event.isPlain() && (tag == null) ? CoreSchema.resolve(text) : text;
        }

        private Stop unsupportedTag(NodeEvent event, String tag) {
            return stop(event.getStartMark(), "the tag " + tag.replace(TAG, "!!") + " is not supported",
                    "spark-gen reads plain data: strings, numbers, booleans, null, lists and mappings");
        }
    }

    /** UTF-8 bytes of a string, without encoding it (a lone surrogate counts as the 3 bytes of '?'). */
    static long utf8Length(String s) {
        long length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /**
     * What a value adds to its document wherever it is used: its values (itself included), the bytes of its keys
     * and scalars, and how many levels of mappings and lists it nests.
     */
    private record Weight(long values, long bytes, int levels) {
    }

    private abstract static class Frame {
        Origin origin;
        String anchor;
        long weight = 1;
        long bytesBefore;
        int levels = 1;
    }

    private static final class MapFrame extends Frame {
        final LinkedHashMap<String, Node> entries = new LinkedHashMap<>();
        String key;
        Origin keyOrigin;
        boolean duplicate;
    }

    private static final class ListFrame extends Frame {
        final List<Node> items = new ArrayList<>();
    }

    /** Unwinds the builder after a problem that ends the document has been recorded. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
