package dev.sparkgen.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;

/** Jackson's tree, the form the schema validator reads: of loaded YAML, or of a schema file's JSON. */
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
        double number = (Double) value;
        return Double.isFinite(number) ? NODES.numberNode(number) : new NonFinite(number);
    }

    /**
     * The tree of a JSON text (RFC 8259), the one {@code new ObjectMapper().readTree} gives: an integer as the
     * smallest of int, long and BigInteger that holds it, a fraction as a double, the last of duplicate keys.
     * Read here rather than by Jackson: its parser's class initialiser makes BigDecimal's, and with an
     * ObjectMapper's set-up that was about 60 ms of a cold {@code validate} on JDK 25. The texts are spark-gen's own
     * schema files, so a malformed one is a bug: {@code file} names it in the exception.
     */
    static JsonNode parse(String file, String json) {
        Reader reader = new Reader(file, json);
        JsonNode value = reader.value();
        reader.space();
        if (reader.at < json.length()) {
            throw reader.error("text after the value");
        }
        return value;
    }

    private static final class Reader {

        private final String file;
        private final String text;
        private int at;

        Reader(String file, String text) {
            this.file = file;
            this.text = text;
        }

        JsonNode value() {
            space();
            char c = at < text.length() ? text.charAt(at) : 0;
            switch (c) {
                case '{' -> {
                    at++;
                    ObjectNode object = NODES.objectNode();
                    if (!next('}')) {
                        do {
                            space();
                            String key = string();
                            space();
                            expect(':');
                            object.set(key, value());
                        } while (next(','));
                        expect('}');
                    }
                    return object;
                }
                case '[' -> {
                    at++;
                    ArrayNode array = NODES.arrayNode();
                    if (!next(']')) {
                        do {
                            array.add(value());
                        } while (next(','));
                        expect(']');
                    }
                    return array;
                }
                case '"' -> {
                    return new Text(string());
                }
                default -> {
                    return text.startsWith("true", at) ? word(4, NODES.booleanNode(true))
                            : text.startsWith("false", at) ? word(5, NODES.booleanNode(false))
                            : text.startsWith("null", at) ? word(4, NODES.nullNode())
                            : number();
                }
            }
        }

        private JsonNode word(int length, JsonNode node) {
            at += length;
            return node;
        }

        private JsonNode number() {
            int start = at;
            take('-');
            int digits = at;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            if (at == digits || text.charAt(digits) == '0' && at > digits + 1) {
                throw error(at == digits ? "a value" : "no leading zeros");
            }
            boolean integer = true;
            if (take('.')) {
                integer = false;
                fraction();
            }
            if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
                at++;
                integer = false;
                if (!take('+')) {
                    take('-');
                }
                fraction();
            }
            String number = text.substring(start, at);
            if (!integer) {
                return NODES.numberNode(Double.parseDouble(number));
            }
            BigInteger value = new BigInteger(number);
            return value.bitLength() < 32 ? NODES.numberNode(value.intValue())
                    : value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
        }

        private void fraction() {
            int digits = at;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            if (at == digits) {
                throw error("a digit");
            }
        }

        private String string() {
            expect('"');
            for (int end = at; end < text.length(); end++) { // most texts have no escape: read them in one piece
                char c = text.charAt(end);
                if (c == '"') {
                    String value = text.substring(at, end);
                    at = end + 1;
                    return value;
                }
                if (c == '\\' || c < 0x20) {
                    break;
                }
            }
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = at < text.length() ? text.charAt(at++) : 0;
                if (c == '"') {
                    return value.toString();
                }
                if (c < 0x20) {
                    at--;
                    throw error("a closing quote");
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = at < text.length() ? text.charAt(at++) : 0;
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        int code = 0;
                        for (int i = 0; i < 4; i++, at++) {
                            if (at == text.length() || !HexFormat.isHexDigit(text.charAt(at))) {
                                throw error("four hexadecimal digits");
                            }
                            code = code * 16 + HexFormat.fromHexDigit(text.charAt(at));
                        }
                        value.append((char) code);
                    }
                    default -> {
                        at--;
                        throw error("an escape");
                    }
                }
            }
        }

        private void space() {
            while (at < text.length() && isSpace(text.charAt(at))) {
                at++;
            }
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\n' || c == '\r' || c == '\t';
        }

        /** Skips spaces, then the character {@code c} if it comes next; says whether it did. */
        private boolean next(char c) {
            space();
            return take(c);
        }

        /** Skips the character {@code c} if it comes next (no spaces first); says whether it did. */
        private boolean take(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!next(c)) {
                throw error("'" + c + "'");
            }
        }

        private IllegalStateException error(String expected) {
            return new IllegalStateException(file + ": invalid JSON at character " + (at + 1) + ": expected "
                    + expected);
        }
    }

    /**
     * A schema's text, which prints itself as JSON ({@code "client"}) as any text node does, but without
     * Jackson's databind serializers: the validator prints each value of an {@code enum} when it compiles one, and
     * the serializers' set-up on that first print was about 30 ms of a cold {@code validate}. Equal to any text
     * node of the same text.
     */
    private static final class Text extends TextNode {

        Text(String text) {
            super(text);
        }

        @Override
        public String toString() {
            StringBuilder json = new StringBuilder(_value.length() + 2);
            appendQuoted(json, _value);
            return json.toString();
        }
    }

    /**
     * YAML's {@code .inf}, {@code -.inf} and {@code .nan}, which no JSON number is: networknt compares a number
     * with an {@code enum}'s values as a BigDecimal, which these have none of ({@code new BigDecimal} throws). As
     * no enum of spark-gen's schemas holds a number, any finite stand-in compares the same (unequal); every other
     * keyword reads the double, and the messages show the value as written.
     */
    private static final class NonFinite extends DoubleNode {

        NonFinite(double value) {
            super(value);
        }

        @Override
        public BigDecimal decimalValue() {
            return BigDecimal.ZERO;
        }
    }
}
