package dev.sparkgen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenProcess;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
        Path v3 = jobs("v3", 100, 102, 2); // none of them: owns none of the killed render's directories
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
                if (inScratch(name) || name.endsWith(OutputDirectory.RECORD) || name.equals(OutputDirectory.LOCK)) {
                    continue;
                }
                assertTrue(file.getValue().equals(before.get(name)) || file.getValue().equals(after.get(name)),
                        "round " + round + ": " + name + " is neither the old nor the new file");
            }
            // what kubectl apply -k reads: every kustomization outside scratch directories (none lists one), and
            // what each lists, a file or an app's directory with its kustomization (not an empty placeholder)
            for (String kustomization : found.keySet().stream()
                    .filter(n -> n.endsWith("kustomization.yaml") && !inScratch(n)).toList()) {
                Path dir = out.resolve(kustomization).getParent();
                for (String line : found.get(kustomization).split("\n")) {
                    if (line.startsWith("- ")) {
                        Path listed = dir.resolve(line.substring(2));
                        assertTrue(Files.isRegularFile(listed) || Files.isRegularFile(listed.resolve("kustomization.yaml")),
                                "round " + round + ": " + kustomization + " lists " + line.substring(2) + ", which is not there");
                    }
                }
            }
            Path other = copy(out, tmp.resolve("other" + round));
            assertEquals(0, SparkGenCli.run("render", v3.toString(), "-o", other.toString()).exitCode());
            assertEquals(List.of(), scratchFiles(other), "round " + round + ": a render of other jobs left the "
                    + "killed render's scratch files");
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
                SparkGenProcess.java(), "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), "dev.sparkgen.cli.Main",
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
        // more than an 8 MB heap holds.
        for (int i = 0; i < 9000; i++) {
            lines.add("- 'argument-" + i + "-" + "x".repeat(88) + "'");
        }
        Files.write(job, lines);

        Process process = SparkGenProcess.command(List.of("-Xmx8m", "-XX:-UsePerfData"), "render", job.toString(),
                "-o", out.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));

        assertEquals(3, process.exitValue(), output);
        assertTrue(output.startsWith("spark-gen: out of memory (8 MB of heap): give the JVM more, e.g. "
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

    @Test
    void render_whenARemovedJobsDirectoryIsNowALinkOutOfOut_removesNothingThrough() throws Exception {
        Path jobs = jobs("v1", 0, 2, 2);
        Path out = tmp.resolve("out");
        assertEquals(0, SparkGenCli.run("render", jobs.toString(), "-o", out.toString()).exitCode());
        Path victim = Files.createDirectories(tmp.resolve("victim"));
        Files.writeString(victim.resolve("driver-pod.yaml"), "not spark-gen's\n");
        Files.writeString(victim.resolve("configmap.yaml"), "not spark-gen's either\n");
        Files.writeString(victim.resolve(".driver-pod.yaml" + OutputDirectory.SCRATCH_SUFFIX), "nor this\n");
        for (String name : listed(out.resolve("job-1-app"), out)) {
            Files.delete(out.resolve(name));
        }
        Files.delete(out.resolve("job-1-app"));
        Files.createSymbolicLink(out.resolve("job-1-app"), Path.of("../victim"));
        Files.delete(jobs.resolve("job-1.yaml"));
        Map<String, String> victimBefore = snapshot(victim);

        SparkGenCli.Result result = SparkGenCli.run("render", jobs.toString(), "-o", out.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(victimBefore, snapshot(victim), "a file outside OUT changed");
        assertTrue(Files.isSymbolicLink(out.resolve("job-1-app")), "the user's link is gone");
        assertFalse(Files.readString(out.resolve(OutputDirectory.RECORD)).contains("job-1-app"));
        assertEquals(0, SparkGenCli.run("render", "--check", jobs.toString(), "-o", out.toString()).exitCode());
    }

    @Test
    void check_neverReadsThroughALinkInOut() throws Exception {
        Path jobs = jobs("v1", 0, 2, 2);
        Path out = tmp.resolve("out");
        assertEquals(0, SparkGenCli.run("render", jobs.toString(), "-o", out.toString()).exitCode());
        Path elsewhere = tmp.resolve("elsewhere");
        Files.move(out.resolve("job-0-app"), elsewhere);
        Files.createSymbolicLink(out.resolve("job-0-app"), elsewhere);

        SparkGenCli.Result result = SparkGenCli.run("render", "--check", jobs.toString(), "-o", out.toString());

        assertEquals(1, result.exitCode(), result.err());
        assertEquals("spark-gen: " + out.resolve("job-0-app") + " is a symbolic link: spark-gen does not write "
                + "through links", result.err().strip());
        assertEquals("", result.out());
    }

    @Test
    void render_removesTheScratchFilesOfAKilledRenderAnywhereInOut_andNoFileOfTheUsers() throws Exception {
        Path jobs = jobs("v1", 0, 1, 2);
        Path out = tmp.resolve("out");
        assertEquals(0, SparkGenCli.run("render", jobs.toString(), "-o", out.toString()).exitCode());
        // what a killed render of other jobs leaves: scratch files in directories the next render does not own
        for (String name : List.of("gone-app/.driver-pod.yaml", "gone-app/.configmap.yaml", ".kustomization.yaml",
                "..spark-gen.intent", "..spark-gen", "deeper/still/.ui-svc.yaml")) {
            Path scratch = out.resolve(name + OutputDirectory.SCRATCH_SUFFIX);
            Files.createDirectories(scratch.getParent());
            Files.writeString(scratch, "half a file");
        }
        Map<String, String> users = Map.of("gone-app/notes.txt", "mine\n", "gone-app/driver-pod.yaml", "mine too\n",
                "deeper/spark-gen-tmp", "and mine\n", "deeper/x.spark-gen-tmp", "mine as well\n");
        for (Map.Entry<String, String> file : users.entrySet()) {
            Files.writeString(out.resolve(file.getKey()), file.getValue());
        }
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path outside = Files.writeString(elsewhere.resolve(".driver-pod.yaml" + OutputDirectory.SCRATCH_SUFFIX), "x");
        Files.createSymbolicLink(out.resolve("linked"), elsewhere);

        assertEquals(0, SparkGenCli.run("render", jobs.toString(), "-o", out.toString()).exitCode());

        assertEquals(List.of(), scratchFiles(out));
        assertFalse(Files.exists(out.resolve("deeper/still")), "the directory made for scratch files stayed");
        users.forEach((name, text) -> assertEquals(text, read(out.resolve(name)), name));
        assertEquals("x", Files.readString(outside), "a scratch name outside OUT, through a link, was removed");
    }

    @Test
    void render_whileAnotherRenderHoldsOut_waitsForIt_andSaysSo() throws Exception {
        Path jobs = jobs("v1", 0, 2, 2);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path err = tmp.resolve("err.txt");
        Process process;
        try (FileChannel lock = FileChannel.open(out.resolve(OutputDirectory.LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = lock.lock()) {
            process = SparkGenProcess.command("render", jobs.toString(), "-o", out.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(err).contains("waiting") && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals("spark-gen: waiting for another spark-gen to finish with " + out + " (it holds "
                    + OutputDirectory.LOCK + ")\n", Files.readString(err));
            Thread.sleep(500);
            assertTrue(process.isAlive(), "the render did not wait");
            assertFalse(Files.exists(out.resolve(OutputDirectory.RECORD)), "the render wrote while another held OUT");
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        assertEquals(0, process.exitValue(), Files.readString(err));
        assertTrue(Files.readString(err).contains("\nspark-gen: 2 apps -> " + out + ": "), Files.readString(err));
        assertFalse(Files.exists(out.resolve(OutputDirectory.LOCK)), "the lock file stayed");
        assertEquals(0, SparkGenCli.run("render", "--check", jobs.toString(), "-o", out.toString()).exitCode());
    }

    @Test
    void render_twoProcessesIntoOneOut_bothSucceed_andOutIsWhollyOneRendersOutput() throws Exception {
        Path v1 = jobs("v1", 0, 30, 2);
        Path v2 = jobs("v2", 10, 40, 3);
        Map<String, String> first = rendered(v1, tmp.resolve("ref1"));
        Map<String, String> second = rendered(v2, tmp.resolve("ref2"));
        for (int round = 0; round < 3; round++) {
            Path out = tmp.resolve("out" + round);
            Process a = start(v1, out);
            Process b = start(v2, out);
            assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS));

            assertEquals(List.of(0, 0), List.of(a.exitValue(), b.exitValue()), "round " + round);
            Map<String, String> found = snapshot(out);
            assertTrue(found.equals(first) || found.equals(second),
                    "round " + round + ": OUT is neither render's output: " + found.keySet());
        }
    }

    /** What a render of {@code jobs} into an empty directory writes. */
    private Map<String, String> rendered(Path jobs, Path out) throws IOException {
        assertEquals(0, SparkGenCli.run("render", jobs.toString(), "-o", out.toString()).exitCode());
        return snapshot(out);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether a file is a scratch file or in a scratch directory ({@code .NAME.spark-gen-tmp}). */
    private static boolean inScratch(String name) {
        for (String part : name.split("/")) {
            if (part.startsWith(".") && part.endsWith(OutputDirectory.SCRATCH_SUFFIX)) {
                return true;
            }
        }
        return false;
    }

    /** Every file or directory under OUT whose name is a scratch file's or directory's, links not followed. */
    private static List<String> scratchFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".")
                            && f.getFileName().toString().endsWith(OutputDirectory.SCRATCH_SUFFIX))
                    .map(f -> out.relativize(f).toString()).toList();
        }
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
        return SparkGenProcess.command("render", jobs.toString(), "-o", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private long timeOf(Path jobs, Path out) throws Exception {
        long start = System.nanoTime();
        Process process = start(jobs, out);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
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
