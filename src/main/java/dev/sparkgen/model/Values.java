package dev.sparkgen.model;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Typed reads from a schema-valid mapping, with defaults for what is absent. */
final class Values {

    private static final MapNode EMPTY = new MapNode(Origin.of("<default>"), Map.of());

    private final MapNode map;

    Values(MapNode map) {
        this.map = map == null ? EMPTY : map;
    }

    Values child(String key) {
        return new Values(map.get(key) instanceof MapNode child ? child : null);
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    String text(String key, String fallback) {
        return map.get(key) instanceof Scalar s ? s.text() : fallback;
    }

    int integer(String key, int fallback) {
        return map.get(key) instanceof Scalar s && s.value() instanceof Number n ? n.intValue() : fallback;
    }

    Integer integerOrNull(String key) {
        return map.get(key) instanceof Scalar s && s.value() instanceof Number n ? n.intValue() : null;
    }

    boolean bool(String key, boolean fallback) {
        return map.get(key) instanceof Scalar s && s.value() instanceof Boolean b ? b : fallback;
    }

    List<String> texts(String key) {
        List<String> texts = new ArrayList<>();
        if (map.get(key) instanceof ListNode list) {
            for (Node item : list.items()) {
                texts.add(((Scalar) item).text());
            }
        }
        return texts;
    }

    SortedMap<String, String> textMap(String key) {
        SortedMap<String, String> texts = new TreeMap<>();
        if (map.get(key) instanceof MapNode entries) {
            entries.entries().forEach((k, v) -> texts.put(k, ((Scalar) v).text()));
        }
        return texts;
    }
}
