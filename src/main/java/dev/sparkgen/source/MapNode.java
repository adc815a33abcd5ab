package dev.sparkgen.source;

import dev.sparkgen.problem.Origin;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A YAML mapping with string keys, in the order they were written. */
public record MapNode(Origin origin, Map<String, Node> entries) implements Node {

    public MapNode {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
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
        return new MapNode(origin, entries);
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
