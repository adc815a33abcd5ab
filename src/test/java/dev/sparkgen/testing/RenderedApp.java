package dev.sparkgen.testing;

import static dev.sparkgen.testing.KubeYaml.list;
import static dev.sparkgen.testing.KubeYaml.map;
import static dev.sparkgen.testing.KubeYaml.string;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One example's approved output, {@code out/<stem>/}: the files its kustomization lists, parsed as Kubernetes parses
 * them, and what the ConfigMap carries (spark-defaults.conf as Spark loads it, the executor pod template).
 */
public record RenderedApp(String stem, Path dir, Map<String, List<Map<String, Object>>> objectsByFile) {

    public static final Path EXAMPLES = SparkGenCli.ROOT.resolve("examples");
    public static final Path OUT = SparkGenCli.ROOT.resolve("out");
    /** The files that may hold the driver, one per kind. */
    public static final List<String> DRIVER_FILES = List.of("driver-pod.yaml", "driver-job.yaml",
            "driver-cronjob.yaml");
    /** The random part of a name the Job controller generates for its pod: any 5 such characters stand for it. */
    public static final String SAMPLE_POD_SUFFIX = "x7k2p";
    /** The minute a CronJob's Job was scheduled for, since the epoch: the suffix of the Job's name. */
    public static final String SAMPLE_SCHEDULED_MINUTE = "29412345";
    /** The pod IP the downward API gives in {@link #driverEnv(String)}: any address stands for the real one. */
    public static final String SAMPLE_POD_IP = "10.1.2.3";

    /** The examples' file stems, sorted: {@code examples/<stem>.yaml} is rendered into {@code out/<stem>/}. */
    public static Stream<String> exampleStems() {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml"))
                    .map(name -> name.substring(0, name.length() - ".yaml".length()))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and parses {@code out/<stem>/}. */
    public static RenderedApp load(String stem) {
        return load(stem, OUT.resolve(stem));
    }

    /** Reads and parses a directory spark-gen rendered one job into. */
    public static RenderedApp load(String stem, Path dir) {
        Map<String, List<Map<String, Object>>> objects = new LinkedHashMap<>();
        for (String file : listedFiles(dir)) {
            objects.put(file, KubeYaml.parseAll(read(dir.resolve(file))));
        }
        return new RenderedApp(stem, dir, objects);
    }

    /** The files {@code kustomization.yaml} lists under {@code resources}, in its order. */
    public static List<String> listedFiles(Path dir) {
        Map<String, Object> kustomization = KubeYaml.parse(read(dir.resolve("kustomization.yaml")));
        List<String> files = new ArrayList<>();
        Object resources = kustomization.get("resources");
        if (resources instanceof List<?> names) {
            names.forEach(name -> files.add(String.valueOf(name)));
        }
        return files;
    }

    /** Every object of every listed file. */
    public List<Map<String, Object>> objects() {
        return objectsByFile.values().stream().flatMap(List::stream).toList();
    }

    /** The one object a file holds. */
    public Map<String, Object> object(String file) {
        List<Map<String, Object>> objects = objectsByFile.get(file);
        if (objects == null || objects.size() != 1) {
            throw new AssertionError(dir.resolve(file) + ": expected one listed object, found "
                    + (objects == null ? "no such listed file" : objects.size()));
        }
        return objects.get(0);
    }

    /** The object that runs the driver: the Pod, or the Job or CronJob whose controllers make the driver pod. */
    public Map<String, Object> driver() {
        for (String file : DRIVER_FILES) {
            if (objectsByFile.containsKey(file)) {
                return object(file);
            }
        }
        throw new AssertionError(dir + ": the kustomization lists none of " + DRIVER_FILES);
    }

    /**
     * The driver pod as the cluster has it: the Pod, or the one the Job controller makes from a Job's (or a
     * CronJob's Job's) template, in the Job's namespace, named {@code <job>-}{@link #SAMPLE_POD_SUFFIX} (a CronJob's
     * Job is {@code <cronjob>-}{@link #SAMPLE_SCHEDULED_MINUTE}).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> pod() {
        Map<String, Object> driver = driver();
        Map<String, Object> spec = map(driver, "spec");
        String job = string(driver, "metadata", "name");
        switch (String.valueOf(driver.get("kind"))) {
            case "Pod":
                return driver;
            case "CronJob":
                spec = map(spec, "jobTemplate", "spec");
                job = job + "-" + SAMPLE_SCHEDULED_MINUTE;
                break;
            default:
                break;
        }
        Map<String, Object> template = map(spec, "template");
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) template.getOrDefault("metadata",
                Map.of()));
        metadata.put("name", job + "-" + SAMPLE_POD_SUFFIX);
        metadata.put("namespace", string(driver, "metadata", "namespace"));
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.put("metadata", metadata);
        pod.put("spec", template.get("spec"));
        return pod;
    }

    public Map<String, Object> configMap() {
        return object("configmap.yaml");
    }

    public Map<String, Object> driverService() {
        return object("driver-svc.yaml");
    }

    public Map<String, Object> uiService() {
        return object("ui-svc.yaml");
    }

    /** The Ingress, when the job has one. */
    public Optional<Map<String, Object>> ingress() {
        return objectsByFile.containsKey("ui-ingress.yaml") ? Optional.of(object("ui-ingress.yaml")) : Optional.empty();
    }

    /** The application name: the driver pod's {@code app-name} label. */
    public String app() {
        return string(pod(), "metadata", "labels", "app-name");
    }

    /** The container that runs spark-submit. */
    public Map<String, Object> driverContainer() {
        List<Map<String, Object>> submitting = list(pod(), "spec", "containers").stream()
                .filter(container -> String.valueOf(container.get("command")).contains("spark-submit")
                        || String.valueOf(container.get("args")).contains("spark-submit"))
                .toList();
        if (submitting.size() != 1) {
            throw new AssertionError(stem + ": expected one container running spark-submit, found " + submitting.size());
        }
        return submitting.get(0);
    }

    /** The executor pod template the ConfigMap carries, parsed as Spark's fabric8 client would receive it. */
    public Map<String, Object> executorTemplate() {
        return KubeYaml.parse(configMapFile("executor-pod-template.yaml"));
    }

    /** spark-defaults.conf as Spark loads it ({@code java.util.Properties}). */
    public Properties sparkDefaults() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(configMapFile("spark-defaults.conf")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** A file the ConfigMap carries. */
    public String configMapFile(String key) {
        String text = string(map(configMap(), "data"), key);
        if (text == null) {
            throw new AssertionError(stem + ": the ConfigMap holds no " + key);
        }
        return text;
    }

    /**
     * The Spark properties spark-submit runs with in the driver's own namespace: spark-defaults.conf, and over it the
     * command line's {@code --conf}s (as spark-submit lets them win).
     */
    public Properties effectiveConf() {
        Properties conf = sparkDefaults();
        conf.putAll(submitConfs(string(pod(), "metadata", "namespace")));
        return conf;
    }

    /** The driver container's environment in its own namespace: see {@link #driverEnv(String)}. */
    public Map<String, String> driverEnv() {
        return driverEnv(string(pod(), "metadata", "namespace"));
    }

    /**
     * The driver container's environment as the kubelet gives it in a pod of {@code namespace} (an overlay may move
     * the pod): the downward API's namespace, name and {@link #SAMPLE_POD_IP}, and each value expanded from the
     * variables before it.
     */
    public Map<String, String> driverEnv(String namespace) {
        Map<String, String> downward = Map.of("metadata.namespace", namespace, "status.podIP", SAMPLE_POD_IP,
                "metadata.name", string(pod(), "metadata", "name"));
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> variable : list(driverContainer(), "env")) {
            String fieldPath = string(variable, "valueFrom", "fieldRef", "fieldPath");
            String value = fieldPath != null ? downward.get(fieldPath) : expand(string(variable, "value"), env);
            if (value != null) {
                env.put(string(variable, "name"), value);
            }
        }
        return env;
    }

    /**
     * The {@code --conf KEY=VALUE}s of the driver container's command line as spark-submit receives them in a pod of
     * {@code namespace}, {@code $(VAR)} expanded from {@link #driverEnv(String)}.
     */
    public Map<String, String> submitConfs(String namespace) {
        Map<String, String> env = driverEnv(namespace);
        List<String> words = new ArrayList<>();
        for (String field : List.of("command", "args")) {
            if (driverContainer().get(field) instanceof List<?> items) {
                items.forEach(item -> words.add(expand(String.valueOf(item), env)));
            }
        }
        Map<String, String> confs = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String conf = words.get(i).startsWith("--conf=") ? words.get(i).substring("--conf=".length())
                    : words.get(i).equals("--conf") && i + 1 < words.size() ? words.get(++i) : null;
            if (conf != null && conf.contains("=")) {
                confs.put(conf.substring(0, conf.indexOf('=')), conf.substring(conf.indexOf('=') + 1));
            }
        }
        return confs;
    }

    /** Kubernetes' {@code $(VAR)} expansion: a defined variable is replaced, an undefined one kept, {@code $$} is {@code $}. */
    static String expand(String text, Map<String, String> env) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            int close = text.indexOf(')', i);
            if (c == '$' && next == '$') {
                out.append('$');
                i++;
            } else if (c == '$' && next == '(' && close > 0) {
                String name = text.substring(i + 2, close);
                out.append(env.containsKey(name) ? env.get(name) : text.substring(i, close + 1));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
