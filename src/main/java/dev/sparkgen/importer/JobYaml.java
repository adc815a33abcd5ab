package dev.sparkgen.importer;

import dev.sparkgen.problem.Quote;
import dev.sparkgen.render.YamlWriter;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a job as block YAML through the renderer's emitter ({@link YamlWriter}): a comment header, then the
 * fields in the order the document holds them, a comment above each field whose path has a note, strings that
 * span lines as literal blocks where that is exact. Numbers, booleans and null are written as they were, which
 * spark-gen's loader reads back as the same values.
 */
public final class JobYaml {

    private JobYaml() {
    }

    public static String write(MapNode job, List<String> header, Map<String, String> notes) {
        StringBuilder out = new StringBuilder(4096);
        for (String line : header) {
            out.append(line.isEmpty() ? "#" : "# " + Quote.controls(line)).append('\n');
        }
        return out.append(YamlWriter.document(entries(job), new YamlWriter.Style(false, true, notes::get))).toString();
    }

    private static Map<String, Object> entries(MapNode map) {
        Map<String, Object> entries = new LinkedHashMap<>();
        map.entries().forEach((key, value) -> entries.put(key, tree(value)));
        return entries;
    }

    /** A node as the emitter takes it: maps, lists, strings, and the other scalars as they were written. */
    private static Object tree(Node node) {
        if (node instanceof MapNode map) {
            return entries(map);
        }
        if (node instanceof ListNode list) {
            List<Object> items = new ArrayList<>(list.items().size());
            list.items().forEach(item -> items.add(tree(item)));
            return items;
        }
        Scalar scalar = (Scalar) node;
        return scalar.isNull() ? new YamlWriter.Plain("null") : scalar.isString() ? scalar.text()
                : new YamlWriter.Plain(scalar.text());
    }
}
