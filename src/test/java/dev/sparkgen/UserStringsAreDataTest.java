package dev.sparkgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sparkgen.testing.SparkGenCli;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import dev.sparkgen.testing.Seeded;
import dev.sparkgen.testing.Seeded.Gen;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Whatever string a user puts in a free-form field, the render holds it as data: the manifests parse (with an
 * independent YAML 1.1 parser, as kubectl's) to the intended objects with the string intact, Kubernetes'
 * $(VAR) expansion gives it back, java.util.Properties loads it, and bash exports it and runs nothing else.
 */
class UserStringsAreDataTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();

    private final java.util.Queue<Path> scratch = new java.util.concurrent.ConcurrentLinkedQueue<>();

    void cleanUp() throws IOException {
        for (Path dir; (dir = scratch.poll()) != null; ) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void everyFreeFormField_holdsAnyString_asData() {
        Seeded.forAll(1, 150, HOSTILE.list(3, 3), strings -> {
            try {
                holdsAsData(strings.get(0), strings.get(1), strings.get(2));
            } finally {
                cleanUp();
            }
        });
    }

    private void holdsAsData(String a, String b, String c) throws Exception {
        Path dir = Files.createTempDirectory("spark-gen-data");
        scratch.add(dir);
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("apiVersion", "spark-gen/v1");
        job.put("kind", "SparkJob");
        job.put("name", "data");
        job.put("image", "repo/spark:3.5.1");
        job.put("type", "Python");
        job.put("mainApplicationFile", "local:///app/" + a);
        job.put("arguments", List.of(a, b, c));
        // Spark splits these lists at commas and trims each entry: an entry that would not come back whole is refused
        String jar = oneListEntry(b);
        String sparkFile = oneListEntry(c);
        job.put("deps", Map.of("jars", List.of(jar), "files", List.of(sparkFile)));
        job.put("sparkConf", Map.of("spark.test.a", a, "spark.test.b", b));
        job.put("hadoopConf", Map.of("fs.test.c", c));
        job.put("sparkEnv", Map.of("VAR_A", a, "VAR_B", b, "VAR_C", c));
        job.put("driver", Map.of("env", Map.of("DRV_A", a, "DRV_B", b), "annotations", Map.of("example.com/a", a)));
        job.put("executor", Map.of("env", Map.of("EXE_C", c), "annotations", Map.of("example.com/b", b)));
        job.put("ui", Map.of("ingress", Map.of("annotations", Map.of("example.com/c", c))));
        Path file = dir.resolve("job.yaml");
        // JSON is YAML, and its escapes write any character; DEL is the one JSON leaves raw and YAML refuses
        Files.writeString(file, JSON.writeValueAsString(job).replace("\u007f", "\\u007F"));
        Path out = dir.resolve("out");

        SparkGenCli.Result result = SparkGenCli.run("render", file.toString(), "-o", out.toString());
        assertEquals(0, result.exitCode(), result.err());

        Map<String, Object> pod = load(out.resolve("driver-pod.yaml"));
        assertEquals("Pod", pod.get("kind"));
        Map<String, Object> container = first(get(pod, "spec", "containers"));
        Map<String, String> env = new TreeMap<>();
        for (Map<String, Object> e : list(container.get("env"))) {
            env.put((String) e.get("name"), e.containsKey("value") ? expand((String) e.get("value"), env) : "<pod>");
        }
        assertEquals(a, env.get("DRV_A"));
        assertEquals(b, env.get("DRV_B"));
        List<String> args = new ArrayList<>();
        for (Object arg : list(container.get("args"))) {
            args.add(expand((String) arg, env));
        }
        assertEquals(List.of("local:///app/" + a, a, b, c), args.subList(args.size() - 4, args.size()));
        assertEquals(Map.of("example.com/a", a), get(pod, "metadata", "annotations"));

        Map<String, Object> configMap = load(out.resolve("configmap.yaml"));
        Map<String, Object> data = get(configMap, "data");
        assertEquals(Set.of("spark-defaults.conf", "spark-env.sh", "executor-pod-template.yaml"), data.keySet());

        Properties properties = new Properties();
        properties.load(new StringReader((String) data.get("spark-defaults.conf")));
        assertEquals(a, properties.getProperty("spark.test.a"));
        assertEquals(b, properties.getProperty("spark.test.b"));
        assertEquals(c, properties.getProperty("spark.hadoop.fs.test.c"));
        assertEquals(jar, properties.getProperty("spark.jars"));
        assertEquals(sparkFile, properties.getProperty("spark.files"));
        assertEquals(expectedKeys(), new TreeSet<>(properties.stringPropertyNames()));

        assertEquals(Map.of("VAR_A", a, "VAR_B", b, "VAR_C", c), bash((String) data.get("spark-env.sh"), dir));

        Map<String, Object> template = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load((String) data.get("executor-pod-template.yaml"));
        assertEquals(Map.of("example.com/b", b), get(template, "metadata", "annotations"));
        Map<String, Object> executor = first(get(template, "spec", "containers"));
        assertEquals(c, expand((String) first(executor.get("env")).get("value"), Map.of()));

        Map<String, Object> ingress = load(out.resolve("ui-ingress.yaml"));
        Map<String, Object> annotations = get(ingress, "metadata", "annotations");
        assertEquals(c, annotations.get("example.com/c"));
        assertEquals(2, annotations.size());
    }

    /** The string as one entry of a comma-separated list: no comma, and nothing for Spark to trim at either end. */
    private static String oneListEntry(String s) {
        return "[" + s.replace(",", "") + "]";
    }

    /** The keys spark-gen writes for this job, and the user's: nothing else may appear. */
    private static Set<String> expectedKeys() {
        return new TreeSet<>(List.of("spark.app.name", "spark.driver.blockManager.port", "spark.driver.host",
                "spark.driver.memory", "spark.driver.port", "spark.executor.cores", "spark.executor.instances",
                "spark.executor.memory", "spark.executor.memoryOverheadFactor", "spark.files", "spark.hadoop.fs.test.c", "spark.jars",
                "spark.kubernetes.container.image", "spark.kubernetes.container.image.pullPolicy",
                "spark.kubernetes.driver.pod.name", "spark.kubernetes.executor.podNamePrefix",
                "spark.kubernetes.executor.podTemplateFile", "spark.kubernetes.namespace", "spark.master",
                "spark.submit.deployMode", "spark.test.a", "spark.test.b", "spark.ui.killEnabled", "spark.ui.port",
                "spark.ui.proxyBase", "spark.ui.proxyRedirectUri"));
    }

    /** Sources spark-env.sh as Spark's load-spark-env.sh does, in a clean environment: what it exports. */
    private static Map<String, String> bash(String script, Path dir) throws Exception {
        Path file = dir.resolve("spark-env.sh");
        Files.writeString(file, script);
        String program = "before=$(compgen -e | sort); set -a; . \"$1\" > \"$2\" 2>&1; set +a; "
                + "for v in $(comm -13 <(echo \"$before\") <(compgen -e | sort)); do printf '%s=%s\\0' \"$v\" \"${!v}\"; done";
        Path output = dir.resolve("sourced.out");
        Process process = new ProcessBuilder("env", "-i", "bash", "--noprofile", "--norc", "-c", program, "bash",
                file.toString(), output.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertEquals("", Files.readString(output), "sourcing spark-env.sh printed something");
        try (var listing = Files.list(dir)) {
            assertEquals(Set.of("job.yaml", "out", "spark-env.sh", "sourced.out"),
                    listing.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "sourcing spark-env.sh created files");
        }
        Map<String, String> exports = new TreeMap<>();
        for (String pair : new String(bytes, StandardCharsets.UTF_8).split("\0")) {
            if (!pair.isEmpty()) {
                exports.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return exports;
    }

    /** Kubernetes' expansion of command, args and env: $$ is '$', $(VAR) a defined variable. */
    static String expand(String s, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            int close = ch == '$' && i + 1 < s.length() && s.charAt(i + 1) == '(' ? s.indexOf(')', i) : -1;
            if (ch == '$' && i + 1 < s.length() && s.charAt(i + 1) == '$') {
                out.append('$');
                i++;
            } else if (close > 0 && env.containsKey(s.substring(i + 2, close))) {
                out.append(env.get(s.substring(i + 2, close)));
                i = close;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static final Gen<String> HOSTILE = Seeded.mostly(10,
            Seeded.oneOf(
                    Seeded.of(List.of("\n", "\r\n", "\r", "\t", "'", "\"", "`", ": ", "#", " #", "---",
                            "...", "{{ 7*7 }}", "{% raw %}", "${HOME}", "${env:PATH}", "${spark.app.name}", "$(HOME)",
                            "$(SPARK_HOME)", "$$", "$", "\\", "\\n", "\\u0041", "\u0001", "\u001b[31m", "\u007f",
                            "\u0085", "\u00a0", "\u2028", "\u2029", "\ufeff", "é", "中文", "😀", "- ", "? ", "&a", "*a",
                            "!!str", "%", "@", "|", ">", "[", "]", "{", "}", ",", "0777", "1e3", "on", "no", "~", "null",
                            " ", "=", ":", "export X=1", "; touch pwned", "$(touch pwned)", "`touch pwned`", "'\"'",
                            "\\'")),
                    Seeded.codePoint(0, 0xffff).list(0, 12).map(l -> String.join("", l))
                            .filter(UserStringsAreDataTest::representable)).joined(10),
            Seeded.oneOf(random -> "", Seeded.strings(Seeded.LETTERS, 3000, 3000)));

    /** NUL and half surrogate pairs cannot be carried by a process argument or a UTF-8 file: refused apart. */
    static boolean representable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || Character.isLowSurrogate(c)
                    || Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(++i)))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> load(Path file) throws IOException {
        List<Object> documents = new ArrayList<>();
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file)).forEach(documents::add);
        assertEquals(1, documents.size(), file + " holds one object");
        return cast(documents.get(0));
    }

    private static <T> T get(Map<String, Object> map, String... path) {
        Object node = map;
        for (String key : path) {
            node = ((Map<?, ?>) node).get(key);
        }
        return cast(node);
    }

    private static List<Map<String, Object>> list(Object node) {
        return cast(node);
    }

    private static Map<String, Object> first(Object list) {
        return cast(((List<?>) list).get(0));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
