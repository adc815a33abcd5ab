package dev.sparkgen.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The only code that touches an output directory. It owns the files its record ({@code .spark-gen}) lists,
 * replaces and removes only those, and never follows a symbolic link or overwrites a file it did not write.
 *
 * <p>A write is safe against failure and against a kill at any instant:
 * <ol>
 *   <li>Every new file is first written and synced beside its target as {@code .NAME.spark-gen-tmp}. If that
 *       fails (a full disk, a read-only file system), the scratch files go and OUT is as it was.</li>
 *   <li>The record is replaced by one listing the old and the new files, so that whatever happens next,
 *       spark-gen knows every file that may be its own.</li>
 *   <li>Each file is renamed over its target (an atomic replacement), kustomization files last, so that a
 *       kustomization never lists a file that is not there yet; then stale files of its own are removed.</li>
 *   <li>The record is replaced by the final list.</li>
 * </ol>
 * After a kill, every file is either as it was or as the new render writes it; scratch files and stale files
 * are removed by the next render, which brings the directory to the intended state.
 *
 * <p>Against a power cut or a kernel crash, the order of data and rename is the file system's (ext4's
 * default {@code auto_da_alloc}, XFS and btrfs write a replaced file's data before the rename); with
 * {@code sync}, every scratch file and the directory are also synced before the switch, which costs a disk
 * flush per file (about 10 ms each on common disks).
 */
public final class OutputDirectory {

    public static final String RECORD = ".spark-gen";
    static final String SCRATCH_SUFFIX = ".spark-gen-tmp";
    private static final String RECORD_HEADER =
            "# Written by spark-gen: the files it owns here. It replaces and removes these, and nothing else.\n";

    private final Path root;
    private final boolean sync;

    public OutputDirectory(Path root) {
        this(root, false);
    }

    public OutputDirectory(Path root, boolean sync) {
        this.root = root;
        this.sync = sync;
    }

    /** What a write did, for the user's one line of feedback. */
    public record Summary(int written, int unchanged, int removed) {
    }

    /**
     * Makes the directory hold exactly {@code files} (paths relative to it, '/'-separated) besides files spark-gen
     * never wrote. Throws {@link OutputException} when it cannot, leaving the directory as it was.
     */
    public Summary write(SortedMap<String, String> files) {
        try (Write write = begin()) {
            files.forEach(write::add);
            return write.commit();
        }
    }

    /**
     * Starts a write whose files are given one at a time ({@link Write#add}), so that a render of many apps
     * holds one app's files at a time, never the whole output. Scratch files left by a killed render go first.
     */
    public Write begin() {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new OutputException(root + " exists and is not a directory");
        }
        Set<String> owned = readRecord();
        removeScratch(owned);
        return new Write(owned);
    }

    /**
     * A write in progress: step 1 (the scratch copies) as files are added, from any number of threads; steps 2
     * to 4 in {@link #commit}. Closing a write that was not committed removes its scratch files and the
     * directories it created, leaving OUT as it was.
     */
    public final class Write implements AutoCloseable {

        private final Set<String> owned;
        private final SortedSet<String> names = new TreeSet<>();
        private final SortedSet<String> changed = new TreeSet<>();
        private final Map<String, Path> scratch = new TreeMap<>();
        private final Set<Path> createdDirs = new LinkedHashSet<>();
        private boolean committed;

        private Write(Set<String> owned) {
            this.owned = owned;
        }

        /** Adds a file: checks that it may be written, and stages it when it differs from what is there. */
        public void add(String name, String text) {
            Path target = resolve(name);
            boolean fresh;
            synchronized (this) {
                if (committed || !names.add(name)) {
                    throw new IllegalStateException(committed ? "the write is committed" : name + " added twice");
                }
                // In a directory this write created there is nothing but what it put there: no need to look (and
                // for a file that does not exist yet, each of the JDK's answers costs a thrown exception)
                fresh = createdDirs.contains(target.getParent());
            }
            byte[] content = utf8(text);
            if (!fresh && existingOwnFile(name, target) && Arrays.equals(read(target), content)) {
                return;
            }
            try {
                synchronized (this) {
                    createDirectories(target.getParent(), createdDirs);
                    changed.add(name);
                }
                stage(name, content);
            } catch (IOException | RuntimeException e) {
                throw new OutputException("cannot write " + root + ": " + reason(e), e);
            }
        }

        /**
         * Whether a file spark-gen wrote is at a file's place; anything else there (a link on the way, a directory,
         * a file it did not write) is an error.
         */
        private boolean existingOwnFile(String name, Path target) {
            checkParents(name);
            if (Files.isSymbolicLink(target)) {
                throw new OutputException(target + " is a symbolic link: spark-gen does not write through links; "
                        + "remove it and render again");
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new OutputException(target + " exists and is not a file");
                }
                if (!owned.contains(name)) {
                    throw new OutputException(target + " exists and was not written by spark-gen (it is not in "
                            + root.resolve(RECORD) + "): move it away and render again");
                }
                return true;
            }
            return false;
        }

        /** Makes the added files the directory's: steps 2 to 4 (see the class). Call once every file is added. */
        public synchronized Summary commit() {
            SortedSet<String> stale = new TreeSet<>(owned);
            stale.removeAll(names);
            SortedSet<String> all = new TreeSet<>(owned);
            all.addAll(names);
            byte[] finalRecord = record(names);
            boolean recordCurrent = Files.isRegularFile(root.resolve(RECORD), LinkOption.NOFOLLOW_LINKS)
                    && Arrays.equals(read(root.resolve(RECORD)), finalRecord);
            if (changed.isEmpty() && stale.isEmpty() && recordCurrent) {
                committed = true;
                return new Summary(0, names.size(), 0);
            }
            try {
                createDirectories(root, createdDirs);
                stage(RECORD + ".intent", record(all));
                stage(RECORD, finalRecord);
                if (sync) {
                    new TreeSet<>(scratch.values().stream().map(Path::getParent).toList())
                            .forEach(OutputDirectory::syncDirectory);
                }
            } catch (IOException | RuntimeException e) {
                throw new OutputException("cannot write " + root + ": " + reason(e), e);
            }

            // 2. the switch: each step atomic, the record always a superset of what is ours
            committed = true;
            try {
                move(scratch.get(RECORD + ".intent"), root.resolve(RECORD));
                List<String> order = new ArrayList<>(changed);
                order.sort(Comparator.comparing((String name) -> name.endsWith("kustomization.yaml"))
                        .thenComparing(name -> -name.split("/").length));
                for (String name : order) {
                    move(scratch.get(name), resolve(name));
                }
                int removed = 0;
                for (String name : stale) {
                    Path path = resolve(name);
                    if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(path);
                        removed++;
                    }
                    removeEmptyParents(path);
                }
                move(scratch.get(RECORD), root.resolve(RECORD));
                if (sync) {
                    syncDirectory(root);
                }
                return new Summary(changed.size(), names.size() - changed.size(), removed);
            } catch (IOException e) {
                throw new OutputException("cannot finish writing " + root + ": " + reason(e)
                        + " (render again: spark-gen completes or cleans up what it started)", e);
            }
        }

        /** Without a commit: removes every scratch file and created directory; OUT is as it was. */
        @Override
        public synchronized void close() {
            if (committed) {
                return;
            }
            committed = true;
            scratch.values().forEach(OutputDirectory::deleteQuietly);
            List<Path> created = new ArrayList<>(createdDirs);
            for (int i = created.size() - 1; i >= 0; i--) {
                deleteQuietly(created.get(i));
            }
        }

        /** Writes and syncs the scratch copy of a file, noting it first, so that closing can undo it. */
        private void stage(String name, byte[] content) throws IOException {
            Path target = root.resolve(name);
            Path path = target.resolveSibling("." + target.getFileName() + SCRATCH_SUFFIX);
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                synchronized (this) {
                    scratch.put(name, path); // ours from here on: removed if the write is not committed
                }
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (sync) {
                    channel.force(true);
                }
            }
        }
    }

    /**
     * How the directory differs from what {@link #write} would make it, as unified diffs (paths relative to
     * the directory), the record included; empty when it is up to date. Reads, never writes.
     */
    public List<String> differences(SortedMap<String, String> files) {
        Comparison comparison = compare();
        files.forEach(comparison::add);
        return comparison.finish();
    }

    /** Starts a comparison whose files are given one at a time, from any number of threads. */
    public Comparison compare() {
        return new Comparison(Files.isDirectory(root) ? readRecord() : Set.of());
    }

    /** A {@link #differences} in progress. */
    public final class Comparison {

        private final Set<String> owned;
        private final SortedSet<String> names = new TreeSet<>();
        private final SortedMap<String, String> diffs = new TreeMap<>();

        private Comparison(Set<String> owned) {
            this.owned = owned;
        }

        public void add(String name, String text) {
            String diff = diff(name, text);
            synchronized (this) {
                names.add(name);
                if (!diff.isEmpty()) {
                    diffs.put(name, diff);
                }
            }
        }

        /** The differences, in file name order: those of the added files, the record's, and stale files. */
        public synchronized List<String> finish() {
            add(RECORD, new String(record(names), StandardCharsets.UTF_8));
            for (String name : owned) {
                if (!names.contains(name)) {
                    String diff = diff(name, null);
                    if (!diff.isEmpty()) {
                        diffs.put(name, diff);
                    }
                }
            }
            return new ArrayList<>(diffs.values());
        }

        private String diff(String name, String wanted) {
            Path path = root.resolve(name);
            String before = Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                    ? new String(read(path), StandardCharsets.UTF_8) : null;
            return UnifiedDiff.of(name, before, wanted);
        }
    }

    /** The files the record lists; empty when there is no record. */
    public Set<String> readRecord() {
        Path record = root.resolve(RECORD);
        if (!Files.exists(record, LinkOption.NOFOLLOW_LINKS)) {
            return new LinkedHashSet<>();
        }
        if (!Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputException(record + " is not a file");
        }
        Set<String> owned = new LinkedHashSet<>();
        for (String line : new String(read(record), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!safeRelative(line)) {
                throw new OutputException(record + " names '" + line + "', which is not a file under "
                        + root + ": it was not written by spark-gen");
            }
            owned.add(line);
        }
        return owned;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] record(Set<String> names) {
        StringBuilder out = new StringBuilder(RECORD_HEADER);
        new TreeSet<>(names).forEach(name -> out.append(name).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static boolean safeRelative(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return !name.equals(RECORD);
    }

    private Path resolve(String name) {
        if (!safeRelative(name)) {
            throw new IllegalArgumentException("not a relative file name: " + name);
        }
        return root.resolve(name);
    }

    /** Every directory between the root and a file must be a real directory, never a link out of OUT. */
    private void checkParents(String name) {
        Path dir = root;
        String[] parts = name.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            dir = dir.resolve(parts[i]);
            if (Files.isSymbolicLink(dir)) {
                throw new OutputException(dir + " is a symbolic link: spark-gen does not write through links");
            }
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new OutputException(dir + " exists and is not a directory");
            }
        }
    }

    private static void createDirectories(Path dir, Set<Path> created) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.getParent(), created);
        try {
            Files.createDirectory(dir);
            created.add(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /** Scratch files a killed render left behind, in the directories spark-gen writes. */
    private void removeScratch(Set<String> owned) {
        Set<Path> dirs = new LinkedHashSet<>();
        dirs.add(root);
        owned.forEach(name -> dirs.add(root.resolve(name).getParent()));
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "." + "*" + SCRATCH_SUFFIX)) {
                for (Path entry : entries) {
                    if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(entry);
                    }
                }
            } catch (IOException e) {
                throw new OutputException("cannot clean " + dir + ": " + reason(e), e);
            }
        }
    }

    private void removeEmptyParents(Path file) throws IOException {
        Path dir = file.getParent();
        while (dir != null && !dir.equals(root) && dir.startsWith(root)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                if (entries.iterator().hasNext()) {
                    return;
                }
            } catch (NoSuchFileException e) {
                return;
            }
            Files.delete(dir);
            dir = dir.getParent();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every file system lets a directory be synced; the files themselves were
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new OutputException("cannot read " + path + ": " + reason(e), e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort: a scratch file left here is removed by the next render
        }
    }

    static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (" + e.getMessage() + ")";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + " (" + fs.getFile() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
