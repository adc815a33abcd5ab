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

    Long longOrNull(String key) {
        return map.get(key) instanceof Scalar s && s.value() instanceof Number n ? n.longValue() : null;
    }

    Boolean boolOrNull(String key) {
        return map.get(key) instanceof Scalar s && s.value() instanceof Boolean b ? b : null;
    }

    List<Values> children(String key) {
        List<Values> children = new ArrayList<>();
        if (map.get(key) instanceof ListNode list) {
            for (Node item : list.items()) {
                children.add(new Values(item instanceof MapNode m ? m : null));
            }
        }
        return children;
    }

    /** A value as plain Java data (a Kubernetes object passed through), or null when absent. */
    Object raw(String key) {
        Node node = map.get(key);
        return node == null ? null : plain(node);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> rawMap(String key) {
        return (Map<String, Object>) raw(key);
    }

    @SuppressWarnings("unchecked")
    List<Object> rawList(String key) {
        Object list = raw(key);
        return list == null ? List.of() : (List<Object>) list;
    }

    /** The entries of a mapping, in the order written. */
    Map<String, Node> entries(String key) {
        return map.get(key) instanceof MapNode m ? m.entries() : Map.of();
    }

    Node node(String key) {
        return map.get(key);
    }

    static Object plain(Node node) {
        if (node instanceof MapNode m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.entries().forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (node instanceof ListNode l) {
            List<Object> out = new ArrayList<>(l.items().size());
            l.items().forEach(item -> out.add(plain(item)));
            return out;
        }
        return ((Scalar) node).value();
    }

    SortedMap<String, String> textMap(String key) {
        SortedMap<String, String> texts = new TreeMap<>();
        if (map.get(key) instanceof MapNode entries) {
            entries.entries().forEach((k, v) -> texts.put(k, ((Scalar) v).text()));
        }
        return texts;
    }
}
