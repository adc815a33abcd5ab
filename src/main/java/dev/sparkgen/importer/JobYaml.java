package dev.sparkgen.importer;

import dev.sparkgen.problem.Quote;
import dev.sparkgen.render.Encode;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.util.List;
import java.util.Map;

/**
 * Writes a job as block YAML: a comment header, then the fields in the order the document holds them, a comment
 * above each field whose path has a note. Strings go through {@link Encode#yaml} (or {@link Encode#block} when they
 * span lines), so no value can change the structure around it; numbers, booleans and null are written as they
 * were, which spark-gen's loader reads back as the same values.
 */
public final class JobYaml {

    private JobYaml() {
    }

    public static String write(MapNode job, List<String> header, Map<String, String> notes) {
        StringBuilder out = new StringBuilder(4096);
        for (String line : header) {
            out.append(comment(line)).append('\n');
        }
        entries(out, job, 0, "", notes, false);
        return out.toString();
    }

    private static String comment(String text) {
        return text.isEmpty() ? "#" : "# " + Quote.controls(text);
    }

    /** The entries of a mapping, each on its own line at {@code indent}; the first after a dash when {@code inItem}. */
    private static void entries(StringBuilder out, MapNode map, int indent, String path, Map<String, String> notes,
                                boolean inItem) {
        boolean first = true;
        for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
            String key = entry.getKey();
            String childPath = path.isEmpty() ? key : path + "." + key;
            String note = notes.get(childPath);
            if (!(first && inItem)) {
                if (note != null) {
                    out.append(" ".repeat(indent)).append(comment(note)).append('\n');
                }
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(Encode.yaml(key)).append(':');
            value(out, entry.getValue(), indent, childPath, notes);
        }
    }

    /** A value after its key (or dash) at {@code indent}: on the same line, or as a block below. */
    private static void value(StringBuilder out, Node node, int indent, String path, Map<String, String> notes) {
        if (node instanceof MapNode map) {
            if (map.entries().isEmpty()) {
                out.append(" {}\n");
                return;
            }
            out.append('\n');
            entries(out, map, indent + 2, path, notes, false);
        } else if (node instanceof ListNode list) {
            if (list.items().isEmpty()) {
                out.append(" []\n");
                return;
            }
            out.append('\n');
            for (Node item : list.items()) {
                out.append(" ".repeat(indent)).append('-');
                if (item instanceof MapNode map && !map.entries().isEmpty()) {
                    out.append(' ');
                    // the first key on the dash's line, the others under it (notes only name mapping paths)
                    entries(out, map, indent + 2, "\0", Map.of(), true);
                } else {
                    value(out, item, indent + 2, "\0", Map.of());
                }
            }
        } else {
            out.append(scalar((Scalar) node, indent + 2)).append('\n');
        }
    }

    private static String scalar(Scalar scalar, int indent) {
        if (scalar.isNull()) {
            return " null";
        }
        if (!scalar.isString()) {
            return " " + scalar.text();
        }
        String text = scalar.text();
        return text.indexOf('\n') >= 0 ? Encode.block(text, indent) : " " + Encode.yaml(text);
    }
}
