package dev.sparkgen.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sparkgen.testing.KubeYaml;
import dev.sparkgen.testing.Seeded;
import dev.sparkgen.testing.Seeded.Gen;
import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever string a SparkApplication holds, {@code spark-gen import} writes it so that it reads back as itself,
 * wherever it sits in the job: a list item, a mapping's value, a value under a list item's mapping. The job file is
 * read back with an independent YAML parser.
 */
class ImportAnyStringTest {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();

    /** What breaks block scalars and their indentation, mixed with any representable characters. */
    private static final Gen<String> STRINGS = Seeded.oneOf(
            Seeded.of(List.of(" ", "  ", "\n", "\n\n", " \n", "\t", "\r", "\r\n", "#", " #", "- ", "? ", ": ", "|",
                    ">", "|2", "'", "\"", "\\", "---", "...", "x", "lead", "two", "é", "😀", "\u0085", "\u2028",
                    "\ufeff", "\u0001", "{", "[", "&a", "*a", "!!str", "0777", "on", "null", "~", "1e3", "$(X)")),
            Seeded.codePoint(0x20, 0x7e),
            Seeded.codePoint(1, 0xd7ff)).joined(10);

    @TempDir
    Path cwd;

    /** A SparkApplication with {@code s} in every position a free string takes, imported and read back. */
    private Map<String, Object> imported(String s) throws IOException {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("cores", 1);
        driver.put("memory", "512m");
        driver.put("annotations", Map.of("example.com/a", s));
        driver.put("env", List.of(Map.of("name", "DRV", "value", s)));
        driver.put("envVars", Map.of("LEGACY", s));
        driver.put("tolerations", List.of(Map.of("key", "k", "operator", "Equal", "value", s, "effect", "NoSchedule")));
        driver.put("volumeMounts", List.of(Map.of("name", "shared", "mountPath", "/shared")));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "Python");
        spec.put("image", "spark:3.5.3");
        spec.put("mainApplicationFile", "local:///opt/app/main.py");
        spec.put("sparkVersion", "3.5.3");
        spec.put("arguments", List.of(s, "middle", s));
        spec.put("sparkConf", Map.of("spark.test.a", s));
        spec.put("hadoopConf", Map.of("fs.test.b", s));
        spec.put("volumes", List.of(Map.of("name", "shared", "hostPath", Map.of("path", "/" + s))));
        spec.put("driver", driver);
        spec.put("executor", Map.of("cores", 1, "instances", 1, "memory", "512m", "annotations", Map.of("example.com/b", s)));
        Map<String, Object> app = Map.of("apiVersion", "sparkoperator.k8s.io/v1beta2", "kind", "SparkApplication",
                "metadata", Map.of("name", "anystring", "namespace", "jobs"), "spec", spec);
        // JSON is YAML, and its escapes write any character; DEL is the one JSON leaves raw and YAML refuses
        Files.writeString(cwd.resolve("app.yaml"), JSON.writeValueAsString(app).replace("\u007f", "\\u007F"));
        Files.deleteIfExists(cwd.resolve("job.yaml"));

        Result result = SparkGenCli.runIn(cwd, "import", "app.yaml", "-o", "job.yaml");

        assertEquals(0, result.exitCode(), result.err());
        return KubeYaml.parse(Files.readString(cwd.resolve("job.yaml")));
    }

    private static void assertEverywhere(String s, Map<String, Object> job) {
        assertEquals(List.of(s, "middle", s), job.get("arguments"));
        assertEquals(Map.of("spark.test.a", s), job.get("sparkConf"));
        assertEquals(Map.of("fs.test.b", s), job.get("hadoopConf"));
        Map<?, ?> driver = (Map<?, ?>) job.get("driver");
        assertEquals(Map.of("example.com/a", s), driver.get("annotations"));
        assertEquals(List.of(Map.of("name", "DRV", "value", s), Map.of("name", "LEGACY", "value", s)), driver.get("env"));
        assertEquals(s, ((Map<?, ?>) ((List<?>) driver.get("tolerations")).get(0)).get("value"));
        assertEquals(Map.of("example.com/b", s), ((Map<?, ?>) job.get("executor")).get("annotations"));
        assertEquals(List.of(Map.of("name", "shared", "hostPath", Map.of("path", "/" + s))), job.get("volumes"));
    }

    /** On main, each of these ended in exit 3: a list item's block got the indentation indicator of a key's. */
    @Test
    void import_argumentsStartingWithABlankOrALineBreak_importAsWritten() throws IOException {
        for (String s : List.of(" lead\nsecond", "\n x", "  two\n")) {
            assertEverywhere(s, imported(s));
        }
    }

    @Test
    void import_anyString_inEveryPosition_readsBackAsItself() {
        Seeded.forAll(1, 150, STRINGS, s -> assertEverywhere(s, imported(s)));
    }
}
