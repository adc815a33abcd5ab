package dev.sparkgen.importer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.KubeYaml;
import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A SparkApplication that is not what the operator's schema allows (a list where a mapping belongs, text where a
 * list belongs...) is invalid input, never a bug: every value of the fixtures, replaced in turn by a value
 * of each other shape, gives a job (exit 0) or nothing (exit 1), every problem one line at its place in the file,
 * and never an internal error.
 */
class ImportRobustnessTest {

    private static final Pattern PROBLEM = Pattern.compile("app\\.yaml:[0-9]+:[0-9]+: \\S.*");

    @TempDir
    Path cwd;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"every-role-field", "pyspark-etl", "volcano-ui", "dynamic-monitored", "gpu-templates-volumes"})
    void import_ofAnyValueReplacedByAnotherShape_isInvalidInputAtWorst_neverAnInternalError(String stem)
            throws IOException {
        Map<String, Object> application;
        try (InputStream in = getClass().getResourceAsStream("/sparkapplications/" + stem + ".yaml")) {
            application = KubeYaml.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<List<Object>> paths = new ArrayList<>();
        collect(application, new ArrayList<>(), paths);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Yaml yaml = new Yaml(options);
        List<Object> shapes = List.of("x", List.of("x", 1), Map.of("a", "b"), List.of(Map.of("a", List.of())));
        List<String> failures = new ArrayList<>();
        for (List<Object> path : paths) {
            for (Object shape : shapes) {
                Object copy = replaced(application, path, 0, shape);
                Files.writeString(cwd.resolve("app.yaml"), yaml.dump(copy), StandardCharsets.UTF_8);
                Result result = SparkGenCli.runIn(cwd, "import", "app.yaml");
                String problem = verdict(result);
                if (problem != null) {
                    failures.add(path + " = " + shape + ": " + problem + ": " + result.err().strip());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * What is wrong with an import's result, or null: exit 0 prints a job, exit 1 prints nothing; every line on
     * standard error is a problem at its place in the file ({@code app.yaml:LINE:COLUMN: message}); no other exit.
     */
    private static String verdict(Result result) {
        if (result.exitCode() != 0 && result.exitCode() != 1) {
            return "exit " + result.exitCode();
        }
        if (result.exitCode() == 0 && !result.out().contains("\nkind: SparkJob\n")) {
            return "exit 0 without a job";
        }
        if (result.exitCode() == 1 && !result.out().isEmpty()) {
            return "exit 1 printed " + result.out();
        }
        for (String line : result.errLines()) {
            if (!PROBLEM.matcher(line).matches()) {
                return "not a problem line: " + line;
            }
        }
        return null;
    }

    private static void collect(Object node, List<Object> path, List<List<Object>> paths) {
        if (!path.isEmpty()) {
            paths.add(List.copyOf(path));
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                path.add(key);
                collect(value, path, paths);
                path.remove(path.size() - 1);
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                path.add(i);
                collect(list.get(i), path, paths);
                path.remove(path.size() - 1);
            }
        }
    }

    private static Object replaced(Object node, List<Object> path, int depth, Object shape) {
        if (depth == path.size()) {
            return shape;
        }
        Object step = path.get(depth);
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put(step, replaced(map.get(step), path, depth + 1, shape));
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<?>) node);
        int index = (Integer) step;
        copy.set(index, replaced(copy.get(index), path, depth + 1, shape));
        return copy;
    }
}
