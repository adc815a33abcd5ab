package dev.sparkgen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output directory: what a write leaves there, what it refuses, and that a failed write leaves it as it was.
 * Each test checks the whole tree ({@link #snapshot}), so that nothing else changed either.
 */
class OutputDirectoryTest {

    private static final String HEADER =
            "# Written by spark-gen: the files it owns here. It replaces and removes these, and nothing else.\n";

    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out");
    }

    private static SortedMap<String, String> files(String... namesAndTexts) {
        SortedMap<String, String> files = new TreeMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            files.put(namesAndTexts[i], namesAndTexts[i + 1]);
        }
        return files;
    }

    private OutputDirectory.Summary write(String... namesAndTexts) {
        return new OutputDirectory(out()).write(files(namesAndTexts));
    }

    /** Every entry under {@code dir}, links not followed: a file's text, "<dir>", or "-> target" for a link. */
    private static Map<String, String> snapshot(Path dir) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.toList()) {
                String name = dir.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    entries.put(name, "-> " + Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    entries.put(name, "<dir>");
                } else {
                    entries.put(name, Files.readString(path, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static void put(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- writing

    @Test
    void write_intoANewDirectory_writesTheFilesAndTheRecord() {
        OutputDirectory.Summary summary = write("driver-pod.yaml", "pod\n", "kustomization.yaml", "k\n");

        assertEquals(new OutputDirectory.Summary(2, 0), summary);
        assertEquals(Map.of("", "<dir>", "driver-pod.yaml", "pod\n", "kustomization.yaml", "k\n",
                ".spark-gen", HEADER + "driver-pod.yaml\nkustomization.yaml\n"), snapshot(out()));
    }

    @Test
    void write_nestedNames_createTheirDirectories() {
        write("a/x.yaml", "x", "kustomization.yaml", "k");

        assertEquals("x", snapshot(out()).get("a/x.yaml"));
        assertEquals(HEADER + "a/x.yaml\nkustomization.yaml\n", snapshot(out()).get(".spark-gen"));
    }

    @Test
    void write_again_removesItsOwnStaleFilesAndKeepsForeignOnes() {
        write("a.yaml", "a", "b.yaml", "b", "app/c.yaml", "c");
        put(out().resolve("notes.txt"), "mine");

        OutputDirectory.Summary summary = write("a.yaml", "a2");

        assertEquals(new OutputDirectory.Summary(1, 2), summary);
        assertEquals(Map.of("", "<dir>", "a.yaml", "a2", "notes.txt", "mine", ".spark-gen", HEADER + "a.yaml\n"),
                snapshot(out()));
    }

    @Test
    void write_again_keepsADirectoryThatStillHoldsAForeignFile() {
        write("app/c.yaml", "c", "a.yaml", "a");
        put(out().resolve("app/notes.txt"), "mine");

        write("a.yaml", "a");

        assertEquals("mine", snapshot(out()).get("app/notes.txt"));
        assertFalse(snapshot(out()).containsKey("app/c.yaml"));
    }

    @Test
    void write_unchanged_writesNothingAndKeepsEveryModificationTime() throws IOException {
        write("a.yaml", "a", "b.yaml", "b");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        for (String name : new String[] {"a.yaml", "b.yaml", ".spark-gen"}) {
            Files.setLastModifiedTime(out().resolve(name), old);
        }

        OutputDirectory.Summary summary = write("a.yaml", "a", "b.yaml", "b");

        assertEquals(new OutputDirectory.Summary(0, 0), summary);
        for (String name : new String[] {"a.yaml", "b.yaml", ".spark-gen"}) {
            assertEquals(old, Files.getLastModifiedTime(out().resolve(name)), name);
        }
    }

    @Test
    void write_aFileChangedToTheSameSize_orEditedByHand_isRewritten() {
        write("a.yaml", "abc", "b.yaml", "b", "app/c.yaml", "c");
        put(out().resolve("b.yaml"), "x"); // edited since: the same size as what is rendered

        assertEquals(new OutputDirectory.Summary(3, 0), write("a.yaml", "abd", "b.yaml", "b", "app/c.yaml", "d"));
        assertEquals(Map.of("", "<dir>", "a.yaml", "abd", "b.yaml", "b", "app", "<dir>", "app/c.yaml", "d",
                ".spark-gen", HEADER + "a.yaml\napp/c.yaml\nb.yaml\n"), snapshot(out()));
    }

    @Test
    void write_oneFileChanged_rewritesOnlyThatFile() throws IOException {
        write("a.yaml", "a", "b.yaml", "b");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(out().resolve("a.yaml"), old);

        assertEquals(new OutputDirectory.Summary(1, 0), write("a.yaml", "a", "b.yaml", "b2"));
        assertEquals(old, Files.getLastModifiedTime(out().resolve("a.yaml")));
    }

    @Test
    void write_leftoverScratchFiles_areRemoved() {
        write("a.yaml", "a", "app/c.yaml", "c");
        put(out().resolve(".a.yaml.spark-gen-tmp"), "half");
        put(out().resolve(".spark-gen.spark-gen-tmp"), "half");
        put(out().resolve("app/.c.yaml.spark-gen-tmp"), "half");

        write("a.yaml", "a", "app/c.yaml", "c");

        assertEquals(Map.of("", "<dir>", "a.yaml", "a", "app", "<dir>", "app/c.yaml", "c",
                ".spark-gen", HEADER + "a.yaml\napp/c.yaml\n"), snapshot(out()));
    }

    // ---------------------------------------------------------------- refusals, each leaving OUT as it was

    @Test
    void write_overAForeignFile_isRefusedAndChangesNothing() {
        write("a.yaml", "a");
        put(out().resolve("b.yaml"), "theirs");
        Map<String, String> before = snapshot(out());

        OutputException e = assertThrows(OutputException.class, () -> write("a.yaml", "a2", "b.yaml", "b"));

        assertEquals(out().resolve("b.yaml") + " exists and was not written by spark-gen (it is not in "
                + out().resolve(".spark-gen") + "): move it away and render again", e.getMessage());
        assertEquals(before, snapshot(out()));
    }

    @Test
    void write_intoADirectoryWithFilesButNoRecord_refusesToOverwriteThem() {
        put(out().resolve("driver-pod.yaml"), "hand-written");
        Map<String, String> before = snapshot(out());

        assertThrows(OutputException.class, () -> write("driver-pod.yaml", "pod"));
        assertEquals(before, snapshot(out()));
    }

    @Test
    void write_throughASymlinkedFile_isRefusedAndTheTargetIsUntouched() throws IOException {
        write("a.yaml", "a");
        Path outside = tmp.resolve("outside.txt");
        put(outside, "precious");
        Files.delete(out().resolve("a.yaml"));
        Files.createSymbolicLink(out().resolve("a.yaml"), outside);
        Map<String, String> before = snapshot(out());

        OutputException e = assertThrows(OutputException.class, () -> write("a.yaml", "a2"));

        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
        assertEquals("precious", Files.readString(outside));
        assertEquals(before, snapshot(out()));
    }

    @Test
    void write_throughASymlinkedDirectory_isRefusedAndNothingIsWrittenOutsideOut() throws IOException {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.createDirectory(out());
        Files.createSymbolicLink(out().resolve("app"), outside);

        OutputException e = assertThrows(OutputException.class, () -> write("app/x.yaml", "x"));

        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
        assertEquals(Map.of("", "<dir>"), snapshot(outside));
        assertEquals(Map.of("", "<dir>", "app", "-> " + outside), snapshot(out()));
    }

    @Test
    void write_staleFileThatBecameASymlink_isNotFollowedWhenRemoved() throws IOException {
        write("a.yaml", "a", "b.yaml", "b");
        Path outside = tmp.resolve("outside.txt");
        put(outside, "precious");
        Files.delete(out().resolve("b.yaml"));
        Files.createSymbolicLink(out().resolve("b.yaml"), outside);

        write("a.yaml", "a");

        assertEquals("precious", Files.readString(outside));
    }

    @Test
    void write_recordNamingAPathOutsideOut_isRefused() {
        put(out().resolve(".spark-gen"), HEADER + "../escape.yaml\n");

        OutputException e = assertThrows(OutputException.class, () -> write("a.yaml", "a"));

        assertTrue(e.getMessage().contains("names '../escape.yaml', which is not a file under"), e.getMessage());
    }

    @Test
    void write_whereOutIsAFile_isRefused() {
        put(out(), "a file");

        OutputException e = assertThrows(OutputException.class, () -> write("a.yaml", "a"));

        assertEquals(out() + " exists and is not a directory", e.getMessage());
    }

    @Test
    void write_whereATargetIsADirectory_isRefused() throws IOException {
        Files.createDirectories(out().resolve("a.yaml"));

        OutputException e = assertThrows(OutputException.class, () -> write("a.yaml", "a"));

        assertEquals(out().resolve("a.yaml") + " exists and is not a file", e.getMessage());
    }

    // ---------------------------------------------------------------- directories a write makes (no look inside)

    @Test
    void add_aDirectoryTheWriteWouldMake_takenByALinkMeanwhile_isRefused_andNothingIsWrittenOutside()
            throws IOException {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        try (OutputDirectory.Write write = new OutputDirectory(out()).begin()) {
            write.add("a/", files("x.yaml", "x"));
            Files.createSymbolicLink(out().resolve("b"), outside); // placed between two apps

            OutputException e = assertThrows(OutputException.class, () -> write.add("b/", files("x.yaml", "x")));

            assertEquals(out().resolve("b") + " is a symbolic link: spark-gen does not write through links",
                    e.getMessage());
        }
        assertEquals(Map.of("", "<dir>"), snapshot(outside));
        assertEquals(Map.of("", "<dir>", "b", "-> " + outside), snapshot(out()));
    }

    @Test
    void add_aDirectoryTheWriteWouldMake_takenByAFileMeanwhile_isRefused() {
        try (OutputDirectory.Write write = new OutputDirectory(out()).begin()) {
            write.add("a/", files("x.yaml", "x"));
            put(out().resolve("b"), "theirs");

            OutputException e = assertThrows(OutputException.class, () -> write.add("b/", files("x.yaml", "x")));

            assertEquals(out().resolve("b") + " exists and is not a directory", e.getMessage());
        }
        assertEquals(Map.of("", "<dir>", "b", "theirs"), snapshot(out()));
    }

    @Test
    void add_aDirectoryTheWriteWouldMake_madeByAnotherMeanwhile_hasItsFilesChecked_andStays() {
        try (OutputDirectory.Write write = new OutputDirectory(out()).begin()) {
            write.add("a/", files("x.yaml", "x"));
            put(out().resolve("b/x.yaml"), "theirs");

            OutputException e = assertThrows(OutputException.class,
                    () -> write.add("b/", files("w.yaml", "w", "x.yaml", "x")));

            assertEquals(out().resolve("b/x.yaml") + " exists and was not written by spark-gen (it is not in "
                    + out().resolve(".spark-gen") + "): move it away and render again", e.getMessage());
        }
        assertEquals(Map.of("", "<dir>", "b", "<dir>", "b/x.yaml", "theirs"), snapshot(out()));
    }

    @Test
    void add_underADirectoryThatWasThere_makesTheRest_andAFailedWriteRemovesOnlyThose() throws IOException {
        put(out().resolve("a/notes.txt"), "mine");
        Files.createDirectory(out().resolve("a/.y.yaml.spark-gen-tmp")); // the second file cannot be staged
        Map<String, String> before = snapshot(out());

        assertThrows(OutputException.class, () -> write("a/b/c/x.yaml", "x", "a/y.yaml", "y"));

        assertEquals(before, snapshot(out()));
        write("a/b/c/x.yaml", "x", "a/b/c/z.yaml", "z");
        assertEquals("z", snapshot(out()).get("a/b/c/z.yaml"));
    }

    @Test
    void add_manyAtOnce_writesWhatOneAtATimeWould_andRefusesANameAddedTwice() {
        try (OutputDirectory.Write write = new OutputDirectory(out()).begin()) {
            write.add("app/", files("x.yaml", "x", "y.yaml", "y"));
            write.add("kustomization.yaml", "k");
            assertEquals("app/y.yaml added twice", assertThrows(IllegalStateException.class,
                    () -> write.add("app/", files("y.yaml", "y2"))).getMessage());
            assertEquals(new OutputDirectory.Summary(3, 0), write.commit());
        }
        assertEquals(Map.of("", "<dir>", "app", "<dir>", "app/x.yaml", "x", "app/y.yaml", "y",
                "kustomization.yaml", "k", ".spark-gen", HEADER + "app/x.yaml\napp/y.yaml\nkustomization.yaml\n"),
                snapshot(out()));
    }

    // ---------------------------------------------------------------- a new app's directory, switched in whole

    @Test
    void add_aNewApp_writesItsFilesIntoAScratchDirectoryBesideAnEmptyPlaceholder_andTheCommitSwitchesItIn() {
        try (OutputDirectory.Write write = new OutputDirectory(out()).begin()) {
            write.add("app/", files("kustomization.yaml", "k", "x.yaml", "x"));
            write.add("kustomization.yaml", "root");

            assertEquals(Map.of("", "<dir>", "app", "<dir>", ".app.spark-gen-tmp", "<dir>",
                    ".app.spark-gen-tmp/kustomization.yaml", "k", ".app.spark-gen-tmp/x.yaml", "x",
                    ".kustomization.yaml.spark-gen-tmp", "root", OutputDirectory.LOCK, ""), snapshot(out()));
            assertEquals(new OutputDirectory.Summary(3, 0), write.commit());
        }
        assertEquals(Map.of("", "<dir>", "app", "<dir>", "app/kustomization.yaml", "k", "app/x.yaml", "x",
                "kustomization.yaml", "root", ".spark-gen", HEADER + "app/kustomization.yaml\napp/x.yaml\n"
                        + "kustomization.yaml\n"), snapshot(out()));
    }

    @Test
    void add_aNewApp_notCommitted_leavesOutAsItWas() throws IOException {
        write("a.yaml", "a");
        Map<String, String> before = snapshot(out());
        try (OutputDirectory.Write write = new OutputDirectory(out()).begin()) {
            write.add("app/", files("kustomization.yaml", "k", "x.yaml", "x"));
        }

        assertEquals(before, snapshot(out()));
    }

    @Test
    void add_anAppThatWasThere_isWrittenFileByFile_keepingTheUsersFileInIt() {
        write("app/x.yaml", "x");
        put(out().resolve("app/notes.txt"), "mine");

        try (OutputDirectory.Write write = new OutputDirectory(out()).begin()) {
            write.add("app/", files("x.yaml", "x2", "y.yaml", "y"));
            assertEquals(".x.yaml.spark-gen-tmp .y.yaml.spark-gen-tmp", String.join(" ", snapshot(out()).keySet()
                    .stream().filter(name -> name.endsWith(".spark-gen-tmp")).map(name -> name.substring(4))
                    .toList()));
            write.commit();
        }

        assertEquals(Map.of("", "<dir>", "app", "<dir>", "app/x.yaml", "x2", "app/y.yaml", "y",
                "app/notes.txt", "mine", ".spark-gen", HEADER + "app/x.yaml\napp/y.yaml\n"), snapshot(out()));
    }

    @Test
    void add_underADirectoryAddedWhole_isABug_butADirectoryAddedBeforeItsParentIsFine() {
        try (OutputDirectory.Write write = new OutputDirectory(out()).begin()) {
            write.add("app/", files("x.yaml", "x"));
            assertEquals("app/ was added whole: nothing more can go under it", assertThrows(
                    IllegalStateException.class, () -> write.add("app/sub/", files("y.yaml", "y"))).getMessage());
        }
        try (OutputDirectory.Write write = new OutputDirectory(out()).begin()) {
            write.add("app/sub/", files("y.yaml", "y"));
            write.add("app/", files("x.yaml", "x"));
            write.commit();
        }
        assertEquals(Map.of("", "<dir>", "app", "<dir>", "app/x.yaml", "x", "app/sub", "<dir>", "app/sub/y.yaml",
                "y", ".spark-gen", HEADER + "app/sub/y.yaml\napp/x.yaml\n"), snapshot(out()));
    }

    @Test
    void add_aNewApp_whoseScratchDirectoryNameIsALink_isWrittenFileByFile_andNothingOutsideIsTouched()
            throws IOException {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.createDirectories(out());
        Files.createSymbolicLink(out().resolve(".app.spark-gen-tmp"), outside);

        try (OutputDirectory.Write write = new OutputDirectory(out()).begin()) {
            write.add("app/", files("x.yaml", "x"));
            write.commit();
        }

        assertEquals(Map.of("", "<dir>"), snapshot(outside));
        assertEquals(Map.of("", "<dir>", "app", "<dir>", "app/x.yaml", "x", ".app.spark-gen-tmp", "-> " + outside,
                ".spark-gen", HEADER + "app/x.yaml\n"), snapshot(out()));
    }

    @Test
    void write_removesAKilledRendersScratchDirectoriesAndTheirEmptyPlaceholders_notAUsersFileNorALink()
            throws IOException {
        write("a.yaml", "a");
        // a killed render's new apps: an empty placeholder and its scratch directory, with files or half of one
        Files.createDirectories(out().resolve("app"));
        put(out().resolve(".app.spark-gen-tmp/kustomization.yaml"), "resources:\n- driver-pod.yaml\n");
        put(out().resolve(".app.spark-gen-tmp/driver-pod.yaml"), "kind: Po");
        Files.createDirectories(out().resolve("b"));
        Files.createDirectories(out().resolve(".b.spark-gen-tmp"));
        put(out().resolve("deep/er/.x.spark-gen-tmp/x.yaml"), "x");
        Files.createDirectories(out().resolve("deep/er/x"));
        // a placeholder the user put a file in meanwhile, a scratch directory holding a link, and one without a
        // directory beside it: not spark-gen's to remove, but the scratch files in them are
        put(out().resolve("used/notes.txt"), "mine");
        put(out().resolve(".used.spark-gen-tmp/x.yaml"), "x");
        Path outside = Files.writeString(tmp.resolve("outside.yaml"), "outside");
        Files.createDirectories(out().resolve("linked"));
        put(out().resolve(".linked.spark-gen-tmp/x.yaml"), "x");
        Files.createSymbolicLink(out().resolve(".linked.spark-gen-tmp/y.yaml"), outside);
        put(out().resolve(".lonely.spark-gen-tmp/x.yaml"), "not beside a directory lonely: not spark-gen's");

        write("a.yaml", "a");

        assertEquals(Map.of("", "<dir>", "a.yaml", "a", ".spark-gen", HEADER + "a.yaml\n",
                "used", "<dir>", "used/notes.txt", "mine",
                "linked", "<dir>", ".linked.spark-gen-tmp", "<dir>", ".linked.spark-gen-tmp/y.yaml", "-> " + outside,
                ".lonely.spark-gen-tmp", "<dir>", ".lonely.spark-gen-tmp/x.yaml",
                "not beside a directory lonely: not spark-gen's"), snapshot(out()));
        assertEquals("outside", Files.readString(outside));
    }

    // ---------------------------------------------------------------- a write that fails halfway

    @Test
    void write_failingHalfway_leavesOutAsItWas() throws IOException {
        // Root ignores file permissions, so the failure is a directory where a scratch file must go: the second
        // scratch file cannot be opened after the first is written.
        write("a.yaml", "a", "b.yaml", "b");
        put(out().resolve("notes.txt"), "mine");
        Files.createDirectory(out().resolve(".b.yaml.spark-gen-tmp"));
        Map<String, String> before = snapshot(out());

        OutputException e = assertThrows(OutputException.class, () -> write("a.yaml", "a2", "b.yaml", "b2", "c.yaml", "c"));

        assertTrue(e.getMessage().startsWith("cannot write " + out() + ": "), e.getMessage());
        assertEquals(before, snapshot(out()));
    }

    @Test
    void write_failingInANewDirectory_removesTheDirectoriesItCreated() throws IOException {
        Files.createDirectories(out().resolve(".kustomization.yaml.spark-gen-tmp"));
        Map<String, String> before = snapshot(out());

        assertThrows(OutputException.class, () -> write("app/x.yaml", "x", "kustomization.yaml", "k"));

        assertEquals(before, snapshot(out()));
    }

    @Test
    void write_intoAReadOnlyDirectory_failsAndLeavesItAsItWas() throws IOException {
        write("a.yaml", "a");
        Map<String, String> before = snapshot(out());
        Files.setPosixFilePermissions(out(), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(out()), "running as root: permissions do not stop writes here "
                    + "(write_failingHalfway_leavesOutAsItWas covers the failure)");

            OutputException e = assertThrows(OutputException.class, () -> write("a.yaml", "a2", "b.yaml", "b"));

            assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
            assertEquals(before, snapshot(out()));
        } finally {
            Files.setPosixFilePermissions(out(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void write_newDirectoriesTwoLevelsDeep_areCreated_andGoWithTheirLastFile() {
        write("a/b/x.yaml", "x");
        assertEquals("x", snapshot(out()).get("a/b/x.yaml"));

        write("y.yaml", "y");

        assertEquals(Map.of("", "<dir>", "y.yaml", "y", ".spark-gen", HEADER + "y.yaml\n"), snapshot(out()));
    }

    @Test
    void write_removesScratchNamesOnly_notAFileMerelyEndingLikeOne() {
        put(out().resolve("..spark-gen-tmp"), "no name inside: not spark-gen's");
        put(out().resolve(".spark-gen-tmp"), "mine");
        put(out().resolve("x.spark-gen-tmp"), "mine too");
        put(out().resolve("deep/er/.x.yaml.spark-gen-tmp"), "a killed render's");
        try {
            Files.createDirectories(out().resolve("empty"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        write("a.yaml", "a");

        assertEquals(Map.of("", "<dir>", "a.yaml", "a", ".spark-gen", HEADER + "a.yaml\n", "..spark-gen-tmp",
                "no name inside: not spark-gen's", ".spark-gen-tmp", "mine", "x.spark-gen-tmp", "mine too",
                "empty", "<dir>"), snapshot(out())); // deep/er, made for a scratch file, went with it, and so did deep
    }

    @Test
    void write_intoAnOutThatIsALink_writesThere_andRemovesScratchFilesThere() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real"));
        put(real.resolve("app/.x.yaml.spark-gen-tmp"), "a killed render's");
        Files.createSymbolicLink(out(), real);

        write("a.yaml", "a");

        assertEquals(Map.of("", "<dir>", "a.yaml", "a", ".spark-gen", HEADER + "a.yaml\n"), snapshot(real));
    }

    @Test
    void write_aBadRecord_isRefused_andLetsTheNextRenderIn() {
        put(out().resolve(".spark-gen"), "../outside\n");

        assertThrows(OutputException.class, () -> write("a.yaml", "a"));

        assertFalse(Files.exists(out().resolve(OutputDirectory.LOCK)), "the lock file stayed");
    }

    @Test
    void write_whenTheLockCannotBeTaken_isRefusedAndCreatesNothing() throws IOException {
        Files.createDirectories(out().resolve(OutputDirectory.LOCK));
        Map<String, String> before = snapshot(out());

        OutputException e = assertThrows(OutputException.class, () -> write("a.yaml", "a"));

        assertEquals("cannot write " + out() + ": Is a directory (" + out().resolve(OutputDirectory.LOCK) + ")",
                e.getMessage());
        assertEquals(before, snapshot(out()));
    }

    @Test
    void write_addingAfterTheCommitOrTwice_isABug() {
        try (OutputDirectory.Write write = new OutputDirectory(out()).begin()) {
            write.add("a.yaml", "a");
            assertEquals("a.yaml added twice",
                    assertThrows(IllegalStateException.class, () -> write.add("a.yaml", "a")).getMessage());
            write.commit();
            assertEquals("the write is committed",
                    assertThrows(IllegalStateException.class, () -> write.add("b.yaml", "b")).getMessage());
        }
    }

    // ---------------------------------------------------------------- comparing (render --check)

    @Test
    void differences_ofAnUpToDateDirectory_areNone_andOfAMissingOneEveryFile() {
        assertEquals(2, new OutputDirectory(out()).differences(files("a.yaml", "a")).size());
        assertFalse(Files.exists(out()), "a comparison wrote");
        write("a.yaml", "a");

        assertEquals(List.of(), new OutputDirectory(out()).differences(files("a.yaml", "a")));
        assertFalse(Files.exists(out().resolve(OutputDirectory.LOCK)));
    }

    @Test
    void differences_showAChangedFile_aStaleOne_andTheRecord_butNoForeignFile() {
        write("a.yaml", "a\n", "old.yaml", "old\n");
        put(out().resolve("notes.txt"), "mine");

        List<String> diffs = new OutputDirectory(out()).differences(files("a.yaml", "b\n"));

        assertEquals(List.of(
                "--- a/.spark-gen\n+++ b/.spark-gen\n@@ -1,3 +1,2 @@\n " + HEADER + " a.yaml\n-old.yaml\n",
                "--- a/a.yaml\n+++ b/a.yaml\n@@ -1 +1 @@\n-a\n+b\n",
                "--- a/old.yaml\n+++ /dev/null\n@@ -1 +0,0 @@\n-old\n"), diffs);
    }

    @Test
    void differences_neverReadThroughALink() throws IOException {
        write("app/a.yaml", "a\n", "gone/b.yaml", "b\n");
        Path elsewhere = tmp.resolve("elsewhere");
        Files.move(out().resolve("gone"), elsewhere);
        Files.createSymbolicLink(out().resolve("gone"), elsewhere);

        List<String> diffs = new OutputDirectory(out()).differences(files("app/a.yaml", "a\n"));
        assertEquals(1, diffs.size(), diffs.toString()); // the record only: gone/b.yaml is not read through the link
        assertTrue(diffs.get(0).startsWith("--- a/.spark-gen"), diffs.get(0));

        Files.move(out().resolve("app"), tmp.resolve("app"));
        Files.createSymbolicLink(out().resolve("app"), tmp.resolve("app"));
        OutputException e = assertThrows(OutputException.class,
                () -> new OutputDirectory(out()).differences(files("app/a.yaml", "a\n")));
        assertEquals(out().resolve("app") + " is a symbolic link: spark-gen does not write through links",
                e.getMessage());
    }

    // ---------------------------------------------------------------- the record

    @Test
    void readRecord_withoutARecord_isEmpty() {
        assertTrue(new OutputDirectory(out()).readRecord().isEmpty());
    }

    @Test
    void safeRelative_refusesAbsoluteParentAndRecordNames() {
        assertTrue(OutputDirectory.safeRelative("app/x.yaml"));
        for (String name : new String[] {".x", "..x", "a/...", ".hidden/x.yaml", "a/.spark-gen"}) {
            assertTrue(OutputDirectory.safeRelative(name), name);
        }
        for (String name : new String[] {"", "/etc/passwd", "../x", "a/../../x", "a//b", "./x", "a\\b", ".spark-gen",
                ".", "..", "a/", "a/.", "a/..", "/", "x\0"}) {
            assertFalse(OutputDirectory.safeRelative(name), name);
        }
    }
}
