package dev.sparkgen.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.io.IOException;
import java.math.BigInteger;

/** Jackson's tree, the form the schema validator reads: of loaded YAML, or of a schema file's JSON. */
final class Json {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final JsonFactory FACTORY = new JsonFactory();

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

    /**
     * The tree of a JSON text, the one {@code new ObjectMapper().readTree} gives (an integer as the smallest of
     * int, long and BigInteger that holds it, a fraction as a double, the last of duplicate keys), read with the
     * streaming parser: an ObjectMapper's set-up and first tree are about 50 ms of a cold {@code validate}.
     */
    static JsonNode parse(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return value(parser, parser.nextToken());
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
                    object.set(key, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                    array.add(value(parser, item));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected " + token + " at " + parser.currentLocation());
        };
    }
}
