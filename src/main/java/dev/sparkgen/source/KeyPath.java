package dev.sparkgen.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path into a document: keys and list indexes. It prints the way {@code --set} reads it:
 * {@code driver.cores}, {@code sparkConf."spark.ui.port"}, {@code arguments[0]}.
 */
public record KeyPath(List<Object> segments) {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");

    public KeyPath {
        segments = List.copyOf(segments);
    }

    public static KeyPath of(Object... segments) {
        return new KeyPath(List.of(segments));
    }

    public KeyPath child(Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new KeyPath(longer);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The last key, or null at the root or after an index. */
    public String lastKey() {
        return segments.isEmpty() || !(segments.get(segments.size() - 1) instanceof String s) ? null : s;
    }

    /** The node at this path in {@code root}, or null when it is not there. */
    public Node find(Node root) {
        Node node = root;
        for (Object segment : segments) {
            if (segment instanceof Integer index && node instanceof ListNode list && index < list.items().size()) {
                node = list.items().get(index);
            } else if (segment instanceof String key && node instanceof MapNode map && map.get(key) != null) {
                node = map.get(key);
            } else {
                return null;
            }
        }
        return node;
    }

    /** The deepest node on this path that exists in {@code root}: where a missing value would be written. */
    public Node findNearest(Node root) {
        Node node = root;
        for (Object segment : segments) {
            Node next = KeyPath.of(segment).find(node);
            if (next == null) {
                return node;
            }
            node = next;
        }
        return node;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                String key = (String) segment;
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(PLAIN.matcher(key).matches() ? key : '"' + key + '"');
            }
        }
        return out.toString();
    }
}
