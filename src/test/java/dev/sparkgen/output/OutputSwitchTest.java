package dev.sparkgen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The middle of a write, watched one disk step at a time (through {@link OutputDirectory.Disk}): a kill between
 * any two steps must leave a directory kubectl can apply, and a record that names every file that may be ours.
 * After every step the test checks what a user would find if the process died right there.
 */
class OutputSwitchTest {

    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out");
    }

    /** Every disk step of a write, as "flush NAME", "flush-dir NAME", "move NAME" or "delete NAME" (relative). */
    private final List<String> steps = new ArrayList<>();

    /** The real disk, recording each step and checking the directory after each. */
    private OutputDirectory watched(boolean sync) {
        return new OutputDirectory(out(), sync, () -> { }, new OutputDirectory.Disk() {
            @Override
            public void flush(FileChannel channel, Path file) throws IOException {
                steps.add("flush " + name(file));
                OutputDirectory.Disk.REAL.flush(channel, file);
            }

            @Override
            public void flushDirectory(Path dir) {
                steps.add("flush-dir " + name(dir));
                OutputDirectory.Disk.REAL.flushDirectory(dir);
            }

            @Override
            public void move(Path from, Path to) throws IOException {
                OutputDirectory.Disk.REAL.move(from, to);
                steps.add("move " + name(to));
                checkAsAKillWouldLeaveIt();
            }

            @Override
            public void delete(Path file) throws IOException {
                OutputDirectory.Disk.REAL.delete(file);
                steps.add("delete " + name(file));
                checkAsAKillWouldLeaveIt();
            }
        });
    }

    private String name(Path path) {
        return path.equals(out()) ? "." : out().relativize(path).toString();
    }

    /** Every kustomization lists only what is there (a file, or a directory with its own kustomization). */
    private void checkAsAKillWouldLeaveIt() {
        try (var files = Files.walk(out())) {
            for (Path kustomization : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .toList()) {
                for (String line : Files.readAllLines(kustomization)) {
                    if (line.startsWith("- ")) {
                        Path listed = kustomization.resolveSibling(line.substring(2));
                        assertTrue(Files.isRegularFile(listed) || Files.isRegularFile(listed.resolve("kustomization.yaml")),
                                "after " + steps + ": " + name(kustomization) + " lists " + line.substring(2)
                                        + ", which is not there");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two apps, each a kustomization listing one manifest, and the root kustomization listing the apps. */
    private static SortedMap<String, String> apps(String... apps) {
        SortedMap<String, String> files = new TreeMap<>();
        StringBuilder root = new StringBuilder("resources:\n");
        for (String app : apps) {
            files.put(app + "/kustomization.yaml", "resources:\n- zz-pod.yaml\n");
            files.put(app + "/zz-pod.yaml", "kind: Pod # " + app + "\n");
            root.append("- ").append(app).append('\n');
        }
        files.put("kustomization.yaml", root.toString());
        return files;
    }

    /** Writes apps the way {@code render} does: each app's files at once under "APP/", then the root's. */
    private static void writeAsRenderDoes(OutputDirectory directory, SortedMap<String, String> files) {
        try (OutputDirectory.Write write = directory.begin()) {
            SortedMap<String, SortedMap<String, String>> byApp = new TreeMap<>();
            files.forEach((name, text) -> {
                int slash = name.indexOf('/');
                byApp.computeIfAbsent(slash < 0 ? "" : name.substring(0, slash + 1), app -> new TreeMap<>())
                        .put(name.substring(slash + 1), text);
            });
            byApp.forEach((app, appFiles) -> {
                if (!app.isEmpty()) {
                    write.add(app, appFiles);
                }
            });
            write.add("", byApp.get(""));
            write.commit();
        }
    }

    @Test
    void writeAsRenderDoes_movesEachNewAppWholeOverItsPlaceholder_thenChangedFilesOfTheOthers_thenTheRoot() {
        SortedMap<String, String> old = apps("gone", "kept");
        new OutputDirectory(out()).write(old);
        SortedMap<String, String> next = apps("kept", "x", "y");
        next.put("kept/zz-pod.yaml", "kind: Pod # kept, changed\n");

        writeAsRenderDoes(watched(false), next);

        assertEquals(List.of(
                "move .spark-gen",             // the intent: old and new files, so a kill leaves nothing unowned
                "move x", "move y",            // new apps, each whole: no kustomization lists them yet
                "move kept/zz-pod.yaml",       // an app that was there: file by file, as before
                "move kustomization.yaml",
                "delete gone/kustomization.yaml", "delete gone/zz-pod.yaml",
                "move .spark-gen"), steps);
        assertEquals(snapshotOf(next), snapshot());
    }

    @Test
    void writeAsRenderDoes_withSync_flushesTheFilesInTheScratchDirectory_andItAndTheRoot_beforeTheSwitch() {
        writeAsRenderDoes(watched(true), apps("a"));

        assertEquals(List.of(
                "flush .a.spark-gen-tmp/kustomization.yaml", "flush .a.spark-gen-tmp/zz-pod.yaml",
                "flush .kustomization.yaml.spark-gen-tmp",
                "flush ..spark-gen.intent.spark-gen-tmp", "flush ..spark-gen.spark-gen-tmp",
                "flush-dir .", "flush-dir .a.spark-gen-tmp", // not the empty placeholder a
                "move .spark-gen", "move a", "move kustomization.yaml", "move .spark-gen",
                "flush-dir ."), steps);
    }

    @Test
    void writeAsRenderDoes_killedAfterAnyStep_leavesOldOrNewFilesOnly_andTheNextWriteFinishes_keepingTheUsersFiles()
            throws IOException {
        SortedMap<String, String> old = apps("gone", "kept");
        SortedMap<String, String> next = apps("kept", "x", "y");
        next.put("kept/zz-pod.yaml", "kind: Pod # kept, changed\n");
        int total = -1;
        for (int kill = 0; total < 0; kill++) {
            deleteTree(out());
            new OutputDirectory(out()).write(old);
            Files.writeString(out().resolve("NOTES.md"), "mine\n");
            Files.writeString(out().resolve("kept/notes.txt"), "mine too\n");
            steps.clear();
            int after = kill;
            OutputDirectory killed = new OutputDirectory(out(), false, () -> { }, new OutputDirectory.Disk() {
                @Override
                public void move(Path from, Path to) throws IOException {
                    step("move " + name(to), () -> OutputDirectory.Disk.REAL.move(from, to));
                }

                @Override
                public void delete(Path file) throws IOException {
                    step("delete " + name(file), () -> OutputDirectory.Disk.REAL.delete(file));
                }

                private void step(String step, IORunnable real) throws IOException {
                    if (steps.size() == after) {
                        throw new IOException("killed after " + steps);
                    }
                    real.run();
                    steps.add(step);
                }
            });

            try {
                writeAsRenderDoes(killed, next);
                total = steps.size();
                break; // no step left to kill after
            } catch (OutputException e) {
                assertTrue(e.getMessage().contains("killed after"), e.getMessage());
            }

            Map<String, String> found = snapshot();
            assertEquals("mine\n", found.remove("NOTES.md"));
            assertEquals("mine too\n", found.remove("kept/notes.txt"));
            for (Map.Entry<String, String> file : found.entrySet()) {
                String name = file.getKey();
                if (name.equals(OutputDirectory.RECORD) || name.equals(OutputDirectory.LOCK)
                        || name.contains(OutputDirectory.SCRATCH_SUFFIX)) {
                    continue;
                }
                assertTrue(file.getValue().equals(old.get(name)) || file.getValue().equals(next.get(name)),
                        "killed after " + steps + ": " + name + " is neither the old nor the new file");
            }
            checkAsAKillWouldLeaveIt();
            assertTrue(new OutputDirectory(out()).readRecord().containsAll(found.keySet().stream()
                    .filter(name -> !name.contains(OutputDirectory.SCRATCH_SUFFIX)
                            && !name.equals(OutputDirectory.RECORD)).toList()),
                    "killed after " + steps + ": a file of the render is not in the record");

            writeAsRenderDoes(new OutputDirectory(out()), next);

            Map<String, String> finished = snapshot();
            assertEquals("mine\n", finished.remove("NOTES.md"));
            assertEquals("mine too\n", finished.remove("kept/notes.txt"));
            assertEquals(snapshotOf(next), finished, "killed after " + steps + ": the next write did not finish");
            assertEquals(List.of(), scratchEntries(), "killed after " + steps);
        }
        assertEquals(8, total, "the steps of the write changed: " + steps);
    }

    private interface IORunnable {
        void run() throws IOException;
    }

    /** Every file under OUT, by relative path, with its text (the record with its header). */
    private Map<String, String> snapshot() {
        Map<String, String> files = new TreeMap<>();
        try (var walk = Files.walk(out())) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(name(file), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** What OUT holds after writing {@code files}: those and the record. */
    private static Map<String, String> snapshotOf(SortedMap<String, String> files) {
        Map<String, String> expected = new TreeMap<>(files);
        expected.put(OutputDirectory.RECORD, "# Written by spark-gen: the files it owns here. It replaces and "
                + "removes these, and nothing else.\n" + String.join("\n", files.keySet()) + "\n");
        return expected;
    }

    /** Every entry under OUT (file or directory) whose name is a scratch name, and every empty directory. */
    private List<String> scratchEntries() throws IOException {
        try (var walk = Files.walk(out())) {
            return walk.filter(path -> !path.equals(out()) && (path.getFileName().toString()
                            .endsWith(OutputDirectory.SCRATCH_SUFFIX) || isEmptyDirectory(path)))
                    .map(this::name).toList();
        }
    }

    private static boolean isEmptyDirectory(Path path) {
        try (var entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    void write_switchesTheRecordFirst_thenDeepestFilesFirst_kustomizationsLast_thenStaleFiles_thenTheRecord() {
        new OutputDirectory(out()).write(apps("gone"));

        watched(false).write(apps("x", "y"));

        assertEquals(List.of(
                "move .spark-gen",             // the intent: old and new files, so a kill leaves nothing unowned
                "move x/zz-pod.yaml", "move y/zz-pod.yaml",
                "move x/kustomization.yaml", "move y/kustomization.yaml", // deepest kustomizations first
                "move kustomization.yaml",
                "delete gone/kustomization.yaml", "delete gone/zz-pod.yaml",
                "move .spark-gen"), steps);
    }

    @Test
    void write_removesAStaleAppsKustomizationBeforeTheFilesItLists_whateverTheirNames() {
        // driver-pod.yaml sorts before kustomization.yaml: removed in name order, a kill between the two left a
        // kustomization listing a file that was gone (NothingLostTest caught it)
        SortedMap<String, String> old = apps("gone");
        old.put("gone/driver-pod.yaml", "kind: Pod\n");
        old.put("gone/kustomization.yaml", "resources:\n- driver-pod.yaml\n- zz-pod.yaml\n");
        old.put("gone/sub/kustomization.yaml", "resources:\n- a-pod.yaml\n");
        old.put("gone/sub/a-pod.yaml", "kind: Pod\n");
        new OutputDirectory(out()).write(old);

        watched(false).write(apps("x"));

        assertEquals(List.of(
                "delete gone/kustomization.yaml", "delete gone/sub/kustomization.yaml",
                "delete gone/driver-pod.yaml", "delete gone/sub/a-pod.yaml", "delete gone/zz-pod.yaml"),
                steps.stream().filter(step -> step.startsWith("delete")).toList());
    }

    @Test
    void write_theIntentRecordNamesTheOldAndNewFiles_andTheFinalOneTheNewOnly() {
        new OutputDirectory(out()).write(apps("gone"));
        List<Set<String>> records = new ArrayList<>();
        OutputDirectory directory = new OutputDirectory(out(), false, () -> { }, new OutputDirectory.Disk() {
            @Override
            public void move(Path from, Path to) throws IOException {
                OutputDirectory.Disk.REAL.move(from, to);
                if (to.getFileName().toString().equals(OutputDirectory.RECORD)) {
                    records.add(new TreeSet<>(new OutputDirectory(out()).readRecord()));
                }
            }
        });

        directory.write(apps("a"));

        assertEquals(List.of(
                Set.of("a/kustomization.yaml", "a/zz-pod.yaml", "gone/kustomization.yaml", "gone/zz-pod.yaml",
                        "kustomization.yaml"),
                Set.of("a/kustomization.yaml", "a/zz-pod.yaml", "kustomization.yaml")), records);
    }

    @Test
    void write_withSync_flushesEveryScratchFileAndItsDirectoryBeforeTheSwitch_andTheRootAfter() {
        watched(true).write(apps("a"));

        assertEquals(List.of(
                "flush a/.kustomization.yaml.spark-gen-tmp", "flush a/.zz-pod.yaml.spark-gen-tmp",
                "flush .kustomization.yaml.spark-gen-tmp",
                "flush ..spark-gen.intent.spark-gen-tmp", "flush ..spark-gen.spark-gen-tmp",
                "flush-dir .", "flush-dir a",
                "move .spark-gen", "move a/zz-pod.yaml", "move a/kustomization.yaml", "move kustomization.yaml",
                "move .spark-gen",
                "flush-dir ."), steps);
    }

    @Test
    void write_withoutSync_flushesNothing() {
        watched(false).write(apps("a"));

        assertTrue(steps.stream().noneMatch(step -> step.startsWith("flush")), steps.toString());
        assertEquals(5, steps.size(), steps.toString());
    }
}
