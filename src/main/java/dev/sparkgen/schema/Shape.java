package dev.sparkgen.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link Schemas#asWritten} and {@link #valid} read of one node of a schema, its {@code $ref} followed once
 * rather than at every node of every document: whether it asks for a string, its constraints, and the shapes
 * of its properties, of other keys ({@code additionalProperties}) and of a list's items, each made when first
 * needed. A Kubernetes reference, or no schema at all, passes its value through as written; {@link #valid}
 * follows a Kubernetes reference when a value reaches it.
 */
final class Shape {

    /** The keywords {@link Shape#valid} reads, the annotations among them; any other makes a schema "not sure". */
    private static final Set<String> READ = Set.of("type", "properties", "additionalProperties", "required",
            "const", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "items", "minItems",
            "uniqueItems", "propertyNames", "if", "then", "else", "description", "default", "title",
            "patternErrorMessage", "$schema", "$comment", "$defs", "examples", "format", "oneOf");
    /** The keywords that may stand beside a {@code $ref}: annotations, which validate nothing. */
    private static final Set<String> ANNOTATIONS = Set.of("$ref", "description", "default", "title",
            "patternErrorMessage", "$comment", "examples");

    private static final int OBJECT = 1;
    private static final int ARRAY = 2;
    private static final int STRING = 4;
    private static final int INTEGER = 8;
    private static final int NUMBER = 16;
    private static final int BOOLEAN = 32;
    private static final int NULL = 64;
    private static final List<String> TYPES = List.of("object", "array", "string", "integer", "number", "boolean",
            "null");

    private final Schemas schemas;

    final boolean passThrough;
    final boolean string;
    private final JsonNode properties;
    private final JsonNode additional;
    private final JsonNode items;
    private final Map<String, Shape> children = new ConcurrentHashMap<>();
    private volatile Shape other;
    private volatile Shape item;

    /** The schema's Kubernetes reference, read by {@link #referenced} when a value first reaches it. */
    private final JsonNode reference;
    private volatile Shape referenced;
    /** No schema: every value is valid. */
    private final boolean any;
    /** A keyword {@link #valid} does not read, or one it reads in a form it does not: no value is sure. */
    private final boolean unsure;
    private final int types;
    private final Set<String> allowed;
    private final RegularExpression pattern;
    private final int minLength;
    private final int maxLength;
    private final boolean bounded;
    private final long minimum;
    private final long maximum;
    /** False when a string is never certainly valid here (a format networknt may read). */
    private final boolean anyText;
    /** The types of each of {@code oneOf}'s branches, null when there is none. */
    private final int[] oneOf;
    private final List<String> required = new ArrayList<>();
    private final boolean closed;
    private final Shape names;
    private final int minItems;
    private final boolean unique;
    private final int ifTypes;
    private final Shape then;
    private final Shape otherwise;

    Shape(Schemas schemas, JsonNode schema) {
        this.schemas = schemas;
        boolean kubernetes = false;
        boolean sure = true;
        JsonNode target = schema;
        for (int hops = 0; target != null && target.has("$ref"); hops++) {
            for (Iterator<String> keys = target.fieldNames(); keys.hasNext(); ) {
                sure &= ANNOTATIONS.contains(keys.next());
            }
            if (target.get("$ref").asText().startsWith("kubernetes")) {
                kubernetes = true; // followed when a value reaches it: see referenced()
                break;
            }
            JsonNode next = schemas.target(target);
            if (next == target || hops == 16) {
                sure = false;
                break;
            }
            target = next;
        }
        passThrough = schema == null || kubernetes;
        reference = kubernetes ? target : null;
        string = !passThrough && "string".equals(target.path("type").asText());
        any = schema == null || schema.isBoolean() && schema.booleanValue();
        sure &= any || target.isObject();
        JsonNode s = target != null && target.isObject() && !kubernetes ? target : MissingNode.getInstance();
        properties = s.path("properties");
        additional = s.path("additionalProperties");
        items = s.path("items");
        for (Iterator<String> keys = s.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            sure &= READ.contains(key) || key.startsWith("x-kubernetes-");
        }
        int typeBits = 0;
        JsonNode type = s.path("type");
        for (JsonNode name : type.isArray() ? type : List.of(type)) {
            int index = TYPES.indexOf(name.asText());
            sure &= name.isMissingNode() || name.isTextual() && index >= 0;
            typeBits |= index < 0 ? 0 : 1 << index;
        }
        sure &= !type.isArray() || !type.isEmpty();
        types = typeBits;
        Set<String> values = null;
        if (s.has("enum") || s.has("const")) {
            sure &= !(s.has("enum") && s.has("const"));
            values = new HashSet<>();
            for (JsonNode value : s.has("enum") ? s.get("enum") : List.of(s.get("const"))) {
                sure &= value.isTextual();
                values.add(value.asText());
            }
        }
        allowed = values;
        JsonNode regex = s.get("pattern");
        sure &= regex == null || regex.isTextual();
        pattern = regex == null || !regex.isTextual() ? null
                : JDKRegularExpressionFactory.getInstance().getRegularExpression(regex.asText());
        minLength = count(s.get("minLength"), 0);
        maxLength = count(s.get("maxLength"), Integer.MAX_VALUE);
        sure &= minLength >= 0 && maxLength >= 0;
        JsonNode low = s.get("minimum");
        JsonNode high = s.get("maximum");
        sure &= (low == null || low.isIntegralNumber() && low.canConvertToLong())
                && (high == null || high.isIntegralNumber() && high.canConvertToLong());
        // networknt does not assert formats; those of the Kubernetes schema are read as bounds, or as "not
        // sure" of any string (date-time), which is never wrong
        String format = s.path("format").asText(null);
        sure &= format == null || format.equals("int32") || format.equals("int64") || format.equals("date-time");
        boolean int32 = "int32".equals(format);
        bounded = low != null || high != null || int32 || "int64".equals(format);
        minimum = Math.max(low == null ? Long.MIN_VALUE : low.asLong(), int32 ? Integer.MIN_VALUE : Long.MIN_VALUE);
        maximum = Math.min(high == null ? Long.MAX_VALUE : high.asLong(), int32 ? Integer.MAX_VALUE : Long.MAX_VALUE);
        anyText = !"date-time".equals(format);
        JsonNode branches = s.get("oneOf");
        sure &= branches == null || branches.isArray() && !branches.isEmpty();
        oneOf = branches == null ? null : new int[branches.size()];
        for (int i = 0; oneOf != null && i < oneOf.length; i++) {
            // branches that only name types, whose match is certain either way
            Shape branch = new Shape(schemas, branches.get(i));
            sure &= branches.get(i).isObject() && branches.get(i).size() == 1 && branch.types != 0;
            oneOf[i] = branch.types;
        }
        s.path("required").forEach(key -> required.add(key.asText()));
        for (JsonNode key : s.path("required")) {
            sure &= key.isTextual();
        }
        sure &= s.path("required").isArray() || !s.has("required");
        sure &= !s.has("properties") || s.get("properties").isObject();
        JsonNode more = s.path("additionalProperties");
        closed = more.isBoolean() && !more.booleanValue();
        sure &= more.isMissingNode() || more.isBoolean() || more.isObject();
        names = subschema(s, "propertyNames");
        minItems = count(s.get("minItems"), 0);
        sure &= minItems >= 0;
        JsonNode distinct = s.path("uniqueItems");
        unique = distinct.booleanValue();
        sure &= distinct.isMissingNode() || distinct.isBoolean();
        sure &= !s.has("items") || s.get("items").isObject();
        JsonNode condition = s.get("if");
        int conditionBits = 0;
        if (condition != null) {
            sure &= condition.isObject() && condition.size() == 1 && condition.has("type");
            Shape test = new Shape(schemas, condition);
            // only the types a value has or has not without doubt: not a number, which may be an integer
            sure &= test.types != 0 && (test.types & (INTEGER | NUMBER)) == 0;
            conditionBits = test.types;
        }
        sure &= condition != null || !s.has("then") && !s.has("else");
        ifTypes = conditionBits;
        then = subschema(s, "then");
        otherwise = subschema(s, "else");
        unsure = !sure || schema != null && schema.isBoolean() && !schema.booleanValue();
    }

    /**
     * The shape of the Kubernetes definition the schema refers to: kubernetes.schema.json is read when a
     * document first passes a Kubernetes object through (networknt would read it then).
     */
    private Shape referenced() {
        Shape shape = referenced;
        if (shape == null) {
            JsonNode definition = schemas.target(reference);
            referenced = shape = new Shape(schemas, definition != reference ? definition : BooleanNode.FALSE);
        }
        return shape;
    }

    /** A subschema that is an object, or null when there is none; "not sure" for anything else. */
    private Shape subschema(JsonNode schema, String keyword) {
        JsonNode sub = schema.get(keyword);
        return sub == null ? null : new Shape(schemas, sub.isObject() ? sub : BooleanNode.FALSE);
    }

    private int count(JsonNode value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        return value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0 ? value.intValue() : -1;
    }

    Shape property(String key) {
        if (properties.has(key)) {
            return children.computeIfAbsent(key, k -> new Shape(schemas, properties.get(k)));
        }
        Shape shape = other;
        if (shape == null) {
            other = shape = new Shape(schemas, additional.isObject() ? additional : null);
        }
        return shape;
    }

    /** The shape of a list's items; null when the schema says nothing of them. */
    Shape items() {
        if (items == null || !items.isObject()) {
            return null;
        }
        Shape shape = item;
        if (shape == null) {
            item = shape = new Shape(schemas, items);
        }
        return shape;
    }

    /**
     * Whether {@code node} certainly satisfies this schema node as networknt reads it (draft 2020-12, JDK
     * regular expressions searched with {@code find}, lengths in code points, JSON equality): false when it
     * does not, or when this check is not sure.
     */
    boolean valid(Node node, int depth) {
        if (any) {
            return true;
        }
        if (unsure || depth > 64) {
            return false;
        }
        if (reference != null) {
            return referenced().valid(node, depth);
        }
        if (node instanceof Scalar scalar) {
            return valid(scalar.value());
        }
        int kind = node instanceof MapNode ? OBJECT : ARRAY;
        if (types != 0 && (types & kind) == 0 || allowed != null || oneOf != null && !exactlyOne(kind, false)) {
            return false;
        }
        if (ifTypes != 0) {
            Shape branch = (ifTypes & kind) != 0 ? then : otherwise;
            if (branch != null && !branch.valid(node, depth)) {
                return false;
            }
        }
        if (node instanceof MapNode map) {
            for (String key : required) {
                if (!map.entries().containsKey(key)) {
                    return false;
                }
            }
            for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
                String key = entry.getKey();
                if (closed && !properties.has(key) || names != null && !names.valid(key)
                        || !property(key).valid(entry.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        List<Node> list = ((ListNode) node).items();
        if (list.size() < minItems || unique && !distinct(list)) {
            return false;
        }
        Shape each = items();
        if (each != null) {
            for (Node item : list) {
                if (!each.valid(item, depth + 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether exactly one of {@code oneOf}'s branches takes a value of {@code kind}; false too when not sure: a
     * fraction, which networknt may take as an integer (it takes 1.0 as one).
     */
    private boolean exactlyOne(int kind, boolean fraction) {
        int matches = 0;
        for (int types : oneOf) {
            if (fraction && (types & INTEGER) != 0 && (types & NUMBER) == 0) {
                return false;
            }
            matches += (types & kind) != 0 ? 1 : 0;
        }
        return matches == 1;
    }

    /** {@link #valid(Node, int)} for a scalar's value, or a key (for {@code propertyNames}). */
    private boolean valid(Object value) {
        if (any) {
            return true;
        }
        if (unsure) {
            return false;
        }
        if (reference != null) {
            return referenced().valid(value);
        }
        int kind = value == null ? NULL : value instanceof String ? STRING : value instanceof Boolean ? BOOLEAN
                : value instanceof Long || value instanceof BigInteger ? INTEGER | NUMBER
                : value instanceof Double d && Double.isFinite(d) ? NUMBER : 0;
        if (kind == 0 || types != 0 && (types & kind) == 0
                || allowed != null && !(value instanceof String text && allowed.contains(text))) {
            return false;
        }
        if (oneOf != null && !exactlyOne(kind, value instanceof Double)) {
            return false;
        }
        if (value instanceof String text) {
            if (!anyText) {
                return false;
            }
            int length = minLength > 0 || maxLength < Integer.MAX_VALUE ? text.codePointCount(0, text.length()) : 0;
            if (length < minLength || length > maxLength || pattern != null && !pattern.matches(text)) {
                return false;
            }
        } else if (bounded && (kind & NUMBER) != 0
                && !(value instanceof Long number && number >= minimum && number <= maximum)) {
            return false; // a number this check does not compare exactly as networknt does is "not sure"
        }
        if (ifTypes != 0) {
            Shape branch = (ifTypes & kind) != 0 ? then : otherwise;
            return branch == null || branch.valid(value);
        }
        return true;
    }


    /**
     * Whether a list's items are certainly distinct under JSON equality (networknt puts them in a set of
     * Jackson's nodes, equal only when of the same type and value): scalars only, and numbers compared as doubles,
     * so that 1 and 1.0, or two longs a double cannot tell apart, count as the same (not sure).
     */
    private static boolean distinct(List<Node> items) {
        Set<Object> seen = new HashSet<>();
        for (Node item : items) {
            if (!(item instanceof Scalar scalar)) {
                return false;
            }
            Object value = scalar.value();
            Object key = value instanceof Number number ? (Object) (number.doubleValue() + 0.0) // -0.0 is 0.0
                    : value == null ? List.of() : value;
            if (key instanceof Double d && !Double.isFinite(d) || !seen.add(key)) {
                return false;
            }
        }
        return true;
    }
}
