package dev.sparkgen.render;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes nested maps, lists and scalars as block YAML, in kubectl's layout (list items at their key's
 * indentation), keys sorted, every string through {@link Encode#yaml}. The output starts where a key's value
 * starts, so a template writes {@code labels:{{ labels|toyaml(4) }}}: a space and a scalar or an empty
 * collection, or a newline and the block indented by {@code indent}.
 */
final class YamlWriter {

    private YamlWriter() {
    }

    /**
     * The entries of a map (as keys beside others) or the items of a list (beside other items) at
     * {@code indent}, each on a line of its own, starting with a newline; nothing when there are none. A template
     * writes {@code spec:{{ fields|fields(2) }}}, or adds items after its own.
     */
    static String fields(Object value, int indent) {
        if (value instanceof Map<?, ?> map && map.isEmpty() || value instanceof Collection<?> list && list.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(256);
        write(out, value, indent);
        return out.toString();
    }

    static String value(Object value, int indent) {
        StringBuilder out = new StringBuilder(128);
        write(out, value, indent);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append(" {}");
                return;
            }
            for (Map.Entry<?, ?> entry : sorted(map).entrySet()) {
                out.append('\n').append(" ".repeat(indent)).append(Encode.yaml(entry.getKey().toString())).append(':');
                write(out, entry.getValue(), indent + (entry.getValue() instanceof Map ? 2 : 0));
            }
        } else if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                out.append(" []");
                return;
            }
            for (Object item : list) {
                out.append('\n').append(" ".repeat(indent)).append('-');
                if (item instanceof Map<?, ?> map && !map.isEmpty()) {
                    // the first key sits on the dash's line, the others under it
                    StringBuilder inner = new StringBuilder();
                    write(inner, item, indent + 2);
                    out.append(' ').append(inner, indent + 3, inner.length());
                } else {
                    write(out, item, indent + 2);
                }
            }
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(' ').append(value);
        } else {
            out.append(' ').append(Encode.yaml(String.valueOf(value)));
        }
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(k.toString(), v));
        return sorted;
    }
}
