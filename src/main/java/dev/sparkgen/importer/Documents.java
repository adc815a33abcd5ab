package dev.sparkgen.importer;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.YamlLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The documents of a file that may hold several ({@code ---} between them), as operators' bundles do: a
 * SparkApplication beside the ConfigMap it mounts. A line that starts with {@code ---} and a blank (or nothing)
 * always starts a document in YAML, inside block and quoted scalars too, so the file splits there; each part is
 * read with the loader's limits, its lines numbered as in the file. Parts with only comments are no document.
 */
final class Documents {

    private static final Pattern MARKER = Pattern.compile("---(\\s.*)?");
    private static final Pattern NOTHING = Pattern.compile("\\s*(#.*)?|(---|\\.\\.\\.)(\\s.*)?");

    private Documents() {
    }

    /** The file's documents (a {@code List}'s items in its place), or null when one cannot be read. */
    static List<MapNode> load(String display, byte[] bytes, Problems problems) {
        String text = YamlLoader.decode(display, bytes, problems);
        if (text == null) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        List<MapNode> documents = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || i > start && MARKER.matcher(lines[i]).matches()) {
                if (!load(display, lines, start, i, documents, problems)) {
                    return null;
                }
                start = i;
            }
        }
        if (documents.isEmpty() && !problems.hasErrors()) {
            problems.error(Origin.of(display), "the file holds no YAML document", "expected a SparkApplication");
            return null;
        }
        return documents;
    }

    private static boolean load(String display, String[] lines, int from, int to, List<MapNode> documents,
                                Problems problems) {
        boolean empty = true;
        for (int i = from; i < to && empty; i++) {
            empty = NOTHING.matcher(lines[i]).matches();
        }
        if (empty) {
            return true;
        }
        String part = String.join("\n", java.util.Arrays.asList(lines).subList(from, to));
        Node root = YamlLoader.load(display, part, from, 0, problems);
        if (root == null) {
            return false;
        }
        if (!(root instanceof MapNode map)) {
            problems.error(root.origin(), "this document is " + root.describe() + ", expected a SparkApplication");
            return false;
        }
        if ("List".equals(Conversion.textOf(map.get("kind"))) && map.get("items") instanceof dev.sparkgen.source.ListNode
                items) {
            if (items.items().isEmpty()) {
                problems.error(map.get("kind").origin(), "the List holds no items", "expected a SparkApplication");
                return false;
            }
            for (Node item : items.items()) {
                if (!(item instanceof MapNode application)) {
                    problems.error(item.origin(), "this item of the List is " + item.describe()
                            + ", expected a SparkApplication");
                    return false;
                }
                documents.add(application);
            }
        } else {
            documents.add(map);
        }
        return true;
    }
}
