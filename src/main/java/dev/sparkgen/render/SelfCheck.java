package dev.sparkgen.render;

import dev.sparkgen.model.App;
import dev.sparkgen.model.EnvVar;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.source.YamlLoader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Reads a render's output back as its consumers will, and checks that it holds exactly the intended objects:
 * the identity of each object, and every value that came from the user, through each layer it was encoded
 * for (YAML; Kubernetes' $(VAR) expansion; java.util.Properties; bash quoting). A difference is a bug in
 * spark-gen, reported as such, and nothing is written.
 */
final class SelfCheck {

    private SelfCheck() {
    }

    static void verify(App app, View view, Map<String, String> inner, Map<String, String> files) {
        // each file's document parsed once, though checked twice
        Map<String, Map<String, Object>> read = new HashMap<>();
        View.DriverPod pod = view.pod();
        Manifests.Manifest manifest = Manifests.driver(app);
        String[] kind = manifest.objects().get(0).split(" ");
        String apiVersion = kind.length == 2 ? kind[0] : view.cronJob().apiVersion();
        Map<String, Object> driver = object(read, files, manifest.file(), apiVersion, kind[kind.length - 1],
                app.driverObject(), app);
        List<String> at = manifest.podSpec();
        Map<String, Object> spec = map(find(driver, at.toArray(String[]::new)));
        List<String> metadataAt = new ArrayList<>(at.subList(0, at.size() - 1));
        metadataAt.add("metadata");
        Map<String, Object> podMetadata = map(find(driver, metadataAt.toArray(String[]::new)));
        expectStrings("driver pod labels", podMetadata.get("labels"), pod.labels());
        expectStrings("driver pod annotations", podMetadata.get("annotations"), pod.annotations());
        Map<String, Object> container = map(list(spec.get("containers")).get(0));
        expect("driver image", text(container.get("image")), pod.image());
        List<String> names = new ArrayList<>();
        Map<String, String> env = literalEnv(list(container.get("env")), names);
        List<String> wantNames = new ArrayList<>();
        for (View.Env e : pod.env()) {
            wantNames.add(e.name());
            if (e.valueFrom().isEmpty()) {
                expect("driver env " + e.name(), env.get(e.name()), e.value());
            }
        }
        expect("driver env names", names, wantNames);
        List<Object> args = list(container.get("args"));
        expect("driver args count", args.size(), pod.args().size());
        for (int i = 0; i < args.size(); i++) {
            String got = text(args.get(i));
            View.Arg want = pod.args().get(i);
            expect("driver arg " + i, want.literal() ? expand(got, env) : got, want.text());
        }

        Map<String, Object> configMap = object(read, files, "configmap.yaml", "v1", "ConfigMap",
                app.names().configMap(), app);
        expectStrings("configmap labels", find(configMap, "metadata", "labels"), app.labels());
        Map<String, String> data = strings(configMap.get("data"));
        expect("configmap data", data, inner);
        expectProperties(data.get("spark-defaults.conf"), app.sparkDefaults());
        expect("spark-env.sh", ShellWords.exports(data.get("spark-env.sh")), app.job().sparkEnv());
        Map<String, Object> template = parse(App.TEMPLATE_FILE, data.get(App.TEMPLATE_FILE));
        expectStrings("executor template labels", find(template, "metadata", "labels"), view.executor().labels());
        expectStrings("executor template annotations", find(template, "metadata", "annotations"),
                view.executor().annotations());
        Map<String, String> executorEnv = new LinkedHashMap<>();
        if (find(template, "spec", "containers") instanceof List<?> containers
                && map(containers.get(0)).get("env") instanceof List<?> list) {
            executorEnv = literalEnv(list, new ArrayList<>());
        }
        Map<String, String> wantExecutorEnv = new LinkedHashMap<>();
        for (EnvVar var : app.job().executor().role().container().env()) {
            if (var.value() != null) {
                wantExecutorEnv.put(var.name(), var.value());
            }
        }
        executorEnv.keySet().retainAll(wantExecutorEnv.keySet());
        expect("executor env", executorEnv, wantExecutorEnv);

        Map<String, Object> headless = object(read, files, "driver-svc.yaml", "v1", "Service",
                app.names().driverService(), app);
        expectStrings("driver-svc.yaml labels", find(headless, "metadata", "labels"), app.labels());
        expectStrings("driver-svc.yaml selector", find(headless, "spec", "selector"), app.selector());
        Map<String, Object> ui = object(read, files, "ui-svc.yaml", "v1", "Service", app.names().uiService(), app);
        expectStrings("ui-svc.yaml labels", find(ui, "metadata", "labels"), view.uiService().labels());
        expectStrings("ui-svc.yaml selector", find(ui, "spec", "selector"), app.selector());
        if (files.containsKey("ui-ingress.yaml")) {
            UiIngress ingress = view.ingress();
            Map<String, Object> ing = object(read, files, "ui-ingress.yaml", ingress.apiVersion(), "Ingress",
                    app.names().ingress(), app);
            expectStrings("ingress labels", find(ing, "metadata", "labels"), app.labels());
            expectStrings("ingress annotations", find(ing, "metadata", "annotations"), ingress.annotations());
            Map<String, Object> rule = map(list(find(ing, "spec", "rules")).get(0));
            expect("ingress host", rule.get("host") == null ? "" : text(rule.get("host")), ingress.host());
            Map<String, Object> path = map(list(find(rule, "http", "paths")).get(0));
            expect("ingress path", text(path.get("path")), ingress.path());
        }
        for (String file : view.resources()) {
            checkObjects(read, file, files.get(file), Manifests.named(file).objects(), app);
        }
        Map<String, Object> kustomization = parse(Rendered.KUSTOMIZATION, files.get(Rendered.KUSTOMIZATION));
        List<String> resources = new ArrayList<>();
        list(kustomization.get("resources")).forEach(n -> resources.add(text(n)));
        expect("kustomization resources", resources, view.resources());
    }

    /**
     * A manifest's documents: each of the intended kind ("apiVersion kind", or a kind whose apiVersion the cluster
     * version picks), in the app's namespace; the further objects (all but the contract's five) carry the app's
     * labels.
     */
    private static void checkObjects(Map<String, Map<String, Object>> read, String file, String text,
                                     List<String> kinds, App app) {
        // a text the fast reader reads is one document (it declines any "---" line): no need to look for more
        Map<String, Object> whole = kinds.size() == 1 ? fast(read, file, text) : null;
        List<String> documents = whole != null ? List.of(text) : documents(text);
        expect(file + " documents", documents.size(), kinds.size());
        for (int i = 0; i < documents.size(); i++) {
            Map<String, Object> object = whole != null ? whole : parse(file, documents.get(i));
            String kind = text(object.get("kind"));
            expect(file + " kind", kinds.get(i).contains(" ") ? text(object.get("apiVersion")) + " " + kind : kind,
                    kinds.get(i));
            expect(file + " namespace", text(find(object, "metadata", "namespace")), app.job().namespace());
            if (!Manifests.inContract(file)) {
                expectStrings(file + " labels", find(object, "metadata", "labels"), app.labels());
            }
        }
    }

    /** A container's literal env values, as Kubernetes expands them in order; names listed in {@code names}. */
    private static Map<String, String> literalEnv(List<?> list, List<String> names) {
        Map<String, String> env = new HashMap<>();
        for (Object e : list) {
            Map<String, Object> entry = map(e);
            String name = text(entry.get("name"));
            names.add(name);
            env.put(name, entry.get("value") == null ? "<runtime>" : expand(text(entry.get("value")), env));
        }
        return env;
    }

    private static Map<String, Object> object(Map<String, Map<String, Object>> read, Map<String, String> files,
                                              String file, String apiVersion, String kind, String name, App app) {
        Map<String, Object> object = parsed(read, file, files.get(file));
        expect(file + " apiVersion", text(object.get("apiVersion")), apiVersion);
        expect(file + " kind", text(object.get("kind")), kind);
        expect(file + " name", text(find(object, "metadata", "name")), name);
        expect(file + " namespace", text(find(object, "metadata", "namespace")), app.job().namespace());
        return object;
    }

    /** A file of one document, parsed back (by the fast reader once, though checked twice). */
    private static Map<String, Object> parsed(Map<String, Map<String, Object>> read, String file, String text) {
        Map<String, Object> document = fast(read, file, text);
        return document != null ? document : load(file, text);
    }

    /**
     * A file as {@link OutputYaml} reads it, or null where it declines; read once, asked by the file's name (hashing
     * its text would cost a pass over it).
     */
    private static Map<String, Object> fast(Map<String, Map<String, Object>> read, String file, String text) {
        return read.computeIfAbsent(file, f -> OutputYaml.read(text));
    }

    /** A file's documents: the text between its {@code ---} lines, as {@code split("\n---\n", -1)} cuts it. */
    private static List<String> documents(String text) {
        List<String> documents = new ArrayList<>(4);
        int from = 0;
        for (int at; (at = text.indexOf("\n---\n", from)) >= 0; from = at + 5) {
            documents.add(text.substring(from, at));
        }
        documents.add(from == 0 ? text : text.substring(from));
        return documents;
    }

    /**
     * One rendered YAML document, read back: by {@link OutputYaml} when it is in the form spark-gen writes (no
     * code points, events or marks: much cheaper), otherwise by the full loader, which also says what is wrong.
     * Either way as {@link OutputYaml} returns it: plain maps, lists and strings, other scalars as they are.
     */
    private static Map<String, Object> parse(String file, String text) {
        Map<String, Object> read = OutputYaml.read(text);
        return read != null ? read : load(file, text);
    }

    private static Map<String, Object> load(String file, String text) {
        Problems problems = new Problems();
        Node node = YamlLoader.load(file, text, 0, 0, problems);
        if (!problems.isEmpty() || !(node instanceof MapNode)) {
            throw new IllegalStateException("rendered " + file + " does not parse back as one object: "
                    + (problems.isEmpty() ? "not a mapping" : problems.all().get(0).format()));
        }
        return map(OutputYaml.asRead(node));
    }

    /** A mapping read back (a value of another kind, in output broken beyond the checks, fails the cast). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** The value at a path of keys, or null when a key is missing or a value on the way is not a mapping. */
    private static Object find(Map<String, Object> map, String... path) {
        Object value = map;
        for (String key : path) {
            if (!(value instanceof Map<?, ?> m)) {
                return null;
            }
            value = m.get(key);
        }
        return value;
    }

    private static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        throw new IllegalStateException("rendered value is not a string: " + (value == null ? "missing"
                : value instanceof Scalar scalar ? scalar.describe() : value instanceof Map ? "a mapping" : "a list"));
    }

    /**
     * A mapping of strings read back, compared with the intended one in place: looked up key by key, as
     * Map.equals does, without copying it into a map of strings first. Where they differ, {@link #strings} says
     * which value is not a string, if one is not, or the two are shown.
     */
    private static void expectStrings(String what, Object node, Map<String, String> want) {
        Map<?, ?> got = node instanceof Map<?, ?> m ? m : Map.of();
        boolean same = got.size() == want.size();
        for (Map.Entry<String, String> e : want.entrySet()) {
            if (!same) {
                break;
            }
            same = got.get(e.getKey()) instanceof String s && s.equals(e.getValue());
        }
        if (!same) {
            fail(what, strings(node), want);
        }
    }

    private static Map<String, String> strings(Object node) {
        Map<String, String> map = new HashMap<>();
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> map.put((String) k, text(v)));
        }
        return map;
    }

    /**
     * spark-defaults.conf held to the intended properties: compared line by line when it is in the plain form
     * {@link Encode#propertiesFile} writes for text that needs no escape; otherwise, or where it differs, read by
     * java.util.Properties, as spark-submit reads it, which decides.
     */
    static void expectProperties(String text, Map<String, String> want) {
        if (!plainProperties(text, want)) {
            expect("spark-defaults.conf", properties(text), want);
        }
    }

    /**
     * Whether {@code text} certainly reads, as Properties would read it, as exactly {@code want}: each line empty,
     * a comment at its first column, or the next entry of {@code want} written as it stands, {@code key value},
     * and no entry left over; no backslash and no carriage return anywhere (so no escape and no continued line), no
     * blank or separator in a key, and none starting a value (which Properties would skip). False is no verdict.
     */
    static boolean plainProperties(String text, Map<String, String> want) {
        Iterator<Map.Entry<String, String>> entries = want.entrySet().iterator();
        int n = text.length();
        for (int i = 0; i < n; i++) { // a line at i
            char c = text.charAt(i);
            if (c == '#' || c == '!' || c == '\n') {
                for (; i < n && (c = text.charAt(i)) != '\n'; i++) {
                    if (c == '\\' || c == '\r') {
                        return false;
                    }
                }
                continue;
            }
            if (!entries.hasNext()) {
                return false;
            }
            Map.Entry<String, String> entry = entries.next();
            i = plain(text, i, entry.getKey(), true);
            if (i < 0 || i == n || text.charAt(i) != ' ') {
                return false;
            }
            i = plain(text, i + 1, entry.getValue(), false);
            if (i < 0 || i < n && text.charAt(i) != '\n') {
                return false;
            }
        }
        return !entries.hasNext();
    }

    /**
     * Where {@code s}, found at {@code at} in {@code text} as it stands, ends there: a key or value in the plain
     * form (no escape, no line break; no blank or separator in a key, nor at a value's start); -1 if not.
     */
    private static int plain(String text, int at, String s, boolean key) {
        int n = s.length();
        if (key && n == 0 || at + n > text.length()) {
            return -1;
        }
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (text.charAt(at + k) != c || c == '\\' || c == '\r' || c == '\n' || (key || k == 0) && separator(c)) {
                return -1;
            }
        }
        return at + n;
    }

    /** A character that ends a key in a properties file, or that Properties skips before a value. */
    private static boolean separator(char c) {
        return c == ' ' || c == '=' || c == ':' || c == '\t' || c == '\f';
    }

    /**
     * spark-defaults.conf as spark-submit reads it, compared as it stands: a Properties is a map of the strings
     * load put there.
     */
    private static Properties properties(String text) {
        Properties properties = new Properties(64); // sized for spark-gen's files: no rehashing as it loads
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Kubernetes' expansion of command, args and env values: $$ is '$', $(VAR) a defined variable's value. */
    static String expand(String s, Map<String, String> env) {
        if (s.indexOf('$') < 0) {
            return s; // nothing to expand: the text as it stands, not a copy
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '$') {
                out.append('$');
                i++;
            } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
                int close = s.indexOf(')', i + 2);
                String name = close < 0 ? null : s.substring(i + 2, close);
                if (name != null && env.containsKey(name)) {
                    out.append(env.get(name));
                    i = close;
                } else {
                    out.append(c);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Maps are equal by their entries whatever their kind or order (Map.equals): none is copied to compare. The
     * intended value asks: its sorted maps are walked in order, and each key looked up in what was read, a HashMap.
     */
    private static void expect(String what, Object got, Object want) {
        if (!Objects.equals(want, got)) {
            fail(what, got, want);
        }
    }

    private static void fail(String what, Object got, Object want) {
        throw new IllegalStateException("self-check: rendered " + what + " is " + got + ", intended " + want);
    }
}
