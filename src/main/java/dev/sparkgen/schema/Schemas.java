package dev.sparkgen.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.resource.ResourceLoader;
import com.networknt.schema.serialization.NodeReader;
import dev.sparkgen.problem.Origin;
import dev.sparkgen.merge.SetOverride;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.problem.Quote;
import dev.sparkgen.source.KeyPath;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of job and profile files ({@code schema/*.schema.json}, carried in the jar): the single
 * source of truth for what is valid. Validation reports every error, each at the place its value was written,
 * in words a person can act on.
 */
public final class Schemas {

    /** The two kinds of files spark-gen reads. */
    public enum Kind {
        JOB("job.schema.json"), PROFILE("profile.schema.json");

        private final String file;

        Kind(String file) {
            this.file = file;
        }

        public String file() {
            return file;
        }
    }

    private static final String DIRECTORY = "schema/";

    /**
     * Where the validator finds the schema documents parsed here (messages read only the file name). Not
     * {@code classpath:}, which networknt reads from the jar itself before it asks a resource loader.
     */
    private static final String PARSED = "spark-gen:" + DIRECTORY;

    /**
     * The schema files as JSON, each parsed once: the validator compiles these very nodes, and messages, defaults
     * and {@link #asWritten} read them.
     */
    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();
    /** Guards {@link #schemas} and every validation: see {@link #validate}. */
    private final Object validating = new Object();
    private final Map<Kind, Schema> schemas = new EnumMap<>(Kind.class);
    private final Map<Kind, Shape> shapes = new ConcurrentHashMap<>();
    private SchemaRegistry registry;
    private volatile SortedMap<String, Object> defaults;

    private Schemas() {
    }

    /** The schemas of the class path; each is read and compiled when a document first needs it. */
    public static Schemas load() {
        return new Schemas();
    }

    /** The Kubernetes definitions the job schema refers to ({@code kubernetes.schema.json#/...}). */
    public static final String KUBERNETES_FILE = "kubernetes.schema.json";

    /** The schema's text, as shipped. */
    public static String text(Kind kind) {
        return text(kind.file());
    }

    /** The text of a schema file of {@code schema/}, as shipped: a kind's, or {@link #KUBERNETES_FILE}. */
    public static String text(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    /** A kind's schema as Jackson's tree, parsed anew (callers may keep it). */
    public static JsonNode tree(Kind kind) {
        return Json.parse(kind.file(), text(kind));
    }

    private static byte[] bytes(String file) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("the jar holds no " + DIRECTORY + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates a document against a schema, adding a problem for each error. A number or a boolean written
     * where the schema asks for a string ({@code sparkVersion: 3.5}, {@code coreLimit: 1}) is taken as the string
     * it is written as ({@code 3.10} stays 3.10, never 3.1): the README promises that quoting is never needed.
     * Returns the document so read, for the stages after.
     *
     * <p>A document that {@link Shape#valid} finds valid is valid: that check reads the schema's keywords as
     * networknt does, and says "valid" only when it is sure (a keyword it does not read, a number it cannot
     * compare exactly, a date-time: not sure). Every other document, and only those, goes to networknt, the
     * authority, which finds its errors and their places: networknt's schemas and Jackson's tree of the document
     * are made for the first such document (a batch of valid jobs never loads them).
     */
    public MapNode validate(Kind kind, MapNode document, Problems problems) {
        Shape shape = shape(kind);
        MapNode written = (MapNode) asWritten(shape, document, 0);
        if (!shape.valid(written, 0)) {
            for (Error error : errors(kind, written)) {
                report(error, written, problems);
            }
        }
        return written;
    }

    /** Whether the check finds a document valid, as read ({@link #asWritten}): the fast path of {@link #validate}. */
    boolean certainlyValid(Kind kind, MapNode document) {
        Shape shape = shape(kind);
        return shape.valid(asWritten(shape, document, 0), 0);
    }

    /**
     * networknt's errors for a document as read ({@link #asWritten}). It compiles the target of a {@code $ref}
     * when a document first reaches it (no preloading): most jobs pass no Kubernetes object through, and then
     * kubernetes.schema.json (322 kB) is neither read nor compiled; a job that does gets the definitions it uses.
     * That compiling on first use is not synchronised ({@code Schema.getValidators}), hence one validation at a
     * time, whatever the threads of a batch. Reading the job ({@link #asWritten}) and the messages stay outside
     * the lock.
     */
    List<Error> errors(Kind kind, MapNode written) {
        JsonNode json = Json.of(written);
        synchronized (validating) {
            return schema(kind).validate(json);
        }
    }

    /** Whether networknt's schema of either kind was compiled: the first document the check could not pass was. */
    boolean compiled() {
        synchronized (validating) {
            return !schemas.isEmpty();
        }
    }

    /**
     * The node with each number or boolean that stands where {@code shape} asks for a string turned into that
     * string, as written (the node itself when nothing changes). Kubernetes objects are passed through as written
     * (their int-or-string fields take numbers).
     */
    private Node asWritten(Shape shape, Node node, int depth) {
        if (shape.passThrough || depth > 64) {
            return node;
        }
        if (node instanceof Scalar scalar) {
            return (scalar.value() instanceof Number || scalar.value() instanceof Boolean) && shape.string
                    ? Scalar.string(scalar.origin(), scalar.text()) : node;
        }
        if (node instanceof MapNode map) {
            Map<String, Node> entries = null;
            for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
                Node value = asWritten(shape.property(entry.getKey()), entry.getValue(), depth + 1);
                if (value != entry.getValue()) {
                    if (entries == null) {
                        entries = new LinkedHashMap<>(map.entries());
                    }
                    entries.put(entry.getKey(), value);
                }
            }
            return entries == null ? map : new MapNode(map.origin(), entries);
        }
        Shape items = shape.items();
        if (node instanceof ListNode list && items != null) {
            List<Node> read = null;
            for (int i = 0; i < list.items().size(); i++) {
                Node item = list.items().get(i);
                Node value = asWritten(items, item, depth + 1);
                if (value != item) {
                    if (read == null) {
                        read = new ArrayList<>(list.items());
                    }
                    read.set(i, value);
                }
            }
            return read == null ? list : new ListNode(list.origin(), read);
        }
        return node;
    }

    /** A kind's root {@link Shape}, made once. */
    private Shape shape(Kind kind) {
        return shapes.computeIfAbsent(kind, k -> new Shape(this, document(k.file())));
    }


    private void report(Error error, MapNode document, Problems problems) {
        KeyPath path = keyPath(error.getInstanceLocation());
        Node node = path.find(document);
        Origin origin = (node != null ? node : path.findNearest(document)).origin();
        JsonNode schema = schemaAt(error.getSchemaLocation());
        JsonNode holder = schemaAt(parent(error.getSchemaLocation()));
        String name = path.isRoot() ? "the file" : "'" + path + "'";
        switch (error.getKeyword()) {
            case "additionalProperties" -> {
                String key = error.getProperty();
                Node keyNode = path.child(key).find(document);
                List<String> known = new ArrayList<>();
                JsonNode properties = holder == null ? null : resolve(holder).get("properties");
                if (properties != null) {
                    properties.fieldNames().forEachRemaining(known::add);
                }
                String closest = Suggestions.closest(key, known);
                String where = path.isRoot() ? "" : " in '" + path + "'";
                String elsewhere = closest == null ? elsewhere(key, path) : null;
                problems.error(keyNode != null ? keyNode.origin() : origin, "unknown key '" + key + "'" + where,
                        closest != null ? "did you mean '" + closest + "'?"
                                : elsewhere != null ? "did you mean '" + elsewhere + "'?"
                                : known.size() <= 12 ? "known keys: " + String.join(", ", known)
                                : "'spark-gen schema' lists the known keys");
            }
            case "required" -> problems.error(origin, "missing required key '" + error.getProperty() + "'"
                            + (path.isRoot() ? "" : " in '" + path + "'"),
                    firstSentence(description(holder == null ? null : resolve(holder).path("properties")
                            .get(error.getProperty()))));
            case "type" -> {
                String expected = expected(error.getArguments()[1]);
                problems.error(origin, name + " must be " + expected + ", not " + found(node),
                        dottedSet(path, node) != null ? dottedSet(path, node) : typeHint(node, expected));
            }
            case "enum" -> {
                List<String> allowed = new ArrayList<>();
                schema.forEach(v -> allowed.add(v.asText()));
                String closest = node instanceof Scalar s ? Suggestions.closest(s.text(), allowed) : null;
                problems.error(origin, name + " must be one of " + String.join(", ", allowed) + ", not " + found(node),
                        closest != null ? "did you mean '" + closest + "'?" : null);
            }
            case "const" -> problems.error(origin, name + " must be '" + schema.asText() + "', not " + found(node));
            case "pattern" -> problems.error(origin,
                    name + " " + patternMessage(holder) + " (found " + found(node) + ")",
                    isMemory(error.getSchemaLocation()) ? memoryHint(node) : null);
            case "propertyNames" -> {
                String key = error.getProperty();
                Node keyNode = path.child(key).find(document);
                if (dottedSet(path.child(key), keyNode) != null) {
                    return; // the type error at the same key says it, with the quoting
                }
                problems.error(keyNode != null ? keyNode.origin() : origin,
                        "key '" + key + "' in " + name + " " + patternMessage(schema));
            }
            case "minimum", "maximum" -> problems.error(origin, name + " must be "
                    + ("minimum".equals(error.getKeyword()) ? "at least " : "at most ") + schema.asText()
                    + ", not " + found(node));
            case "maxLength" -> problems.error(origin, name + " must be at most " + schema.asText()
                    + " characters long (found " + (node instanceof Scalar s ? s.text().length() : 0) + ")");
            case "minLength" -> problems.error(origin, name + " must not be empty");
            case "minItems" -> problems.error(origin, name + " must list at least "
                    + Quote.count(schema.asInt(), "item"));
            case "uniqueItems" -> problems.error(origin, name + " lists the same item twice");
            default -> problems.error(origin, name + ": " + error.getMessage());
        }
    }

    /**
     * The defaults the job schema documents, by path ({@code driver.port}: 7078; an array's items as
     * {@code driver.secrets[].secretType}): the one place a default is written. {@code Binder} applies them and
     * {@code explain} shows them. Read once.
     */
    public SortedMap<String, Object> defaults() {
        SortedMap<String, Object> read = defaults;
        if (read == null) {
            SortedMap<String, Object> collected = new TreeMap<>();
            collectDefaults(document(Kind.JOB.file()), "", collected, 0);
            read = defaults = Collections.unmodifiableSortedMap(collected);
        }
        return read;
    }

    /**
     * The paths of the job's objects that exist only when a job writes them, because they have a required key
     * ({@code driver.nodeAffinity} needs its {@code values}): their defaults apply only then.
     */
    public java.util.SortedSet<String> objectsWithRequiredKeys() {
        java.util.SortedSet<String> objects = new java.util.TreeSet<>();
        collectRequired(document(Kind.JOB.file()), KeyPath.of(), objects, 0);
        return objects;
    }

    private void collectRequired(JsonNode schema, KeyPath path, java.util.Set<String> objects, int depth) {
        JsonNode properties = resolve(schema).get("properties");
        if (properties == null || depth > 4) {
            return;
        }
        properties.fields().forEachRemaining(entry -> {
            JsonNode property = entry.getValue();
            if (property.path("$ref").asText().startsWith("kubernetes")) {
                return;
            }
            KeyPath child = path.child(entry.getKey());
            if (!resolve(property).path("required").isEmpty()) {
                objects.add(child.toString());
            }
            collectRequired(property, child, objects, depth + 1);
        });
    }

    private void collectDefaults(JsonNode schema, String path, Map<String, Object> defaults, int depth) {
        JsonNode properties = resolve(schema).get("properties");
        if (properties == null || depth > 4) {
            return;
        }
        properties.fields().forEachRemaining(entry -> {
            JsonNode property = entry.getValue();
            String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            boolean kubernetes = property.path("$ref").asText().startsWith("kubernetes");
            // a Kubernetes object is passed through as written: Kubernetes applies its defaults (and reading them
            // here would parse kubernetes.schema.json in every run)
            JsonNode value = property.has("default") ? property.get("default")
                    : kubernetes ? null : resolve(property).get("default");
            if (value != null) {
                defaults.put(child, value.isTextual() ? value.asText()
                        : value.isBoolean() ? (Object) value.booleanValue() : value.numberValue());
            }
            if (!kubernetes) {
                collectDefaults(property, child, defaults, depth + 1);
                JsonNode items = resolve(property).get("items");
                if (items != null && !items.path("$ref").asText().startsWith("kubernetes")) {
                    collectDefaults(items, child + "[]", defaults, depth + 1);
                }
            }
        });
    }

    /**
     * A key of another section of a job that the misplaced key is (or nearly is): {@code driver.instnces} is
     * {@code executor.instances}. Null when there is none, or the error is inside a Kubernetes object.
     */
    private String elsewhere(String key, KeyPath path) {
        JsonNode job = document(Kind.JOB.file());
        JsonNode top = job.get("properties");
        if (top == null || path.segments().size() > 1) {
            return null;
        }
        java.util.Map<String, String> candidates = new java.util.LinkedHashMap<>();
        top.fieldNames().forEachRemaining(section -> {
            candidates.putIfAbsent(section, section);
            JsonNode properties = resolve(top.get(section)).get("properties");
            if (properties != null && !KeyPath.of(section).equals(path)) {
                properties.fieldNames().forEachRemaining(k -> candidates.putIfAbsent(k, section + "." + k));
            }
        });
        if (!path.isRoot()) {
            candidates.remove(path.lastKey());
        }
        String closest = Suggestions.closest(key, candidates.keySet());
        return closest == null ? null : candidates.get(closest);
    }

    private static KeyPath keyPath(NodePath location) {
        List<Object> segments = new ArrayList<>(location.getNameCount());
        for (int i = 0; i < location.getNameCount(); i++) {
            segments.add(location.getElement(i));
        }
        return new KeyPath(segments);
    }

    /** The schema node an error's location names, in either schema document. */
    private JsonNode schemaAt(SchemaLocation location) {
        String iri = location.getAbsoluteIri().toString();
        JsonNode node = document(iri.substring(iri.lastIndexOf('/') + 1));
        NodePath fragment = location.getFragment();
        for (int i = 0; node != null && i < fragment.getNameCount(); i++) {
            Object element = fragment.getElement(i);
            node = element instanceof Integer index ? node.get(index) : node.get((String) element);
        }
        return node;
    }

    /** Follows a local {@code $ref} (the kind these schemas use) to the node it names. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode target = target(schema);
        return target == schema ? schema : resolve(target);
    }

    /** The node a {@code $ref} names, one step; the schema itself when it has none, or names nothing. */
    JsonNode target(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String target = ref.asText();
        int hash = target.indexOf('#');
        String file = hash > 0 ? target.substring(0, hash) : Kind.JOB.file();
        JsonNode node = document(file);
        for (String part : target.substring(hash + 1).split("/")) {
            if (!part.isEmpty() && node != null) {
                node = node.get(part);
            }
        }
        return node == null ? schema : node;
    }

    private JsonNode document(String file) {
        return documents.computeIfAbsent(file, name -> Json.parse(name, text(name)));
    }

    /** A kind's schema, compiled on first use from {@link #documents}; called holding {@link #validating}. */
    private Schema schema(Kind kind) {
        Schema schema = schemas.get(kind);
        if (schema == null) {
            if (registry == null) {
                ResourceLoader parsed = iri -> iri.toString().startsWith(PARSED)
                        ? () -> new Parsed(document(iri.toString().substring(PARSED.length()))) : null;
                NodeReader files = NodeReader.builder().build();
                NodeReader reader = new NodeReader() {
                    @Override
                    public JsonNode readTree(String content, InputFormat format) throws IOException {
                        return files.readTree(content, format);
                    }

                    @Override
                    public JsonNode readTree(InputStream in, InputFormat format) throws IOException {
                        return in instanceof Parsed document ? document.node : files.readTree(in, format);
                    }
                };
                registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                        .schemaRegistryConfig(SchemaRegistryConfig.builder().preloadSchema(false).build())
                        .nodeReader(reader)
                        .schemaLoader(loader -> loader.resourceLoaders(loaders -> loaders.add(parsed))));
            }
            schema = registry.getSchema(SchemaLocation.of(PARSED + kind.file()));
            schemas.put(kind, schema);
        }
        return schema;
    }

    /** A schema document already parsed, handed to the validator's reader in place of the file's bytes. */
    private static final class Parsed extends InputStream {

        private final JsonNode node;

        Parsed(JsonNode node) {
            this.node = node;
        }

        @Override
        public int read() {
            return -1;
        }
    }

    private static SchemaLocation parent(SchemaLocation location) {
        return new SchemaLocation(location.getAbsoluteIri(), location.getFragment().getParent());
    }

    /** The {@code patternErrorMessage} (VS Code's keyword, so editors show it too) of a schema with a pattern. */
    private String patternMessage(JsonNode schema) {
        JsonNode message = schema == null ? null : resolve(schema).get("patternErrorMessage");
        return message != null ? message.asText() : "is not in the expected form";
    }

    /** A property's description: its own, or that of the definition it refers to. */
    private String description(JsonNode property) {
        if (property == null) {
            return null;
        }
        JsonNode description = property.has("description") ? property.get("description")
                : resolve(property).get("description");
        return description == null ? null : description.asText();
    }

    /** The first sentence of a description (one that ends before a capital letter, so "e.g. x" goes on). */
    private static String firstSentence(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher end = java.util.regex.Pattern.compile("\\. (?=[A-Z])").matcher(text);
        String sentence = end.find() ? text.substring(0, end.start() + 1) : text;
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** The type a schema asks for, in words; a nullable type ({@code [integer, null]}) reads as its other type. */
    private static String expected(Object types) {
        String text = String.valueOf(types).replaceAll("^\\[|]$|,? ?\\bnull\\b,? ?", "");
        if (text.contains("string") && text.contains("number")) {
            return "text";
        }
        return switch (text) {
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "string" -> "a string";
            default -> text;
        };
    }

    private static String found(Node node) {
        return node == null ? "nothing" : node.describe();
    }

    /**
     * For {@code --set sparkConf.spark.eventLog.enabled=true}, where the key's dots made mappings: the same
     * {@code --set} with the key quoted (and shell-quoted, so that the shell keeps the double quotes). Null for
     * anything else.
     */
    private static String dottedSet(KeyPath path, Node node) {
        if (!(node instanceof MapNode map) || !node.origin().file().equals(SetOverride.FILE) || path.isRoot()) {
            return null;
        }
        StringBuilder key = new StringBuilder(path.lastKey());
        Node value = map;
        while (value instanceof MapNode inner && inner.entries().size() == 1) {
            Map.Entry<String, Node> entry = inner.entries().entrySet().iterator().next();
            key.append('.').append(entry.getKey());
            value = entry.getValue();
        }
        if (!(value instanceof Scalar scalar)) {
            return null;
        }
        List<Object> segments = path.segments();
        String parent = segments.size() > 1 ? new KeyPath(segments.subList(0, segments.size() - 1)) + "." : "";
        return "a key that holds dots is quoted: --set '" + parent + "\"" + key + "\"=" + scalar.text() + "'";
    }

    /** Whether a pattern error is that of a Spark memory size ({@code $defs/memory}). */
    private static boolean isMemory(SchemaLocation location) {
        NodePath fragment = location.getFragment().getParent();
        return fragment != null && fragment.getNameCount() > 0
                && "memory".equals(String.valueOf(fragment.getElement(fragment.getNameCount() - 1)));
    }

    /** What to write instead of a Kubernetes quantity ({@code 4Gi}) or a bare number, in Spark's units. */
    private static String memoryHint(Node node) {
        if (!(node instanceof Scalar s)) {
            return null;
        }
        java.util.regex.Matcher quantity = java.util.regex.Pattern.compile("([0-9]+)([kKmMgGtT])i?").matcher(s.text());
        if (quantity.matches()) {
            return "Spark's units are k, m, g, t (powers of 1024, as Kubernetes' Ki, Mi, Gi, Ti): write "
                    + quantity.group(1) + quantity.group(2).toLowerCase(Locale.ROOT);
        }
        if (s.text().matches("[0-9]+")) {
            return "give a unit, as Spark reads it: " + s.text() + "m for mebibytes, " + s.text() + "g for gibibytes";
        }
        return null;
    }

    private static String typeHint(Node node, String expected) {
        if (!(node instanceof Scalar s) || !s.isString()) {
            return null;
        }
        if (expected.equals("true or false")) {
            return switch (s.text().toLowerCase(Locale.ROOT)) {
                case "yes", "no", "on", "off", "y", "n" ->
                        "spark-gen reads YAML 1.2, where '" + s.text() + "' is a string: write true or false";
                case "true", "false" -> "write it without quotes";
                default -> null;
            };
        }
        if (expected.equals("an integer") || expected.equals("a number")) {
            return s.text().matches("[-+]?[0-9]+(\\.[0-9]*)?") ? "write it without quotes" : null;
        }
        return null;
    }
}
