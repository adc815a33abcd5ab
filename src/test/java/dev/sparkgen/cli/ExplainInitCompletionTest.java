package dev.sparkgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that help people write jobs: explain, init and completion, through the command line. */
class ExplainInitCompletionTest {

    @TempDir
    Path cwd;

    @Test
    void explain_showsEachValueWithWhereItCameFrom() throws IOException {
        Files.createDirectories(cwd.resolve("profiles"));
        Files.writeString(cwd.resolve("profiles/team.yaml"),
                "apiVersion: spark-gen/v1\nkind: Profile\nname: team\npriorityClassName: batch\n");
        Files.writeString(cwd.resolve("job.yaml"), "apiVersion: spark-gen/v1\nkind: SparkJob\nname: pi\n"
                + "profiles: [team]\nimage: apache/spark:3.5.3\nmainApplicationFile: local:///a.py\n");

        Result result = SparkGenCli.runIn(cwd, "explain", "job.yaml", "--set", "executor.instances=4");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("# job.yaml: the app pi-batch, with the profiles team\n"), result.out());
        assertLine(result.out(), "priorityClassName:", "batch", "# profiles/team.yaml:4");
        assertLine(result.out(), "image:", "apache/spark:3.5.3", "# job.yaml:5");
        assertLine(result.out(), "executor.instances:", "4", "# --set:1");
        assertLine(result.out(), "driver.port:", "7078", "# default");
        assertTrue(result.out().contains("  app name:                pi-batch (8 of at most 47 characters"), result.out());
        assertTrue(result.out().contains("executor pod memory:     1433Mi = 1024Mi heap + 409Mi overhead "
                + "(max(384Mi, 0.4 x heap), Spark's rule)"), result.out());
        assertTrue(result.out().contains("\n  spark.executor.instances 4\n"), result.out());
    }

    @Test
    void explain_invalidJob_exits1WithItsProblems() throws IOException {
        Files.writeString(cwd.resolve("job.yaml"), "apiVersion: spark-gen/v1\nkind: SparkJob\nname: pi\n");

        Result result = SparkGenCli.runIn(cwd, "explain", "job.yaml");

        assertEquals(1, result.exitCode());
        assertEquals("job.yaml:1:1: missing required key 'image'", result.errLines().get(0).split(" — ")[0]);
    }

    @Test
    void explain_missingFile_isAUsageError() {
        Result result = SparkGenCli.runIn(cwd, "explain", "nope.yaml");

        assertEquals(2, result.exitCode());
        assertEquals("spark-gen: no such file: nope.yaml", result.err().strip());
    }

    @Test
    void init_writesAStarterThatRendersAndNamesItsSchema() throws IOException {
        Result init = SparkGenCli.runIn(cwd, "init", "nightly-report");

        assertEquals(0, init.exitCode(), init.err());
        String text = Files.readString(cwd.resolve("nightly-report.yaml"));
        assertTrue(text.startsWith("# yaml-language-server: $schema=job.schema.json\n"), text);
        Result render = SparkGenCli.runIn(cwd, "render", "nightly-report.yaml", "-o", "out");
        assertEquals(0, render.exitCode(), render.err());
        assertTrue(Files.exists(cwd.resolve("out/driver-pod.yaml")));
    }

    @Test
    void init_neverOverwritesWithoutForce_andRefusesABadName() throws IOException {
        Files.writeString(cwd.resolve("mine.yaml"), "mine\n");

        assertEquals(1, SparkGenCli.runIn(cwd, "init", "mine").exitCode());
        assertEquals("mine\n", Files.readString(cwd.resolve("mine.yaml")));
        assertEquals(0, SparkGenCli.runIn(cwd, "init", "mine", "--force").exitCode());
        assertEquals(2, SparkGenCli.runIn(cwd, "init", "Bad_Name").exitCode());
        Files.createDirectory(cwd.resolve("jobs"));
        Result directory = SparkGenCli.runIn(cwd, "init", "mine", "-o", "jobs", "--force");
        assertEquals(1, directory.exitCode());
        assertEquals("spark-gen: jobs: is a directory: name the file to write", directory.err().strip());
    }

    @Test
    void completion_printsABashScriptThatBashAccepts() throws Exception {
        Result result = SparkGenCli.runIn(cwd, "completion");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("complete -F _complete_spark-gen"), result.out());
        Path script = Files.writeString(cwd.resolve("completion.bash"), result.out());
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertEquals(0, bash.waitFor(), new String(bash.getInputStream().readAllBytes()));
    }

    private static void assertLine(String out, String key, String value, String origin) {
        assertTrue(out.lines().anyMatch(line -> line.trim().startsWith(key) && line.contains(" " + value + " ")
                && line.endsWith(origin)), key + " " + value + " " + origin + " in\n" + out);
    }
}
