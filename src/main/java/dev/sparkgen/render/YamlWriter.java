package dev.sparkgen.render;

import dev.sparkgen.problem.Quote;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * spark-gen's one YAML emitter, for the manifests and for imported job files alike: nested maps, lists and
 * scalars as block YAML in kubectl's layout (list items at their key's indentation, a mapping item's first key on
 * the dash's line), every string through {@link Encode}, so no value can change the structure around it. A
 * {@link Style} says what differs between the two: key order, multi-line strings, comments.
 *
 * <p>The template functions' output starts where a key's value starts, so a template writes
 * {@code labels:{{ toyaml(labels, 4) }}}: a space and a scalar or an empty collection, or a newline and the block
 * indented by {@code indent}.
 */
public final class YamlWriter {

    /**
     * How a tree is written: keys sorted (manifests) or in their map's order (a job file); strings that span
     * lines as literal blocks, where that is exact, or always double-quoted on one line; a comment line above a
     * mapping key, by its dotted path ({@code driver.cores}; keys under list items have none), or none.
     */
    public record Style(boolean sortKeys, boolean blocks, Function<String, String> comments) {

        static final Style MANIFEST = new Style(true, false, path -> null);
    }

    /** A scalar written as it is: a number, boolean or null as its document wrote it ({@code 0x1F}, {@code ~}). */
    public record Plain(String text) {
    }

    private YamlWriter() {
    }

    /** A whole document: a map's entries at the left margin, each line ending with a newline. */
    public static String document(Map<String, ?> map, Style style) {
        if (map.isEmpty()) {
            return "{}\n";
        }
        StringBuilder out = new StringBuilder(4096);
        write(out, map, 0, "", style);
        return out.append('\n').substring(1);
    }

    /**
     * The entries of a map (as keys beside others) or the items of a list (beside other items) at
     * {@code indent}, each on a line of its own, starting with a newline; nothing when there are none. A template
     * writes {@code spec:{{ fields(spec, 2) }}}, or adds items after its own.
     */
    static void fields(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> map && map.isEmpty() || value instanceof Collection<?> list && list.isEmpty()) {
            return;
        }
        write(out, value, indent, null, Style.MANIFEST);
    }

    /**
     * A container's args, as list items at {@code indent}: a literal one escaped against Kubernetes' $(VAR)
     * expansion, the others (spark-gen's own references) as they are.
     */
    static void args(StringBuilder out, List<View.Arg> args, int indent) {
        for (View.Arg arg : args) {
            Encode.spaces(out.append('\n'), indent).append("- ")
                    .append(Encode.yaml(arg.literal() ? Encode.literal(arg.text()) : arg.text()));
        }
    }

    /**
     * A container's env, as list items at {@code indent}: the value literal (escaped against $(VAR) expansion),
     * or valueFrom as it is when it is not empty.
     */
    static void env(StringBuilder out, List<View.Env> env, int indent) {
        for (View.Env var : env) {
            Encode.spaces(out.append('\n'), indent).append("- name: ").append(Encode.yaml(var.name()));
            if (!var.valueFrom().isEmpty()) {
                Encode.spaces(out.append('\n'), indent).append("  valueFrom:");
                write(out, var.valueFrom(), indent + 4, null, Style.MANIFEST);
            } else {
                Encode.spaces(out.append('\n'), indent).append("  value: ")
                        .append(Encode.yaml(Encode.literal(var.value())));
            }
        }
    }

    /** A value after its key, the key at {@code indent - 2} (see the class comment). */
    static void value(StringBuilder out, Object value, int indent) {
        write(out, value, indent, null, Style.MANIFEST);
    }

    /**
     * A value after its key or dash. A map's entries and a list's items go on lines of their own at
     * {@code indent} (a list's items at its key's indentation, in kubectl's layout); a scalar on the same line.
     * {@code path} is the dotted path of a map's keys for comments, null under a list item.
     */
    private static void write(StringBuilder out, Object value, int indent, String path, Style style) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append(" {}");
                return;
            }
            for (Map.Entry<?, ?> entry : ordered(map, style).entrySet()) {
                String key = entry.getKey().toString();
                String keyPath = path == null ? null : path.isEmpty() ? key : path + "." + key;
                String comment = keyPath == null ? null : style.comments().apply(keyPath);
                if (comment != null) {
                    Encode.spaces(out.append('\n'), indent).append(comment(comment));
                }
                Encode.spaces(out.append('\n'), indent).append(Encode.yaml(key)).append(':');
                Object child = entry.getValue();
                if (child instanceof Map<?, ?> || child instanceof Collection<?>) {
                    write(out, child, indent + (child instanceof Map ? 2 : 0), keyPath, style);
                } else {
                    scalar(out, child, indent, style);
                }
            }
        } else if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                out.append(" []");
                return;
            }
            for (Object item : list) {
                Encode.spaces(out.append('\n'), indent).append('-');
                if (item instanceof Map<?, ?> map && !map.isEmpty()) {
                    // the first key sits on the dash's line, the others under it: its line break and
                    // indentation become one space
                    int start = out.length();
                    write(out, item, indent + 2, null, style);
                    out.replace(start, start + indent + 3, " ");
                } else if (item instanceof Map<?, ?> || item instanceof Collection<?>) {
                    write(out, item, indent + 2, null, style);
                } else {
                    scalar(out, item, indent, style);
                }
            }
        } else {
            scalar(out, value, indent - 2, style);
        }
    }

    /**
     * A scalar after its key or dash at {@code parent} spaces: on the same line, or as a literal block whose
     * lines are indented two more than that key or dash (what its indentation indicator counts from).
     */
    private static void scalar(StringBuilder out, Object value, int parent, Style style) {
        if (value instanceof Plain plain) {
            out.append(' ').append(plain.text());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(' ').append(value);
        } else {
            String text = String.valueOf(value);
            if (style.blocks() && text.indexOf('\n') >= 0) {
                out.append(Encode.block(text, parent + 2));
            } else {
                out.append(' ').append(Encode.yaml(text));
            }
        }
    }

    private static String comment(String text) {
        return text.isEmpty() ? "#" : "# " + Quote.controls(text);
    }

    private static Map<?, ?> ordered(Map<?, ?> map, Style style) {
        if (map.size() == 1 && map.keySet().iterator().next() instanceof String
                || style.sortKeys() && map instanceof SortedMap<?, ?> sorted && sorted.comparator() == null
                && sorted.firstKey() instanceof String) {
            return map; // one key, or String keys sorted already (a map that holds one String key holds only those)
        }
        Map<String, Object> ordered = style.sortKeys() ? new TreeMap<>() : new LinkedHashMap<>();
        map.forEach((k, v) -> ordered.put(k.toString(), v));
        return ordered;
    }
}
