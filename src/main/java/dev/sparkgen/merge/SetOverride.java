package dev.sparkgen.merge;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.source.YamlLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code --set PATH=VALUE}, as a layer of its own. PATH is keys joined by dots; a key that holds dots is
 * quoted: {@code sparkConf."spark.eventLog.enabled"=true}; {@code [N]} after a key picks the N-th item (from 0) of
 * the list there, as in Helm: {@code driver.tolerations[0].value=gpu} (see {@link Merger} for how it applies). VALUE is YAML: {@code 4} is a number, {@code [a, b]} a
 * list, {@code null} (or nothing) removes the value, and a string with YAML syntax in it is quoted ({@code 'x="a: b"'}).
 * Its origin is {@code --set:N:COLUMN}: the N-th {@code --set} on the command line, and the column in it.
 */
public final class SetOverride {

    public static final String FILE = "--set";

    private SetOverride() {
    }

    /** Parses the {@code index}-th (1-based) {@code --set} argument into a layer; null, with problems, if invalid. */
    public static MapNode parse(String argument, int index, Problems problems) {
        List<String> keys = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        int i = 0;
        int n = argument.length();
        while (true) {
            int start = i;
            StringBuilder key = new StringBuilder();
            if (i < n && argument.charAt(i) == '"') {
                int close = argument.indexOf('"', i + 1);
                if (close < 0) {
                    problems.error(new Origin(FILE, index, i + 1), "unclosed quote in --set path", null);
                    return null;
                }
                key.append(argument, i + 1, close);
                i = close + 1;
            } else {
                while (i < n && argument.charAt(i) != '.' && argument.charAt(i) != '=' && argument.charAt(i) != '[') {
                    key.append(argument.charAt(i++));
                }
            }
            if (key.length() == 0) {
                problems.error(new Origin(FILE, index, start + 1), "empty key in --set path",
                        "write --set PATH=VALUE, e.g. --set executor.instances=4 or --set sparkConf.\"spark.x\"=y");
                return null;
            }
            if (keys.size() == YamlLoader.MAX_DEPTH) {
                // as deep as a file may nest: the same limit whichever way a value comes in
                problems.error(new Origin(FILE, index, start + 1), "the --set path nests deeper than "
                        + YamlLoader.MAX_DEPTH + " levels", null);
                return null;
            }
            keys.add(key.toString());
            columns.add(start + 1);
            while (i < n && argument.charAt(i) == '[') {
                int close = argument.indexOf(']', i);
                String number = close < 0 ? "" : argument.substring(i + 1, close);
                if (!number.matches("[0-9]{1,6}")) {
                    problems.error(new Origin(FILE, index, i + 1), "'" + argument.substring(i, close < 0 ? n
                            : close + 1) + "' is not a list index", "an index is a number in brackets, from 0: "
                            + "--set 'driver.tolerations[0].value=gpu'; a key that holds '[' is quoted: \"a[b]\"");
                    return null;
                }
                keys.add(Merger.index(Integer.parseInt(number)));
                columns.add(i + 1);
                i = close + 1;
            }
            if (i < n && argument.charAt(i) == '.') {
                i++;
            } else if (i < n && argument.charAt(i) == '=') {
                break;
            } else {
                problems.error(new Origin(FILE, index, i + 1), "expected '=' after the --set path",
                        "write --set PATH=VALUE, e.g. --set executor.instances=4");
                return null;
            }
        }
        int valueStart = i + 1;
        String text = argument.substring(valueStart);
        Node value = text.isEmpty()
                ? new Scalar(new Origin(FILE, index, valueStart + 1), "", null)
                : YamlLoader.load(FILE, text, index - 1, valueStart, keys.size(), problems);
        if (value == null) {
            return null;
        }
        // Every level of the path is written by this --set; its keys point at their columns.
        Node node = value.at(new Origin(FILE, index, columns.get(keys.size() - 1)));
        for (int k = keys.size() - 1; k >= 0; k--) {
            Origin origin = new Origin(FILE, index, columns.get(k));
            node = new MapNode(k == 0 ? new Origin(FILE, index, 1) : new Origin(FILE, index, columns.get(k - 1)),
                    Map.of(keys.get(k), node.at(origin)));
        }
        return (MapNode) node;
    }
}
