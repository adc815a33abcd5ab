package dev.sparkgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --check}: CI's question "is out/ what the code renders?", answered without writing. */
class CheckTest {

    @TempDir
    Path cwd;

    @BeforeEach
    void twoJobsRendered() throws IOException {
        Files.createDirectories(cwd.resolve("jobs"));
        job("a", 2);
        job("b", 2);
        assertEquals(0, run("render", "jobs", "-o", "out").exitCode());
    }

    @Test
    void check_freshOut_exits0AndPrintsNoDiff() {
        Result result = run("render", "--check", "jobs", "-o", "out");

        assertEquals(0, result.exitCode());
        assertEquals("", result.out());
        assertEquals("spark-gen: out is up to date\n", result.err());
    }

    @Test
    void check_afterTheJobChanged_exits1WithAUnifiedDiff_andWritesNothing() throws IOException {
        job("a", 3);
        Map<String, String> before = snapshot();

        Result result = run("render", "--check", "jobs", "-o", "out");

        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("--- a/a-app/configmap.yaml\n+++ b/a-app/configmap.yaml\n"), result.out());
        assertTrue(result.out().contains("-    spark.executor.instances 2\n+    spark.executor.instances 3\n"), result.out());
        assertEquals("spark-gen: out is stale: 2 files differ; render again to update it\n", result.err());
        assertEquals(before, snapshot());
    }

    @Test
    void check_handEditedFile_showsTheEditUndone() throws IOException {
        Path svc = cwd.resolve("out/b-app/ui-svc.yaml");
        Files.writeString(svc, Files.readString(svc).replace("type: ClusterIP", "type: LoadBalancer"));

        Result result = run("render", "--check", "jobs", "-o", "out");

        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("-  type: LoadBalancer\n+  type: ClusterIP\n"), result.out());
    }

    @Test
    void check_afterAJobWasRemoved_showsItsFilesGone_andIgnoresForeignFiles() throws IOException {
        Files.delete(cwd.resolve("jobs/b.yaml"));
        Files.writeString(cwd.resolve("out/NOTES.md"), "ours\n");

        Result result = run("render", "--check", "jobs", "-o", "out");

        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("--- a/b-app/driver-pod.yaml\n+++ /dev/null\n"), result.out());
        assertTrue(!result.out().contains("NOTES.md"), result.out());
    }

    @Test
    void check_withOutputOnStdout_isAUsageError() {
        Result result = run("render", "--check", "jobs", "-o", "-");

        assertEquals(2, result.exitCode());
        assertEquals("spark-gen: --check compares with a directory: give -o OUT\n", result.err());
    }

    private void job(String name, int instances) throws IOException {
        Files.writeString(cwd.resolve("jobs/" + name + ".yaml"), String.join("\n", "apiVersion: spark-gen/v1",
                "kind: SparkJob", "name: " + name, "nameSuffix: -app", "image: apache/spark:3.5.3",
                "mainApplicationFile: local:///opt/app.py", "executor: {instances: " + instances + "}", ""));
    }

    private Result run(String... args) {
        return SparkGenCli.runIn(cwd, args);
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(cwd.resolve("out"))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(cwd.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
