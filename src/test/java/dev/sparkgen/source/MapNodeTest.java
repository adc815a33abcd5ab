package dev.sparkgen.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sparkgen.problem.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapNodeTest {

    private static final Origin ORIGIN = new Origin("job.yaml", 1, 1);
    private static final Scalar ONE = Scalar.plain(ORIGIN, "1");

    @Test
    void constructor_copiesTheMap_soLaterChangesToItDoNotShow() {
        Map<String, Node> entries = new LinkedHashMap<>(Map.of("a", ONE));
        MapNode node = new MapNode(ORIGIN, entries);

        entries.put("b", ONE);

        assertEquals(List.of("a"), List.copyOf(node.entries().keySet()));
    }

    @Test
    void owning_keepsTheOrder_andCannotBeChangedThroughTheNode() {
        LinkedHashMap<String, Node> entries = new LinkedHashMap<>();
        entries.put("z", ONE);
        entries.put("a", ONE);
        MapNode node = MapNode.owning(ORIGIN, entries);

        assertEquals(List.of("z", "a"), List.copyOf(node.entries().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> node.entries().put("b", ONE));
        assertThrows(UnsupportedOperationException.class, () -> node.entries().keySet().remove("a"));
        assertEquals(new MapNode(ORIGIN, entries), node);
    }

    @Test
    void at_sharesTheEntries_underAnotherOrigin() {
        MapNode node = new MapNode(ORIGIN, Map.of("a", ONE));
        MapNode moved = node.at(new Origin("job.yaml", 3, 5));

        assertSame(node.entries(), moved.entries());
        assertEquals(new Origin("job.yaml", 3, 5), moved.origin());
        assertThrows(UnsupportedOperationException.class, () -> moved.entries().put("b", ONE));
    }
}
