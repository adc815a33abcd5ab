package dev.sparkgen.source;

import dev.sparkgen.problem.Origin;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A YAML mapping with string keys, in the order they were written. */
public record MapNode(Origin origin, Map<String, Node> entries) implements Node {

    /** Copies the entries, so that the node cannot change whatever the caller does with its map afterwards. */
    public MapNode {
        entries = entries instanceof Owned owned ? owned.entries
                : Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * A node that takes over {@code entries} instead of copying them: for a caller that built the map for this node
     * and never touches it again (nor lets anything else touch it).
     */
    public static MapNode owning(Origin origin, LinkedHashMap<String, Node> entries) {
        return new MapNode(origin, new Owned(Collections.unmodifiableMap(entries)));
    }

    public Node get(String key) {
        return entries.get(key);
    }

    /** The node at a path of keys, or null when a key is missing or a value on the way is not a mapping. */
    public Node find(String... path) {
        Node node = this;
        for (String key : path) {
            if (!(node instanceof MapNode map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    @Override
    public MapNode at(Origin origin) {
        return new MapNode(origin, new Owned(entries)); // already an unmodifiable map no one else holds
    }

    @Override
    public String describe() {
        return "a mapping";
    }

    /** Carries entries the new node may keep as they are into the constructor; never kept itself. */
    private static final class Owned extends AbstractMap<String, Node> {

        final Map<String, Node> entries;

        Owned(Map<String, Node> entries) {
            this.entries = entries;
        }

        @Override
        public Set<Entry<String, Node>> entrySet() {
            return entries.entrySet();
        }
    }
}
