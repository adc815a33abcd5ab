package dev.sparkgen.model;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Typed reads from a schema-valid mapping. What is absent is the schema's default for the key's path
 * ({@code text}, {@code integer}, {@code bool}: a key without one is a bug, reported as such), or null
 * ({@code ...OrNull}: a field whose absence means spark-gen writes nothing for it).
 */
final class Values {

    private static final MapNode EMPTY = new MapNode(Origin.of("<default>"), Map.of());

    /**
     * The defaults by the mapping that holds them: {@code driver.cores} is {@code cores} among the values of the
     * child {@code driver}, {@code driver.secrets[].secretType} is under the child {@code secrets[]} of that. A
     * read finds its default without building the key's path.
     */
    private record Defaults(Map<String, Object> values, Map<String, Defaults> children) {

        static final Defaults NONE = new Defaults(Map.of(), Map.of());

        Defaults child(String key) {
            Defaults child = children.get(key);
            return child == null ? NONE : child;
        }

        static Defaults of(Map<String, Object> flat) {
            Defaults root = new Defaults(new HashMap<>(), new HashMap<>());
            flat.forEach((path, value) -> {
                Defaults at = root;
                int start = 0;
                for (int dot = path.indexOf('.'); dot >= 0; start = dot + 1, dot = path.indexOf('.', start)) {
                    at = at.children.computeIfAbsent(path.substring(start, dot),
                            k -> new Defaults(new HashMap<>(), new HashMap<>()));
                }
                at.values.put(path.substring(start), value);
            });
            return root;
        }
    }

    /** The tree of the defaults map last read (the schema's, the same in every bind). */
    private record Tree(Map<String, Object> flat, Defaults root) {
    }

    private static volatile Tree tree;

    private final MapNode map;
    private final Defaults defaults;
    /** The mapping this one is read from, and its key there (with [] for a list's item), for messages. */
    private final Values parent;
    private final String key;

    Values(MapNode map, Map<String, Object> defaults) {
        this(map, defaults.isEmpty() ? Defaults.NONE : tree(defaults), null, "");
    }

    private Values(MapNode map, Defaults defaults, Values parent, String key) {
        this.map = map == null ? EMPTY : map;
        this.defaults = defaults;
        this.parent = parent;
        this.key = key;
    }

    private static Defaults tree(Map<String, Object> defaults) {
        Tree read = tree;
        if (read == null || read.flat() != defaults) {
            read = new Tree(defaults, Defaults.of(defaults));
            tree = read;
        }
        return read.root();
    }

    Values child(String key) {
        return new Values(map.get(key) instanceof MapNode child ? child : null, defaults.child(key), this, key);
    }

    /** The mappings of a list, each read with the defaults of the list's items ({@code key[].field}). */
    List<Values> children(String key) {
        List<Values> children = new ArrayList<>();
        if (map.get(key) instanceof ListNode list) {
            Defaults items = defaults.child(key + "[]");
            for (Node item : list.items()) {
                children.add(new Values(item instanceof MapNode m ? m : null, items, this, key + "[]"));
            }
        }
        return children;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    /** A field the schema requires: a valid document has it. */
    String required(String key) {
        if (!(map.get(key) instanceof Scalar s)) {
            throw new IllegalStateException("binding a document without " + at(key) + ", which the schema requires");
        }
        return s.text();
    }

    String text(String key) {
        return map.get(key) instanceof Scalar s ? s.text() : (String) fallback(key);
    }

    String textOrNull(String key) {
        return map.get(key) instanceof Scalar s ? s.text() : null;
    }

    int integer(String key) {
        Integer value = integerOrNull(key);
        return value != null ? value : ((Number) fallback(key)).intValue();
    }

    /** The schema bounds every integer read as an int ({@code maximum} 2147483647): none is cut short here. */
    Integer integerOrNull(String key) {
        return map.get(key) instanceof Scalar s && s.value() instanceof Number n
                ? Math.toIntExact(n.longValue()) : null;
    }

    Long longOrNull(String key) {
        return map.get(key) instanceof Scalar s && s.value() instanceof Number n ? n.longValue() : null;
    }

    boolean bool(String key) {
        Boolean value = boolOrNull(key);
        return value != null ? value : (Boolean) fallback(key);
    }

    Boolean boolOrNull(String key) {
        return map.get(key) instanceof Scalar s && s.value() instanceof Boolean b ? b : null;
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
            for (Map.Entry<String, Node> entry : entries.entries().entrySet()) {
                texts.put(entry.getKey(), ((Scalar) entry.getValue()).text());
            }
        }
        return texts;
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

    Node node(String key) {
        return map.get(key);
    }

    static Object plain(Node node) {
        if (node instanceof MapNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Node> entry : m.entries().entrySet()) {
                out.put(entry.getKey(), plain(entry.getValue()));
            }
            return out;
        }
        if (node instanceof ListNode l) {
            List<Object> out = new ArrayList<>(l.items().size());
            for (Node item : l.items()) {
                out.add(plain(item));
            }
            return out;
        }
        return ((Scalar) node).value();
    }

    /** The path of a key of this mapping, as the schema's defaults name it: {@code driver.secrets[].secretType}. */
    private String at(String key) {
        return parent == null ? key : parent.at(this.key) + "." + key;
    }

    private Object fallback(String key) {
        Object value = defaults.values().get(key);
        if (value == null) {
            throw new IllegalStateException("the job schema gives " + at(key) + " no default");
        }
        return value;
    }
}
