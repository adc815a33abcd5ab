package dev.sparkgen.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.Jobs;
import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader's limits hold whichever way a value comes in — a job, a profile, a {@code --set}, an imported
 * SparkApplication — and whatever the file is: a device, a FIFO, a symbolic link to one, an alias bomb of long
 * strings, nesting hidden in aliases or in a {@code --set} path. Each is refused at once, one line, exit 1.
 */
class InputLimitsTest {

    /**
     * Refusals must be quick however much the input asks for (on main these ran minutes, or forever). The loader's
     * own share, well under a second, is timed in {@link YamlLoaderTest}; here a command's start-up on a loaded
     * machine is included.
     */
    private static final Duration QUICKLY = Duration.ofSeconds(30);

    @TempDir
    Path cwd;

    private Result run(String... args) {
        return assertTimeoutPreemptively(QUICKLY, () -> SparkGenCli.runIn(cwd, args));
    }

    private static void assertRefused(Result result, String line) {
        assertEquals(1, result.exitCode(), result.err());
        assertEquals(List.of(line), result.errLines());
    }

    private Path write(String name, String text) throws IOException {
        Path file = cwd.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path file = cwd.resolve(name);
        Files.createDirectories(file.getParent());
        Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, mkfifo.exitValue());
        return file;
    }

    // ---------------------------------------------------------------- special files

    @Test
    void validate_devZero_isRefusedAtOnceAsADevice() {
        assertRefused(run("validate", "/dev/zero"), "/dev/zero:1:1: is a character device, not a regular file — "
                + "spark-gen reads YAML from files: save it to a file and give that path");
    }

    @Test
    void validate_profileSymlinkedToDevZero_isRefusedAtTheProfile() throws IOException {
        Files.createDirectories(cwd.resolve("profiles"));
        Files.createSymbolicLink(cwd.resolve("profiles/zero.yaml"), Path.of("/dev/zero"));
        write("job.yaml", Jobs.MINIMAL + "profiles: [zero]\n");

        assertRefused(run("validate", "job.yaml"), "profiles/zero.yaml:1:1: is a character device, not a regular "
                + "file — spark-gen reads YAML from files: save it to a file and give that path");
    }

    @Test
    void validate_fifoAsJob_isRefusedWithoutWaitingForAWriter() throws Exception {
        fifo("job.yaml");

        assertRefused(run("validate", "job.yaml"), "job.yaml:1:1: is a FIFO (named pipe), not a regular file — "
                + "spark-gen reads YAML from files: save it to a file and give that path");
    }

    @Test
    void render_fifoAsProfile_isRefusedWithoutWaitingForAWriter() throws Exception {
        fifo("profiles/piped.yaml");
        write("job.yaml", Jobs.MINIMAL + "profiles: [piped]\n");

        Result result = run("render", "job.yaml", "-o", "out");

        assertRefused(result, "profiles/piped.yaml:1:1: is a FIFO (named pipe), not a regular file — "
                + "spark-gen reads YAML from files: save it to a file and give that path");
        assertFalse(Files.exists(cwd.resolve("out")));
    }

    @Test
    void import_fifo_isRefusedWithoutWaitingForAWriter() throws Exception {
        fifo("app.yaml");

        assertRefused(run("import", "app.yaml"), "app.yaml:1:1: is a FIFO (named pipe), not a regular file — "
                + "spark-gen reads YAML from files: save it to a file and give that path");
    }

    @Test
    void validate_profileOverTheSizeLimit_isRefusedAtTheProfile() throws IOException {
        write("profiles/big.yaml", "apiVersion: spark-gen/v1\nkind: Profile\n" + "#".repeat(YamlLoader.MAX_BYTES));
        write("job.yaml", Jobs.MINIMAL + "profiles: [big]\n");

        assertRefused(run("validate", "job.yaml"), "profiles/big.yaml:1:1: the file is 1048615 bytes, more than "
                + "spark-gen reads (1048576) — a job or profile file is a few kilobytes of YAML");
    }

    // ---------------------------------------------------------------- aliases of long strings

    /** A 900 kB string anchored once and aliased 2,000 times: 1.8 GB of arguments from a file under 1 MiB. */
    private void stringBomb() throws IOException {
        write("job.yaml", Jobs.MINIMAL + "arguments: [&big \"" + "x".repeat(900_000) + "\""
                + ", *big".repeat(2_000) + "]\n");
    }

    @Test
    void validate_stringAliasBomb_isRefusedQuicklyAtTheFirstAliasPastTheLimit() throws IOException {
        stringBomb();

        assertRefused(run("validate", "job.yaml"), "job.yaml:6:900022: aliases expand the document to more than "
                + "1048576 bytes — the alias *big adds 900000 bytes: use each anchor a few times at most");
    }

    @Test
    void render_stringAliasBomb_isRefusedQuicklyAndWritesNothing() throws IOException {
        stringBomb();

        assertRefused(run("render", "job.yaml", "-o", "out"), "job.yaml:6:900022: aliases expand the document to "
                + "more than 1048576 bytes — the alias *big adds 900000 bytes: use each anchor a few times at most");
        assertFalse(Files.exists(cwd.resolve("out")));
    }

    @Test
    void render_longStringAliasedWithinTheLimit_isRendered() throws IOException {
        write("job.yaml", Jobs.MINIMAL + "arguments: [&half \"" + "y".repeat(400_000) + "\", *half]\n");

        Result result = run("render", "job.yaml", "-o", "out");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.readString(cwd.resolve("out/driver-pod.yaml")).contains("y".repeat(400_000)));
    }

    // ---------------------------------------------------------------- depth, every way in

    @Test
    void validate_setPathDeeperThanTheLimit_isRefusedAtTheKeyPastIt() throws IOException {
        write("job.yaml", Jobs.MINIMAL);

        assertRefused(run("validate", "job.yaml", "--set", "a.".repeat(2000) + "b=1"),
                "--set:1:129: the --set path nests deeper than 64 levels");
    }

    @Test
    void validate_setPathAndValueTogetherDeeperThanTheLimit_isRefused() throws IOException {
        write("job.yaml", Jobs.MINIMAL);

        assertRefused(run("validate", "job.yaml", "--set", "a.".repeat(60) + "b=[[[[[x]]]]]"),
                "--set:1:126: the document nests deeper than 64 levels");
    }

    @Test
    void validate_setAtTheDepthLimit_reachesTheSchema() throws IOException {
        write("job.yaml", Jobs.MINIMAL);

        Result result = run("validate", "job.yaml", "--set", "a.".repeat(63) + "b=1");

        assertEquals(1, result.exitCode(), result.err());
        assertEquals(List.of("--set:1:1: unknown key 'a'"), result.errLines().stream()
                .map(line -> line.replaceAll(" — .*", "")).toList());
    }

    /**
     * Each alias of a 60-deep list inside another 60-deep list nests 60 levels more: 50 of them nest 3,000 deep in
     * fewer values than the alias limit counts.
     */
    @Test
    void validate_nestingHiddenInChainedAliases_isRefusedAtTheAlias() throws IOException {
        StringBuilder yaml = new StringBuilder(Jobs.MINIMAL).append("x:\n  a0: &a0 ")
                .append("[".repeat(60)).append('x').append("]".repeat(60)).append('\n');
        for (int i = 1; i < 50; i++) {
            yaml.append("  a").append(i).append(": &a").append(i).append(' ').append("[".repeat(60))
                    .append("*a").append(i - 1).append("]".repeat(60)).append('\n');
        }
        write("job.yaml", yaml.toString());

        assertRefused(run("validate", "job.yaml"), "job.yaml:8:71: the document nests deeper than 64 levels");
    }

    @Test
    void validate_profileNestingDeeperThanTheLimit_isRefusedAtTheProfile() throws IOException {
        write("profiles/deep.yaml", "apiVersion: spark-gen/v1\nkind: Profile\nsparkConf: "
                + "[".repeat(70) + "]".repeat(70) + "\n");
        write("job.yaml", Jobs.MINIMAL + "profiles: [deep]\n");

        assertRefused(run("validate", "job.yaml"), "profiles/deep.yaml:3:75: the document nests deeper than 64 levels");
    }

    @Test
    void import_applicationNestingDeeperThanTheLimit_isRefused() throws IOException {
        write("app.yaml", """
                apiVersion: sparkoperator.k8s.io/v1beta2
                kind: SparkApplication
                metadata:
                  name: deep
                spec:
                  type: Python
                  mode: cluster
                  image: spark:3.5.1
                  mainApplicationFile: local:///x.py
                  arguments: %s
                """.formatted("[".repeat(70) + "x" + "]".repeat(70)));

        assertRefused(run("import", "app.yaml"), "app.yaml:10:76: the document nests deeper than 64 levels");
    }
}
