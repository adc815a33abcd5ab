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
