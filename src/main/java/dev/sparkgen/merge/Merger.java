package dev.sparkgen.merge;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.problem.Quote;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layers values: the job's profiles in order, then the job file, then each {@code --set}. The rules, all of them:
 * <ol>
 *   <li>A mapping over a mapping merges key by key, recursively.</li>
 *   <li>Anything else replaces what was there whole: a list, a scalar, a mapping over a scalar or list.</li>
 *   <li>An explicit {@code null} as a mapping's value removes the key, whatever it held; one with nothing under
 *       it is dropped. A {@code null} in a list is an item like any other (and the schema refuses it).</li>
 *   <li>{@code --set PATH[N]=VALUE} changes the N-th item (from 0) of the list the layers under it made, by
 *       the rules above (an item that is a mapping merges key by key; {@code null} removes the item); N equal to
 *       the list's length adds an item. Any other N, or a {@code [N]} over a value that is not a list, is a
 *       problem at the {@code --set}.</li>
 *   <li>The profiles that apply are the job's own {@code profiles} as the {@code --set}s change it, by the rules
 *       above ({@link #profiles}); a profile cannot add profiles.</li>
 * </ol>
 * Every value keeps the origin of the layer that wrote it; a merged mapping takes the origin of the last layer
 * that wrote it, so a missing key is reported where the user would add it.
 */
public final class Merger {

    private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)]");

    private Merger() {
    }

    /**
     * The profiles a job gets: its own list, as the {@code --set}s change it (replace it, or index into it:
     * {@code profiles[1]=spot}). The problems of the sets are reported when all the layers merge.
     */
    public static Node profiles(MapNode job, List<MapNode> sets) {
        if (sets.stream().noneMatch(set -> set.get("profiles") != null)) {
            return job.get("profiles");
        }
        List<MapNode> lists = new ArrayList<>();
        List<MapNode> layers = new ArrayList<>(List.of(job));
        layers.addAll(sets);
        for (MapNode layer : layers) {
            if (layer.get("profiles") != null) {
                lists.add(new MapNode(layer.origin(), Map.of("profiles", layer.get("profiles"))));
            }
        }
        return merge(job.origin(), lists, new Problems()).get("profiles");
    }

    /** {@link #merge(Origin, List, Problems)} of layers with no list index in them (files only), which cannot fail. */
    public static MapNode merge(Origin origin, List<MapNode> layers) {
        Problems problems = new Problems();
        MapNode merged = merge(origin, layers, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("a layer indexes a list: " + problems.all().get(0).format());
        }
        return merged;
    }

    /**
     * Merges the layers in order, later ones winning, adding a problem for each list index that does not fit.
     * The first layer's origin becomes the result's.
     */
    public static MapNode merge(Origin origin, List<MapNode> layers, Problems problems) {
        Map<String, Node> result = new LinkedHashMap<>();
        for (MapNode layer : layers) {
            overlay(result, layer, "", problems);
        }
        return new MapNode(origin, result);
    }

    /**
     * How {@link SetOverride} marks a list index in a layer's path: a key {@code [N]}, read as an index only in a
     * mapping a {@code --set} path made (see {@link #isIndex}), never in a file's.
     */
    static String index(int n) {
        return "[" + n + "]";
    }

    private static void overlay(Map<String, Node> base, MapNode layer, String path, Problems problems) {
        for (Map.Entry<String, Node> entry : layer.entries().entrySet()) {
            String key = entry.getKey();
            Node value = entry.getValue();
            // the path only names a value in a --set's problems: built for mappings, not for every scalar
            Node merged = value instanceof MapNode ? merge(base.get(key), value, path.isEmpty() ? key
                    : path + "." + key, problems) : merge(base.get(key), value, null, problems);
            if (merged == null) {
                base.remove(key);
            } else {
                base.put(key, merged);
            }
        }
    }

    /**
     * {@code value} over {@code under}, by the rules; null when the value removes what was there. {@code path}
     * names the value when it is a mapping (null otherwise: nothing else reads it).
     */
    private static Node merge(Node under, Node value, String path, Problems problems) {
        if (value instanceof Scalar s && s.isNull()) {
            return null;
        }
        if (value instanceof MapNode map && !isSetMade(map) && !(under instanceof MapNode)) {
            // A file's mapping over nothing: merged over nothing it is itself less its nulls (a file's keys are
            // never list indexes), so it needs no copy.
            return withoutNulls(map);
        }
        if (value instanceof MapNode map && isIndex(map)) {
            return indexed(under, map, path, problems);
        }
        if (value instanceof MapNode map) {
            // Over anything but a mapping, a mapping replaces it: it is merged over nothing, so that its nulls
            // go and its list indexes apply.
            Map<String, Node> merged = new LinkedHashMap<>(under instanceof MapNode underMap ? underMap.entries()
                    : Map.of());
            overlay(merged, map, path, problems);
            return new MapNode(map.origin(), merged);
        }
        return withoutNulls(value);
    }

    /** A list index: a {@code --set} mapping whose one key is {@code [N]} (a file's keys are never read as one). */
    private static boolean isIndex(MapNode map) {
        return isSetMade(map) && map.entries().size() == 1
                && INDEX.matcher(map.entries().keySet().iterator().next()).matches();
    }

    /** Whether a {@code --set} path made the mapping: only there may a key be a list index. */
    private static boolean isSetMade(MapNode map) {
        return map.origin().file().equals(SetOverride.FILE);
    }

    private static Node indexed(Node under, MapNode patch, String path, Problems problems) {
        Map.Entry<String, Node> entry = patch.entries().entrySet().iterator().next();
        Matcher matcher = INDEX.matcher(entry.getKey());
        matcher.matches();
        int n = Integer.parseInt(matcher.group(1));
        Origin origin = entry.getValue().origin();
        if (under != null && !(under instanceof ListNode)) {
            problems.error(origin, "'" + path + "' is " + under.describe() + " (" + under.origin() + "), not a list: "
                    + entry.getKey() + " picks an item of a list", "set the whole value: --set " + path + "=...");
            return under;
        }
        List<Node> items = new ArrayList<>(under == null ? List.of() : ((ListNode) under).items());
        if (n > items.size()) {
            problems.error(origin, "'" + path + "' " + (under == null ? "is not set"
                            : "has " + Quote.count(items.size(), "item") + " (" + under.origin()
                            + ")") + ", so " + entry.getKey() + " is out of range",
                    items.isEmpty() ? "add the first item with " + path + "[0]"
                            : "change one with " + path + "[0] to [" + (items.size() - 1) + "], or add one with "
                            + path + "[" + items.size() + "]");
            return under;
        }
        Node item = merge(n < items.size() ? items.get(n) : null, entry.getValue(), path + entry.getKey(), problems);
        if (item == null) {
            if (n < items.size()) {
                items.remove(n);
            }
        } else if (n < items.size()) {
            items.set(n, item);
        } else {
            items.add(item);
        }
        return new ListNode(under == null ? patch.origin() : under.origin(), items);
    }

    /** A value placed where nothing was: its nulls remove nothing, so they go (the node itself when it has none). */
    private static Node withoutNulls(Node node) {
        if (node instanceof MapNode map) {
            Map<String, Node> kept = null;
            for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
                Node value = entry.getValue();
                Node read = value instanceof Scalar s && s.isNull() ? null : withoutNulls(value);
                if (read != value) {
                    if (kept == null) {
                        kept = new LinkedHashMap<>(map.entries());
                    }
                    if (read == null) {
                        kept.remove(entry.getKey());
                    } else {
                        kept.put(entry.getKey(), read);
                    }
                }
            }
            return kept == null ? map : new MapNode(map.origin(), kept);
        }
        if (node instanceof ListNode list) {
            List<Node> items = null;
            for (int i = 0; i < list.items().size(); i++) {
                Node item = list.items().get(i);
                Node read = withoutNulls(item);
                if (read != item) {
                    if (items == null) {
                        items = new ArrayList<>(list.items());
                    }
                    items.set(i, read);
                }
            }
            return items == null ? list : new ListNode(list.origin(), items);
        }
        return node;
    }
}
