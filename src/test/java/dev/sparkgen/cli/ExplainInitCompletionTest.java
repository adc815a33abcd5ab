package dev.sparkgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.model.SparkVersion;
import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertEquals("""
                derived:
                  app name (executor pod prefix): pi-batch (8 of 47)
                  driver pod:                     pi-batch-driver (15 of 253)
                  headless driver service:        pi-batch-driver-svc (19 of 63)
                  UI service:                     pi-batch-ui-svc (15 of 63)
                  ConfigMap:                      pi-batch-cm (11 of 253)
                  Ingress:                        pi-batch-ui-ingress (19 of 253)
                  namespace:                      default
                  profiles:                       team
                  Spark:                          %s, Python
                  image:                          apache/spark:3.5.3
                  runs:                           local:///a.py
                  driver:                         1 CPU, 1433Mi = 1024Mi heap + 409Mi overhead (max(384Mi, 0.4 × heap))
                  executors:                      4 × 1 CPU, 1433Mi = 1024Mi heap + 409Mi overhead (max(384Mi, 0.4 × heap))
                  scheduling:                     priority class batch, default scheduler
                  service account:                default (of the namespace)
                  Spark UI:                       any host of the ingress class, under /pi-batch
                  executor pods:                  pi-batch-exec-<N>
                  runs as:                        Pod pi-batch-driver, run once
                  retries:                        none: a failed driver stays failed
                  clean-up:                       none: the finished pod stays until it is deleted (kubectl delete -k)
                """.formatted(SparkVersion.NEWEST), section(result.out(), "derived:", "spark-defaults.conf:"));
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
    void init_intoAMissingDirectory_namesIt_andLeavesNothingBehind() throws IOException {
        Result missing = SparkGenCli.runIn(cwd, "init", "mine", "-o", "jobs/new/mine.yaml");
        assertEquals(1, missing.exitCode());
        assertEquals("spark-gen: jobs/new/mine.yaml: cannot write: the directory jobs/new does not exist",
                missing.err().strip());
        Files.writeString(cwd.resolve("notes"), "mine\n");
        Result file = SparkGenCli.runIn(cwd, "init", "mine", "-o", "notes/mine.yaml");
        assertEquals(1, file.exitCode());
        assertEquals("spark-gen: notes/mine.yaml: cannot write: notes is not a directory", file.err().strip());
        try (var left = Files.list(cwd)) {
            assertEquals(List.of(cwd.resolve("notes")), left.toList());
        }
        assertEquals("mine\n", Files.readString(cwd.resolve("notes")));
    }

    @Test
    void completion_printsABashScriptThatCompletesCommandsAndOptions() throws Exception {
        Result result = SparkGenCli.runIn(cwd, "completion");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("complete -F _complete_spark-gen"), result.out());
        Path script = Files.writeString(cwd.resolve("completion.bash"), result.out());
        Process syntax = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertEquals(0, syntax.waitFor(), new String(syntax.getInputStream().readAllBytes()));
        assertEquals("render", complete(script, "spark-gen", "ren"));
        assertEquals("--kube-version", complete(script, "spark-gen", "render", "--kube"));
        assertEquals("explain", complete(script, "spark-gen", "expl"));
    }

    /** What bash offers for the last word, with the script's completion function run as bash would run it. */
    private static String complete(Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        String program = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + line + "); COMP_CWORD="
                + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length()
                + "; _complete_spark-gen 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process bash = new ProcessBuilder("bash", "-c", program).start();
        String out = new String(bash.getInputStream().readAllBytes()).strip();
        assertEquals(0, bash.waitFor(), out);
        return out;
    }

    /** The lines of {@code out} from the one that is {@code first} up to the one that is {@code next}. */
    private static String section(String out, String first, String next) {
        int start = out.indexOf("\n" + first + "\n") + 1;
        int end = out.indexOf("\n" + next + "\n", start) + 1;
        assertTrue(start > 0 && end > start, first + " ... " + next + " in\n" + out);
        return out.substring(start, end);
    }

    private static void assertLine(String out, String key, String value, String origin) {
        assertTrue(out.lines().anyMatch(line -> line.trim().startsWith(key) && line.contains(" " + value + " ")
                && line.endsWith(origin)), key + " " + value + " " + origin + " in\n" + out);
    }
}
