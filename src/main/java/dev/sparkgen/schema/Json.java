package dev.sparkgen.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.math.BigInteger;

/** Converts loaded YAML to Jackson's tree, the form the schema validator reads. */
final class Json {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static JsonNode of(Node node) {
        if (node instanceof MapNode map) {
            ObjectNode object = NODES.objectNode();
            map.entries().forEach((key, value) -> object.set(key, of(value)));
            return object;
        }
        if (node instanceof ListNode list) {
            ArrayNode array = NODES.arrayNode(list.items().size());
            list.items().forEach(item -> array.add(of(item)));
            return array;
        }
        Object value = ((Scalar) node).value();
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        return NODES.numberNode((Double) value);
    }
}
