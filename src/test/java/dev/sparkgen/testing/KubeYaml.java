package dev.sparkgen.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses manifests the way Kubernetes does (sigs.k8s.io/yaml: YAML 1.1 scalars, so an unquoted {@code on} is a
 * boolean; timestamps stay strings; a duplicate key is an error), and reads values out of the parsed objects.
 * Parsing with YAML 1.1 rather than spark-gen's own 1.2 loader is deliberate: it sees what the API server sees.
 */
public final class KubeYaml {

    private KubeYaml() {
    }

    /** Every document of a YAML stream; empty documents are skipped, as kubectl skips them. */
    public static List<Map<String, Object>> parseAll(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options,
                new WithoutTimestamps());
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(text)) {
            if (document != null) {
                documents.add(asMap(document, "a document"));
            }
        }
        return documents;
    }

    /** The one document of a YAML text. */
    public static Map<String, Object> parse(String text) {
        List<Map<String, Object>> documents = parseAll(text);
        if (documents.size() != 1) {
            throw new AssertionError("expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    /** The value at a path of map keys and list indexes, e.g. {@code at(pod, "spec", "containers", 0)}; null if absent. */
    public static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map && step instanceof String key) {
                current = map.get(key);
            } else if (current instanceof List<?> list && step instanceof Integer index) {
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    /** The string at a path; null if absent. */
    public static String string(Object node, Object... path) {
        Object value = at(node, path);
        return value == null ? null : value.toString();
    }

    /** The mapping at a path; empty if absent. */
    public static Map<String, Object> map(Object node, Object... path) {
        Object value = at(node, path);
        return value == null ? Map.of() : asMap(value, String.join(".", strings(path)));
    }

    /** The list of mappings at a path; empty if absent. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object node, Object... path) {
        Object value = at(node, path);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new AssertionError(String.join(".", strings(path)) + " is not a list: " + value);
        }
        list.forEach(item -> asMap(item, "an item of " + String.join(".", strings(path))));
        return (List<Map<String, Object>>) list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError(what + " is not a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object[] path) {
        List<String> out = new ArrayList<>();
        for (Object step : path) {
            out.add(String.valueOf(step));
        }
        return out;
    }

    /** SnakeYAML's YAML 1.1 resolver without timestamps, which Kubernetes keeps as strings. */
    private static final class WithoutTimestamps extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
            addImplicitResolver(Tag.YAML, YAML, "!&*");
        }
    }
}
