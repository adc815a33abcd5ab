package dev.sparkgen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.SparkGen;
import dev.sparkgen.model.App;
import dev.sparkgen.model.Binder;
import dev.sparkgen.model.Derive;
import dev.sparkgen.problem.Problem;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.schema.Schemas;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.YamlLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Small jobs for unit tests: parsed in memory ({@link #document}, {@link #app}) when a test is about one stage,
 * or written to a directory and loaded through the library ({@link #load}) when origins in profiles and
 * {@code --set} matter. The CLI has its own helper, {@link SparkGenCli}.
 */
public final class Jobs {

    /** The file name jobs get in messages. */
    public static final String FILE = "job.yaml";
    /** The job schema's defaults, which {@link Binder} applies. */
    public static final Map<String, Object> DEFAULTS = Schemas.load().defaults();

    /** The smallest valid job: a Python one, so that no mainClass is needed. Five lines, one per field. */
    public static final String MINIMAL = """
            apiVersion: spark-gen/v1
            kind: SparkJob
            name: pi
            image: apache/spark:3.5.1
            mainApplicationFile: local:///opt/spark/examples/src/main/python/pi.py
            """;

    /** The smallest valid Scala job. */
    public static final String SCALA = """
            apiVersion: spark-gen/v1
            kind: SparkJob
            name: pi
            image: apache/spark:3.5.1
            mainApplicationFile: local:///opt/spark/examples/jars/spark-examples.jar
            mainClass: org.apache.spark.examples.SparkPi
            """;

    private Jobs() {
    }

    /** YAML text loaded as {@code job.yaml}; fails the test when it cannot be. */
    public static MapNode document(String yaml) {
        Problems problems = new Problems();
        MapNode document = YamlLoader.loadMapping(FILE, yaml.getBytes(StandardCharsets.UTF_8), problems);
        assertTrue(problems.isEmpty(), () -> "the test's YAML does not load: " + lines(problems.all()));
        return document;
    }

    /** {@link #MINIMAL} plus {@code more} (top-level YAML), bound and derived, with no schema or rules. */
    public static App app(String more) {
        return appOf(MINIMAL + more);
    }

    /** A whole job's YAML, bound and derived, with no schema or rules. */
    public static App appOf(String yaml) {
        return Derive.app(Binder.bind(document(yaml), DEFAULTS));
    }

    /** Writes {@code job.yaml} into {@code dir} and loads it with {@code dir} as the working directory. */
    public static SparkGen.JobResult load(Path dir, String yaml, String... sets) {
        write(dir.resolve(FILE), yaml);
        return new SparkGen(dir).load(dir.resolve(FILE), FILE, new SparkGen.Options(List.of(), List.of(sets)));
    }

    /** Writes {@code profiles/NAME.yaml} into {@code dir}. */
    public static Path profile(Path dir, String name, String yaml) {
        Path file = dir.resolve("profiles").resolve(name + ".yaml");
        write(file, yaml);
        return file;
    }

    /** Writes a UTF-8 file, creating its directory. */
    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems as the CLI prints them, one per line. */
    public static List<String> lines(List<Problem> problems) {
        return problems.stream().map(Problem::format).toList();
    }

    /** The one problem there is, as printed; fails when there is not exactly one. */
    public static String only(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> "expected one problem, got " + lines(problems));
        return problems.get(0).format();
    }
}
