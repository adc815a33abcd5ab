package dev.sparkgen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.SparkGenCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user finds in OUT after a render that fails or is killed, through the real command line in its own
 * process: every file as it was or as the new render writes it, never part of one; their own files untouched;
 * and the next render brings OUT to the intended state.
 */
class NothingLostTest {

    @TempDir
    Path tmp;

    @Test
    void render_whenKilledAtAnyInstant_leavesEveryFileOldOrNew_andTheNextRenderFinishes() throws Exception {
        Path v1 = jobs("v1", 0, 60, 2);
        Path v2 = jobs("v2", 20, 80, 3); // 20 jobs gone, 20 new, 40 changed
        Path oldOut = tmp.resolve("old");
        Path newOut = tmp.resolve("new");
        assertEquals(0, SparkGenCli.run("render", v1.toString(), "-o", oldOut.toString()).exitCode());
        assertEquals(0, SparkGenCli.run("render", v2.toString(), "-o", newOut.toString()).exitCode());
        Map<String, String> before = snapshot(oldOut);
        Map<String, String> after = snapshot(newOut);

        Random random = new Random(42);
        long fullRun = timeOf(v2, copy(oldOut, tmp.resolve("timing")));
        int interrupted = 0;
        for (int round = 0; round < 10; round++) {
            Path out = copy(oldOut, tmp.resolve("round" + round));
            Files.writeString(out.resolve("NOTES.md"), "mine\n");
            Process process = start(v2, out);
            Thread.sleep((long) (fullRun * random.nextDouble()));
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            interrupted += process.exitValue() == 0 ? 0 : 1;

            Map<String, String> found = snapshot(out);
            assertEquals("mine\n", found.remove("NOTES.md"));
            for (Map.Entry<String, String> file : found.entrySet()) {
                String name = file.getKey();
                if (name.endsWith(OutputDirectory.SCRATCH_SUFFIX) || name.endsWith(OutputDirectory.RECORD)
                        || name.equals(OutputDirectory.LOCK)) {
                    continue;
                }
                assertTrue(file.getValue().equals(before.get(name)) || file.getValue().equals(after.get(name)),
                        "round " + round + ": " + name + " is neither the old nor the new file");
            }
            for (String kustomization : found.keySet().stream().filter(n -> n.endsWith("kustomization.yaml")).toList()) {
                Path dir = out.resolve(kustomization).getParent();
                for (String line : found.get(kustomization).split("\n")) {
                    if (line.startsWith("- ")) {
                        assertTrue(Files.exists(dir.resolve(line.substring(2))),
                                "round " + round + ": " + kustomization + " lists " + line.substring(2) + ", which is not there");
                    }
                }
            }
            assertEquals(0, SparkGenCli.run("render", v2.toString(), "-o", out.toString()).exitCode());
            Map<String, String> finished = snapshot(out);
            assertEquals("mine\n", finished.remove("NOTES.md"));
            assertEquals(after, finished, "round " + round + ": the next render did not finish the job");
        }
        assertTrue(interrupted > 0, "no round killed a render: the test proves nothing");
    }

    @Test
    void render_whenAFileCannotBeWritten_leavesOutAsItWas() throws Exception {
        Path v1 = jobs("v1", 0, 3, 2);
        Path v2 = jobs("v2", 0, 3, 3);
        Path out = tmp.resolve("out");
        assertEquals(0, SparkGenCli.run("render", v1.toString(), "-o", out.toString()).exitCode());
        Map<String, String> before = snapshot(out);

        // A file size limit of 1 KiB: the kernel refuses the first large write (EFBIG), as a full disk would.
        Process process = new ProcessBuilder("bash", "-c", "ulimit -f 1; exec \"$@\"", "bash",
                java(), "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), "dev.sparkgen.cli.Main",
                "render", v2.toString(), "-o", out.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        assertEquals(1, process.exitValue(), output);
        assertTrue(output.startsWith("spark-gen: cannot write " + out + ": "), output);
        assertEquals(1, output.strip().lines().count(), output);
        assertEquals(before, snapshot(out), "OUT changed although the render failed");
    }

    @Test
    void render_whenTheHeapRunsOut_saysSoInOneLine_andLeavesOutAsItWas() throws Exception {
        Path job = tmp.resolve("big.yaml");
        List<String> lines = new ArrayList<>(List.of("apiVersion: spark-gen/v1", "kind: SparkJob", "name: big",
                "image: apache/spark:3.5.3", "mainApplicationFile: local:///opt/spark/examples/src/main/python/pi.py",
                "arguments:"));
        Files.write(job, lines);
        Path out = tmp.resolve("out");
        assertEquals(0, SparkGenCli.run("render", job.toString(), "-o", out.toString()).exitCode());
        Map<String, String> before = snapshot(out);
        // 9,000 arguments of 100 characters: 0.9 MB of job (under the 1 MB limit), tens of MB of heap to render,
        // more than a 12 MB heap holds.
        for (int i = 0; i < 9000; i++) {
            lines.add("- 'argument-" + i + "-" + "x".repeat(88) + "'");
        }
        Files.write(job, lines);

        Process process = new ProcessBuilder(java(), "-Xmx12m", "-XX:-UsePerfData", "-cp",
                System.getProperty("java.class.path"), "dev.sparkgen.cli.Main", "render", job.toString(), "-o",
                out.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));

        assertEquals(3, process.exitValue(), output);
        assertTrue(output.startsWith("spark-gen: out of memory (12 MB of heap): give the JVM more, e.g. "
                + "SPARK_GEN_JAVA_OPTS=-Xmx1g"), output);
        assertEquals(1, output.strip().lines().count(), output);
        assertEquals(before, snapshot(out), "OUT changed although the render failed");
    }

    @Test
    void render_whenOutHoldsAForeignFileOfTheSameName_refusesAndChangesNothing() throws Exception {
        Path v1 = jobs("v1", 0, 1, 2);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("driver-pod.yaml"), "my own pod\n");

        SparkGenCli.Result result = SparkGenCli.run("render", v1.resolve("job-0.yaml").toString(), "-o", out.toString());

        assertEquals(1, result.exitCode());
        assertEquals("spark-gen: " + out.resolve("driver-pod.yaml") + " exists and was not written by spark-gen (it is not in "
                + out.resolve(".spark-gen") + "): move it away and render again", result.err().strip());
        assertEquals(Map.of("driver-pod.yaml", "my own pod\n"), snapshot(out));
    }

    @Test
    void render_neverFollowsASymbolicLinkOutOfOut() throws Exception {
        Path v1 = jobs("v1", 0, 2, 2);
        Path out = tmp.resolve("out");
        assertEquals(0, SparkGenCli.run("render", v1.toString(), "-o", out.toString()).exitCode());
        Path victim = Files.writeString(tmp.resolve("victim.yaml"), "outside\n");
        Path app = out.resolve("job-0-app");
        Files.delete(app.resolve("driver-pod.yaml"));
        Files.createSymbolicLink(app.resolve("driver-pod.yaml"), victim);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        try (Stream<Path> files = Files.list(out.resolve("job-1-app"))) {
            for (Path file : files.toList()) {
                Files.move(file, elsewhere.resolve(file.getFileName()));
            }
        }
        Files.delete(out.resolve("job-1-app"));
        Files.createSymbolicLink(out.resolve("job-1-app"), elsewhere);
        Map<String, String> elsewhereBefore = snapshot(elsewhere);

        SparkGenCli.Result result = SparkGenCli.run("render", v1.toString(), "-o", out.toString());

        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("is a symbolic link: spark-gen does not write through links"), result.err());
        assertEquals("outside\n", Files.readString(victim));
        assertEquals(elsewhereBefore, snapshot(elsewhere));
    }

    @Test
    void render_whenAJobIsRemoved_removesItsDirectoryButNotAForeignOne() throws Exception {
        Path jobs = jobs("v1", 0, 3, 2);
        Path out = tmp.resolve("out");
        assertEquals(0, SparkGenCli.run("render", jobs.toString(), "-o", out.toString()).exitCode());
        Files.createDirectories(out.resolve("team-notes"));
        Files.writeString(out.resolve("team-notes/README.md"), "ours\n");
        Files.writeString(out.resolve("job-2-app/extra.txt"), "also ours\n");
        Files.delete(jobs.resolve("job-1.yaml"));
        Files.delete(jobs.resolve("job-2.yaml"));

        assertEquals(0, SparkGenCli.run("render", jobs.toString(), "-o", out.toString()).exitCode());

        assertFalse(Files.exists(out.resolve("job-1-app")));
        assertEquals(Set.of("job-2-app/extra.txt"), Set.copyOf(listed(out.resolve("job-2-app"), out)));
        assertEquals("ours\n", Files.readString(out.resolve("team-notes/README.md")));
        assertTrue(Files.readString(out.resolve("kustomization.yaml")).contains("- job-0-app\n"));
        assertFalse(Files.readString(out.resolve("kustomization.yaml")).contains("job-1-app"));
    }

    /** Jobs job-FROM..job-TO-1 in a directory, with {@code executors} executors each. */
    private Path jobs(String name, int from, int to, int executors) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("jobs-" + name));
        for (int i = from; i < to; i++) {
            Files.writeString(dir.resolve("job-" + i + ".yaml"), String.join("\n",
                    "apiVersion: spark-gen/v1", "kind: SparkJob", "name: job-" + i, "nameSuffix: -app",
                    "namespace: batch", "image: apache/spark:3.5.3",
                    "mainApplicationFile: local:///opt/spark/examples/src/main/python/pi.py",
                    "arguments: [\"" + i + "\"]", "executor: {instances: " + executors + "}", ""));
        }
        return dir;
    }

    private Process start(Path jobs, Path out) throws IOException {
        return new ProcessBuilder(java(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.sparkgen.cli.Main", "render", jobs.toString(), "-o", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private long timeOf(Path jobs, Path out) throws Exception {
        long start = System.nanoTime();
        Process process = start(jobs, out);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }

    /** Every regular file under a directory (not following links), by relative path, with its text. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String name : listed(dir, dir)) {
            files.put(name, Files.readString(dir.resolve(name)));
        }
        return files;
    }

    private static List<String> listed(Path dir, Path root) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> names.add(root.relativize(f).toString()));
        }
        return names;
    }
}
