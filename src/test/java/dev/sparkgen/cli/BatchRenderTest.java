package dev.sparkgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render} of many jobs in one process: OUT/&lt;app&gt;/ per job and a root kustomization listing them,
 * nothing written unless every job is valid, and the same bytes whatever the order of the jobs.
 */
class BatchRenderTest {

    @TempDir
    Path cwd;

    @BeforeEach
    void jobs() throws IOException {
        Files.createDirectories(cwd.resolve("jobs"));
        for (String name : List.of("c", "a", "b")) {
            job(name, name);
        }
    }

    @Test
    void render_aDirectory_writesOneDirectoryPerAppAndAKustomizationListingThem() throws IOException {
        Result result = run("render", "jobs", "-o", "out");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("spark-gen: 3 apps -> out: 22 files written\n", result.err());
        assertEquals("# Rendered by spark-gen: kubectl apply -k . creates every Spark application below, one "
                        + "directory each.\n"
                        + "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n"
                        + "- a\n- b\n- c\n",
                Files.readString(cwd.resolve("out/kustomization.yaml")));
        for (String app : List.of("a", "b", "c")) {
            assertTrue(Files.readString(cwd.resolve("out/" + app + "/driver-pod.yaml"))
                    .contains("name: " + app + "-driver\n"), app);
        }
    }

    @Test
    void render_theSameJobsInAnyOrder_writesTheSameBytes() throws IOException {
        run("render", "jobs", "-o", "one");
        run("render", "jobs/c.yaml", "jobs/b.yaml", "jobs/a.yaml", "-o", "two");

        assertEquals(snapshot("one"), snapshot("two"));
    }

    @Test
    void render_withAnInvalidJob_reportsEveryJobsErrors_andWritesNothing() throws IOException {
        run("render", "jobs", "-o", "out");
        Map<String, String> before = snapshot("out");
        job("a", "a", "executor:\n  instnces: 3\n");
        job("d", "d");
        job("e", "e", "namespce: x\n");

        Result result = run("render", "jobs", "-o", "out");

        assertEquals(1, result.exitCode());
        assertEquals(List.of(
                "jobs/a.yaml:6:3: unknown key 'instnces' in 'executor' — did you mean 'instances'?",
                "jobs/e.yaml:5:1: unknown key 'namespce' — did you mean 'namespace'?"), result.errLines());
        assertEquals(before, snapshot("out"), "OUT, hidden files included, is as it was");
    }

    @Test
    void render_withAnInvalidJob_intoANewDirectory_leavesNoDirectory() throws IOException {
        job("e", "e", "namespce: x\n");

        Result result = run("render", "jobs", "-o", "out");

        assertEquals(1, result.exitCode());
        assertTrue(Files.notExists(cwd.resolve("out")));
    }

    @Test
    void render_twoJobsOfTheSameApp_isAnErrorAtEach_andWritesNothing() throws IOException {
        job("b2", "b");

        Result result = run("render", "jobs", "-o", "out");

        assertEquals(1, result.exitCode());
        assertEquals(List.of(
                "jobs/b.yaml:3:1: the app 'b' is also rendered from jobs/b2.yaml — every job needs its own app "
                        + "name: change name, priorityClassName or nameSuffix",
                "jobs/b2.yaml:3:1: the app 'b' is also rendered from jobs/b.yaml — every job needs its own app "
                        + "name: change name, priorityClassName or nameSuffix"), result.errLines());
        assertTrue(Files.notExists(cwd.resolve("out")));
    }

    @Test
    void render_aDirectoryHoldingAProfile_rendersItsJobsOnly() throws IOException {
        Files.writeString(cwd.resolve("jobs/p.yaml"), "apiVersion: spark-gen/v1\nkind: Profile\nname: p\n");

        Result result = run("render", "jobs", "-o", "out");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of(".spark-gen", "a", "b", "c", "kustomization.yaml"), list(cwd.resolve("out")));
    }

    @Test
    void render_toStandardOutput_printsEveryAppInAppOrder() {
        Result result = run("render", "jobs", "-o", "-");

        assertEquals(0, result.exitCode(), result.err());
        int a = result.out().indexOf("name: a-driver\n");
        int b = result.out().indexOf("name: b-driver\n");
        int c = result.out().indexOf("name: c-driver\n");
        assertTrue(0 < a && a < b && b < c, result.out());
    }

    private void job(String file, String name) throws IOException {
        job(file, name, "");
    }

    private void job(String file, String name, String more) throws IOException {
        Files.writeString(cwd.resolve("jobs/" + file + ".yaml"), "apiVersion: spark-gen/v1\nkind: SparkJob\nname: "
                + name + "\nimage: apache/spark:3.5.3\n" + more + "mainApplicationFile: local:///a.py\n");
    }

    private Result run(String... args) {
        return SparkGenCli.runIn(cwd, args);
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every file under a directory, hidden ones included, by relative path. */
    private Map<String, String> snapshot(String dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path root = cwd.resolve(dir);
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), Files.readString(path));
            }
        }
        return files;
    }
}
