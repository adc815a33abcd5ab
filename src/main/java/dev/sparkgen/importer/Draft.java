package dev.sparkgen.importer;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mapping of the job being built: values copied or derived from the SparkApplication (each with the origin of
 * the field it came from) and nested mappings still open. {@link #build} freezes it into a {@link MapNode} whose
 * keys follow the schema's order, so the job reads as the schema documents it.
 */
final class Draft {

    private final Origin origin;
    private final Map<String, Object> entries = new LinkedHashMap<>();

    Draft(Origin origin) {
        this.origin = origin;
    }

    Origin origin() {
        return origin;
    }

    /** The nested mapping at {@code key}, created (said to be written at {@code at}) when absent. */
    Draft object(String key, Origin at) {
        Object value = entries.get(key);
        if (value instanceof Draft draft) {
            return draft;
        }
        if (value != null && !(value instanceof MapNode)) {
            throw new IllegalStateException("the job's '" + key + "' is not a mapping: cannot add to it");
        }
        Draft draft = new Draft(at);
        if (value instanceof MapNode map) {
            map.entries().forEach(draft::put);
        }
        entries.put(key, draft);
        return draft;
    }

    void put(String key, Node value) {
        if (value != null) {
            entries.put(key, value);
        }
    }

    /** Puts the value unless the key already has one; true when it was put. */
    boolean putIfAbsent(String key, Node value) {
        if (has(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    void remove(String key) {
        entries.remove(key);
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value at {@code key} when it is a finished node (not an open mapping), else null. */
    Node node(String key) {
        return entries.get(key) instanceof Node node ? node : null;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The finished mapping, keys in the schema's order where the schema lists them; empty mappings dropped. */
    MapNode build(SchemaOrder.Position position) {
        Map<String, Node> built = new LinkedHashMap<>();
        for (String key : position.order(entries.keySet())) {
            Object value = entries.get(key);
            if (value instanceof Draft draft) {
                if (!draft.isEmpty()) {
                    built.put(key, draft.build(position.child(key)));
                }
            } else {
                built.put(key, (Node) value);
            }
        }
        return new MapNode(origin, built);
    }
}
