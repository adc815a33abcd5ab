package dev.sparkgen.source;

import dev.sparkgen.problem.Origin;
import java.util.List;

/** A YAML sequence. */
public record ListNode(Origin origin, List<Node> items) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public ListNode at(Origin origin) {
        return new ListNode(origin, items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
