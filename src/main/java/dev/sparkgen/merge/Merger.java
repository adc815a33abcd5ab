package dev.sparkgen.merge;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layers values: the job's profiles in order, then the job file, then each {@code --set}. The rules, all of them:
 * <ol>
 *   <li>A mapping over a mapping merges key by key, recursively.</li>
 *   <li>Anything else replaces what was there whole: a list, a scalar, a mapping over a scalar or list.</li>
 *   <li>An explicit {@code null} as a mapping's value removes the key, whatever it held; one with nothing under
 *       it is dropped. A {@code null} in a list is an item like any other (and the schema refuses it).</li>
 * </ol>
 * Every value keeps the origin of the layer that wrote it; a merged mapping takes the origin of the last layer
 * that wrote it, so a missing key is reported where the user would add it.
 */
public final class Merger {

    private Merger() {
    }

    /** Merges the layers in order, later ones winning. The first layer's origin becomes the result's. */
    public static MapNode merge(Origin origin, List<MapNode> layers) {
        Map<String, Node> result = new LinkedHashMap<>();
        for (MapNode layer : layers) {
            overlay(result, layer);
        }
        return new MapNode(origin, result);
    }

    private static void overlay(Map<String, Node> base, MapNode layer) {
        for (Map.Entry<String, Node> entry : layer.entries().entrySet()) {
            String key = entry.getKey();
            Node value = entry.getValue();
            Node under = base.get(key);
            if (value instanceof Scalar s && s.isNull()) {
                base.remove(key);
            } else if (value instanceof MapNode map && under instanceof MapNode underMap) {
                Map<String, Node> merged = new LinkedHashMap<>(underMap.entries());
                overlay(merged, map);
                base.put(key, new MapNode(map.origin(), merged));
            } else {
                base.put(key, withoutNulls(value));
            }
        }
    }

    /** A value placed where nothing was: its nulls remove nothing, so they go. */
    private static Node withoutNulls(Node node) {
        if (node instanceof MapNode map) {
            Map<String, Node> kept = new LinkedHashMap<>();
            map.entries().forEach((k, v) -> {
                if (!(v instanceof Scalar s && s.isNull())) {
                    kept.put(k, withoutNulls(v));
                }
            });
            return new MapNode(map.origin(), kept);
        }
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>(list.items().size());
            list.items().forEach(item -> items.add(withoutNulls(item)));
            return new ListNode(list.origin(), items);
        }
        return node;
    }
}
