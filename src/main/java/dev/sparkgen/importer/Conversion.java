package dev.sparkgen.importer;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.schema.Suggestions;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One conversion under way: the job being built, the problems found (a warning for everything that is not
 * carried over as it was), and a note for each field that came from a SparkApplication field of another name,
 * which the written job shows as a comment above it.
 */
final class Conversion {

    final String file;
    final Problems problems = new Problems();
    final Draft job;
    /** Comments above fields of the job, by their path ({@code driver.labels}). */
    final Map<String, String> notes = new TreeMap<>();

    Conversion(String file, Origin origin) {
        this.file = file;
        this.job = new Draft(origin);
    }

    void warn(Node at, String message, String hint) {
        problems.warning(at.origin(), message, hint);
    }

    void note(String path, String text) {
        notes.merge(path, text, (a, b) -> a.equals(b) ? a : a + "; " + b);
    }

    /** A field this converter does not know: a warning, with the closest known field when there is one. */
    void unknown(String path, Node at, String key, Collection<String> known) {
        String closest = Suggestions.closest(key, known);
        warn(at, path + " is not a SparkApplication v1beta2 field spark-gen knows: not carried over",
                closest != null ? "did you mean '" + closest + "'?" : "carry it over by hand if it matters");
    }

    /**
     * True when the value is a mapping; otherwise (and present) an error at it: the operator's schema wants a
     * mapping there, so the SparkApplication is invalid input, which the rest of the conversion skips.
     */
    boolean isMapping(String path, Node node) {
        if (node instanceof MapNode) {
            return true;
        }
        if (!absent(node)) {
            problems.error(node.origin(), path + " is " + node.describe() + ", expected a mapping",
                    "the SparkApplication's schema wants a mapping here");
        }
        return false;
    }

    // ---------------------------------------------------------------- node helpers

    static boolean absent(Node node) {
        return node == null || node instanceof Scalar s && s.isNull();
    }

    /** A scalar as a string value (Kubernetes fields that are strings may be written as numbers); others as they are. */
    static Node text(Node node) {
        return node instanceof Scalar s && !s.isNull() && !s.isString() ? Scalar.string(s.origin(), s.text()) : node;
    }

    static String textOf(Node node) {
        return node instanceof Scalar s && !s.isNull() ? s.text() : null;
    }

    /** A copy without null values, which Kubernetes reads as absent and spark-gen's schema refuses. */
    static Node clean(Node node) {
        if (node instanceof MapNode map) {
            Map<String, Node> entries = new LinkedHashMap<>();
            map.entries().forEach((key, value) -> {
                if (!absent(value)) {
                    entries.put(key, clean(value));
                }
            });
            return new MapNode(map.origin(), entries);
        }
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>();
            list.items().stream().filter(item -> !absent(item)).forEach(item -> items.add(clean(item)));
            return new ListNode(list.origin(), items);
        }
        return node;
    }

    /** Plain data (maps, lists, strings, booleans, numbers) as nodes said to be written at {@code origin}. */
    static Node node(Object plain, Origin origin) {
        if (plain instanceof Map<?, ?> map) {
            Map<String, Node> entries = new LinkedHashMap<>();
            map.forEach((key, value) -> entries.put(String.valueOf(key), node(value, origin)));
            return new MapNode(origin, entries);
        }
        if (plain instanceof List<?> list) {
            return new ListNode(origin, list.stream().map(item -> node(item, origin)).toList());
        }
        return plain instanceof String s ? Scalar.string(origin, s) : new Scalar(origin, String.valueOf(plain), plain);
    }

    /** A node as plain maps, lists and texts. */
    static Object plain(Node node) {
        if (node instanceof MapNode map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.entries().forEach((key, value) -> plain.put(key, plain(value)));
            return plain;
        }
        if (node instanceof ListNode list) {
            return list.items().stream().map(Conversion::plain).toList();
        }
        return textOf(node);
    }

    /** True when a node holds the same data as plain maps, lists and scalars (compared as text). */
    static boolean sameData(Node node, Object plain) {
        if (node instanceof MapNode map && plain instanceof Map<?, ?> other) {
            return map.entries().size() == other.size() && other.entrySet().stream()
                    .allMatch(e -> map.get(String.valueOf(e.getKey())) != null
                            && sameData(map.get(String.valueOf(e.getKey())), e.getValue()));
        }
        if (node instanceof ListNode list && plain instanceof List<?> other) {
            if (list.items().size() != other.size()) {
                return false;
            }
            for (int i = 0; i < other.size(); i++) {
                if (!sameData(list.items().get(i), other.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return String.valueOf(plain).equals(textOf(node));
    }

    /** A list field of a draft with one more item (the list created when absent). */
    static void append(Draft draft, String key, Node item) {
        List<Node> all = new ArrayList<>(items(draft.node(key)));
        all.add(item);
        draft.put(key, new ListNode(item.origin(), all));
    }

    /** A short rendering of a value for a message: a scalar's text, else what it is. */
    static String shown(Node node) {
        String text = textOf(node);
        return "'" + dev.sparkgen.problem.Quote.abbreviate(text != null ? text : dev.sparkgen.problem.Quote.flow(plain(node))) + "'";
    }

    static Map<String, Node> entries(Node node) {
        return node instanceof MapNode map ? map.entries() : Map.of();
    }

    static List<Node> items(Node node) {
        return node instanceof ListNode list ? list.items() : List.of();
    }

    static Scalar string(Origin origin, String text) {
        return Scalar.string(origin, text);
    }

    static MapNode map(Origin origin, Object... keysAndValues) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.put((String) keysAndValues[i], (Node) keysAndValues[i + 1]);
        }
        return new MapNode(origin, entries);
    }
}
