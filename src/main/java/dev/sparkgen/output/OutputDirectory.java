package dev.sparkgen.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * replaces and removes only those, and never overwrites a file it did not write nor follows a symbolic link
 * anywhere below the root (to write, read, remove or clean up), so that nothing outside it is ever touched.
 * One write or comparison at a time holds the directory ({@link OutputLock}).
 *
 * <p>A write is safe against failure and against a kill at any instant:
 * <ol>
 *   <li>Every new file is first written beside its target as {@code .NAME.spark-gen-tmp} (and flushed, with
 *       {@code sync}); but a directory the write makes for an app's files (added at once) stays empty, a
 *       placeholder, and its files are written under their own names into {@code .DIR.spark-gen-tmp} beside it,
 *       made after it. If that fails (a full disk, a read-only file system), the scratch files go and OUT is as
 *       it was.</li>
 *   <li>The record is replaced by one listing the old and the new files, so that whatever happens next,
 *       spark-gen knows every file that may be its own.</li>
 *   <li>Each scratch directory is renamed over its placeholder (an empty directory: an atomic replacement, and
 *       no kustomization lists it yet), then each file over its target, kustomization files last, so that a
 *       kustomization never lists a file that is not there yet; then stale files of its own are removed,
 *       kustomization files first, so that none lists a file already gone.</li>
 *   <li>The record is replaced by the final list.</li>
 * </ol>
 * After a kill, every file is either as it was or as the new render writes it; the next write, of whatever
 * files, removes the scratch files and directories anywhere in the directory (and a placeholder they leave
 * empty), and brings it to the intended state.
 *
 * <p>Against a power cut or a kernel crash, the order of data and rename is the file system's (ext4's
 * default {@code auto_da_alloc}, XFS and btrfs write a replaced file's data before the rename); with
 * {@code sync}, every scratch file and the directory are also synced before the switch, which costs a disk
 * flush per file (about 10 ms each on common disks).
 */
public final class OutputDirectory {

    public static final String RECORD = ".spark-gen";
    static final String SCRATCH_SUFFIX = ".spark-gen-tmp";
    /** A scratch file is written anew, never through a link (one a killed render left is overwritten). */
    private static final Set<OpenOption> SCRATCH_OPTIONS = Set.of(StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    /** The lock file, there while a render runs (see {@link OutputLock}). */
    public static final String LOCK = OutputLock.NAME;
    private static final String RECORD_HEADER =
            "# Written by spark-gen: the files it owns here. It replaces and removes these, and nothing else.\n";

    private final Path root;
    private final boolean sync;
    private final Runnable waiting;
    private final Disk disk;

    public OutputDirectory(Path root) {
        this(root, false, () -> { });
    }

    /**
     * {@code sync}: flush every file before the switch (see the class); {@code waiting}: run when another render
     * of the directory holds it, before waiting for it to finish.
     */
    public OutputDirectory(Path root, boolean sync, Runnable waiting) {
        this(root, sync, waiting, Disk.REAL);
    }

    OutputDirectory(Path root, boolean sync, Runnable waiting, Disk disk) {
        this.root = root;
        this.sync = sync;
        this.waiting = waiting;
        this.disk = disk;
    }

    /**
     * The steps of a write's switch that reach the disk, one call each, in the order the class describes: kill
     * safety rests on that order, and the tests watch it through here.
     */
    interface Disk {

        Disk REAL = new Disk() { };

        /** Flushes a scratch file's data (with {@code sync}). */
        default void flush(FileChannel channel, Path file) throws IOException {
            channel.force(true);
        }

        /** Flushes a directory's entries (with {@code sync}), where the file system allows it. */
        default void flushDirectory(Path dir) {
            try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException e) {
                // not every file system lets a directory be synced; the files themselves were
            }
        }

        /** Puts a file in place of another, atomically. */
        default void move(Path from, Path to) throws IOException {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        /** Removes a stale file. */
        default void delete(Path file) throws IOException {
            Files.delete(file);
        }
    }

    /** What a write did, for the user's one line of feedback. */
    public record Summary(int written, int removed) {
    }

    /**
     * Makes the directory hold exactly {@code files} (paths relative to it, '/'-separated) besides files spark-gen
     * never wrote. Throws {@link OutputException} when it cannot, leaving the directory as it was.
     */
    public Summary write(SortedMap<String, String> files) {
        try (Write write = begin()) {
            write.add("", files);
            return write.commit();
        }
    }

    /**
     * Starts a write whose files are given one at a time ({@link Write#add}), so that a render of many apps
     * holds one app's files at a time, never the whole output. Waits for any other render of the directory to
     * finish ({@link OutputLock}), and holds it until the write is closed; then scratch files a killed render
     * left anywhere in it go.
     */
    public Write begin() {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new OutputException(root + " exists and is not a directory");
        }
        List<Path> createdDirs = new ArrayList<>();
        OutputLock lock;
        try {
            createDirectories(root, createdDirs);
            lock = OutputLock.exclusive(root, waiting);
        } catch (IOException e) {
            removeDirectories(createdDirs);
            throw new OutputException("cannot write " + root + ": " + reason(e), e);
        }
        try {
            Set<String> owned = readRecord();
            removeScratch();
            return new Write(owned, lock, createdDirs);
        } catch (RuntimeException e) { // a bad record: the directory existed, so nothing was created
            lock.close();
            throw e;
        }
    }

    /**
     * A write in progress: step 1 (the scratch copies) as files are added, from any number of threads; steps 2
     * to 4 in {@link #commit}. Closing a write that was not committed removes its scratch files and the
     * directories it created, leaving OUT as it was.
     */
    public final class Write implements AutoCloseable {

        private final Set<String> owned;
        /**
         * The directories files went to ("" the root), each with whether this write made it and the files added
         * there: a name is kept once, its directory's, and its scratch path derived from it ({@link #scratch}).
         */
        private final Map<String, Dir> dirs = new HashMap<>();
        /** The record's scratch copies, once written (by {@link #commit}). */
        private final List<String> recordScratch = new ArrayList<>(2);
        private final OutputLock lock;
        private final List<Path> createdDirs;
        private boolean committed;
        private boolean closed;

        private Write(Set<String> owned, OutputLock lock, List<Path> createdDirs) {
            this.owned = owned;
            this.lock = lock;
            this.createdDirs = createdDirs;
            dir("").made = createdDirs.contains(root);
        }

        private Dir dir(String name) {
            return dirs.computeIfAbsent(name, key -> new Dir());
        }

        /** Adds a file: checks that it may be written, and stages it when it differs from what is there. */
        public void add(String name, String text) {
            add("", Map.of(name, text));
        }

        /**
         * Adds files at once, each named {@code prefix} + its name (an app's, under "APP/"), as {@link #add(String,
         * String)} adds one: a render thread takes the write's lock a few times an app, not twice a file.
         */
        public void add(String prefix, Map<String, String> files) {
            int count = files.size();
            String[] names = new String[count];
            String[] parents = new String[count];
            String[] fileNames = new String[count]; // an app's: the renderer's strings, kept as they are
            String prefixDir = parent(prefix + "x");
            boolean whole = !prefix.isEmpty(); // an app's files, all in its directory: see scratchDirectory
            int i = 0;
            for (String file : files.keySet()) {
                String name = prefix.isEmpty() ? file : prefix + file;
                if (!safeRelative(name)) {
                    throw new IllegalArgumentException("not a relative file name: " + name);
                }
                boolean inPrefix = file.indexOf('/') < 0;
                whole &= inPrefix;
                names[i] = name;
                parents[i] = inPrefix ? prefixDir : parent(name);
                fileNames[i++] = inPrefix ? file : name.substring(name.lastIndexOf('/') + 1);
            }
            Dir[] dirOf = new Dir[count];
            synchronized (this) {
                if (committed) {
                    throw new IllegalStateException("the write is committed");
                }
                for (i = 0; i < count; i++) {
                    dirOf[i] = dir(parents[i]);
                    if (dirOf[i].files.putIfAbsent(fileNames[i], false) != null) {
                        throw new IllegalStateException(names[i] + " added twice");
                    }
                }
            }
            boolean[] ours = new boolean[count];
            try {
                String dir = null;
                boolean fresh = false;
                Path into = null; // the directory's scratch directory, where its files go under their own names
                i = 0;
                for (String text : files.values()) {
                    int index = i++;
                    if (!parents[index].equals(dir)) {
                        dir = parents[index];
                        into = scratchDirectory(dir, whole);
                        fresh = into != null || fresh(dir);
                    }
                    byte[] content = utf8(text);
                    if (fresh || !unchanged(names[index], content)) {
                        stage(into != null ? into.resolve(fileNames[index]) : scratch(names[index]), names[index],
                                content, fresh, () -> ours[index] = true);
                    }
                }
            } finally {
                synchronized (this) {
                    for (int j = 0; j < count; j++) {
                        if (ours[j]) {
                            dirOf[j].files.put(fileNames[j], true);
                        }
                    }
                }
            }
        }

        /**
         * Whether a file spark-gen wrote is at a file's place, as {@code content}; anything else there (a link on
         * the way, a directory, a file it did not write) is an error.
         */
        private boolean unchanged(String name, byte[] content) {
            Path target = root.resolve(name);
            checkParents(name, true);
            BasicFileAttributes there = attributes(target);
            if (there == null) {
                return false;
            }
            if (there.isSymbolicLink()) {
                throw new OutputException(target + " is a symbolic link: spark-gen does not write through links; "
                        + "remove it and render again");
            }
            if (!there.isRegularFile()) {
                throw new OutputException(target + " exists and is not a file");
            }
            if (!owned.contains(name)) {
                throw new OutputException(target + " exists and was not written by spark-gen (it is not in "
                        + root.resolve(RECORD) + "): move it away and render again");
            }
            return there.size() == content.length && Arrays.equals(read(target), content);
        }

        /**
         * Whether a directory is this write's own: one it creates here when it is not there and the way to it is
         * the root or the write's own, so that no link can be on it. One that was there (whatever it is), or
         * whose way was, is not: its files are looked at one by one ({@link #unchanged}).
         */
        private boolean fresh(String dir) {
            synchronized (this) {
                Dir known = dirs.get(dir);
                if (known != null && known.made != null) {
                    return known.made;
                }
            }
            String up = parent(dir);
            Path path = root.resolve(dir);
            checkNotInScratchDirectory(up);
            boolean made;
            try {
                made = (up.isEmpty() || fresh(up)) && makeDirectory(path);
            } catch (IOException | RuntimeException e) {
                throw cannotWrite(e);
            }
            synchronized (this) {
                Dir entry = dir(dir);
                if (made) {
                    createdDirs.add(path);
                    entry.made = true;
                } else if (entry.made == null) {
                    entry.made = false;
                } // else known meanwhile: another thread made it, or found it there
                return entry.made;
            }
        }

        /**
         * The scratch directory a directory's files go to under their own names, or null. When a directory added
         * {@code whole} (an app's files, by one {@link #add(String, Map)}) is not there, the write makes it and
         * leaves it empty, a placeholder that reserves its name, and makes {@code .DIR.spark-gen-tmp} beside it,
         * which the commit renames over the placeholder at once (one rename an app, not one a file). Null for a
         * directory that was there (its files are staged one by one), or whose scratch directory cannot be made
         * (a leftover link, say: the placeholder, the write's own, then takes scratch files as any new directory
         * does); a directory known already answers as it did the first time.
         */
        private Path scratchDirectory(String dir, boolean whole) {
            synchronized (this) {
                Dir known = dirs.get(dir);
                if (known != null && known.made != null || !whole) {
                    return known == null ? null : known.scratch;
                }
            }
            if (!fresh(dir)) {
                return null;
            }
            Path scratch = scratch(dir);
            boolean staged;
            try {
                staged = makeDirectory(scratch);
            } catch (IOException | RuntimeException e) {
                throw cannotWrite(e);
            }
            synchronized (this) {
                if (staged) {
                    createdDirs.add(scratch);
                    dirs.get(dir).scratch = scratch;
                }
                return staged ? scratch : null;
            }
        }

        /**
         * Refuses a directory in one whose files go to its scratch directory: the rename needs the placeholder
         * empty (a directory under it must be added before it).
         */
        private synchronized void checkNotInScratchDirectory(String dir) {
            Dir known = dirs.get(dir);
            if (known != null && known.scratch != null) {
                throw new IllegalStateException(dir + "/ was added whole: nothing more can go under it");
            }
        }

        /** Makes the directories on a file's way that are not there, once {@link #unchanged} checked that way. */
        private void makeDirectories(String dir) throws IOException {
            Path path = root.resolve(dir);
            if (dir.isEmpty() || Files.isDirectory(path)) {
                return;
            }
            makeDirectories(parent(dir));
            if (makeDirectory(path)) {
                synchronized (this) {
                    createdDirs.add(path);
                    dir(dir).made = true;
                }
            } else if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(path.toString());
            }
        }

        /** Makes the added files the directory's: steps 2 to 4 (see the class). Call once every file is added. */
        public synchronized Summary commit() {
            SortedSet<String> names = new TreeSet<>();
            List<String> changed = new ArrayList<>(); // files moved one by one
            SortedSet<String> wholeDirs = new TreeSet<>(); // directories moved whole, over their placeholders
            int written = 0;
            for (Map.Entry<String, Dir> entry : dirs.entrySet()) {
                String dir = entry.getKey();
                for (Map.Entry<String, Boolean> file : entry.getValue().files.entrySet()) {
                    String name = dir.isEmpty() ? file.getKey() : dir + "/" + file.getKey();
                    names.add(name);
                    if (file.getValue()) {
                        written++;
                        if (entry.getValue().scratch == null) {
                            changed.add(name);
                        }
                    }
                }
                if (entry.getValue().scratch != null) {
                    wholeDirs.add(dir);
                }
            }
            SortedSet<String> stale = new TreeSet<>(owned);
            stale.removeAll(names);
            SortedSet<String> all = new TreeSet<>(owned);
            all.addAll(names);
            byte[] finalRecord = record(names);
            boolean recordCurrent = Files.isRegularFile(root.resolve(RECORD), LinkOption.NOFOLLOW_LINKS)
                    && Arrays.equals(read(root.resolve(RECORD)), finalRecord);
            if (written == 0 && stale.isEmpty() && recordCurrent) {
                committed = true;
                return new Summary(0, 0);
            }
            try {
                stage(scratch(RECORD + ".intent"), RECORD + ".intent", record(all), true,
                        () -> recordScratch.add(RECORD + ".intent"));
                stage(scratch(RECORD), RECORD, finalRecord, true, () -> recordScratch.add(RECORD));
                if (sync) {
                    Set<Path> synced = new TreeSet<>();
                    synced.add(root);
                    changed.forEach(name -> synced.add(root.resolve(parent(name))));
                    wholeDirs.forEach(dir -> {
                        synced.remove(root.resolve(dir)); // the empty placeholder: its scratch directory instead
                        synced.add(dirs.get(dir).scratch);
                        synced.add(root.resolve(parent(dir)));
                    });
                    synced.forEach(disk::flushDirectory);
                }
            } catch (RuntimeException e) {
                throw cannotWrite(e);
            }

            // 2. the switch: each step atomic, the record always a superset of what is ours
            committed = true;
            try {
                disk.move(scratch(RECORD + ".intent"), root.resolve(RECORD));
                // new directories first, each whole (no kustomization outside lists one yet), over its placeholder
                for (String dir : wholeDirs) {
                    disk.move(dirs.get(dir).scratch, root.resolve(dir));
                }
                // then files, kustomization.yaml files last, deeper files first, else by name (a lambda of our own:
                // Comparator.comparing's are serializable, which no start-up archive holds)
                changed.sort(null);
                changed.sort((a, b) -> a.endsWith("kustomization.yaml") != b.endsWith("kustomization.yaml")
                        ? Boolean.compare(a.endsWith("kustomization.yaml"), b.endsWith("kustomization.yaml"))
                        : Integer.compare(depth(b), depth(a)));
                for (String name : changed) {
                    disk.move(scratch(name), root.resolve(name));
                }
                // stale kustomization.yaml files first, shallowest first, so that none lists a file already removed
                List<String> gone = new ArrayList<>(stale);
                gone.sort((a, b) -> a.endsWith("kustomization.yaml") != b.endsWith("kustomization.yaml")
                        ? Boolean.compare(b.endsWith("kustomization.yaml"), a.endsWith("kustomization.yaml"))
                        : a.endsWith("kustomization.yaml") ? Integer.compare(depth(a), depth(b)) : 0);
                int removed = 0;
                for (String name : gone) {
                    Path path = resolve(name);
                    if (checkParents(name, false) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                        disk.delete(path);
                        removed++;
                    }
                    removeEmptyParents(path);
                }
                disk.move(scratch(RECORD), root.resolve(RECORD));
                if (sync) {
                    disk.flushDirectory(root);
                }
                return new Summary(written, removed);
            } catch (IOException e) {
                throw new OutputException("cannot finish writing " + root + ": " + reason(e)
                        + " (render again: spark-gen completes or cleans up what it started)", e);
            }
        }

        /**
         * Lets the next render in. Without a commit, first removes every scratch file and, after the lock file,
         * every created directory: OUT is as it was.
         */
        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            boolean undo = !committed;
            committed = true;
            if (undo) {
                dirs.forEach((dir, files) -> {
                    for (Map.Entry<String, Boolean> file : files.files.entrySet()) {
                        if (file.getValue()) {
                            deleteQuietly(files.scratch != null ? files.scratch.resolve(file.getKey())
                                    : scratch(dir.isEmpty() ? file.getKey() : dir + "/" + file.getKey()));
                        }
                    }
                });
                recordScratch.forEach(name -> deleteQuietly(scratch(name)));
            }
            lock.close();
            if (undo) {
                removeDirectories(createdDirs);
            }
        }

        /**
         * Writes the scratch copy of a file at {@code path} (flushed with {@code sync}), its directory made first
         * unless known to be there; {@code ours} notes the copy once it is ours, so that closing can undo it.
         */
        private void stage(Path path, String name, byte[] content, boolean dirThere, Runnable ours) {
            try {
                if (!dirThere) {
                    makeDirectories(parent(name));
                }
                try (FileChannel channel = FileChannel.open(path, SCRATCH_OPTIONS)) {
                    ours.run();
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    if (sync) {
                        disk.flush(channel, path);
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw cannotWrite(e);
            }
        }
    }

    /**
     * A directory a write adds files to: whether the write made it (null until known), its scratch directory when
     * its files go there ({@link Write#scratchDirectory}), and the names of the files added there, each with
     * whether its scratch copy is written, so ours (removed if the write is not committed).
     */
    private static final class Dir {

        Boolean made;
        Path scratch;
        final Map<String, Boolean> files = new LinkedHashMap<>();
    }

    /** Where a file's scratch copy goes: {@code .NAME.spark-gen-tmp} beside it (a directory's, too). */
    private Path scratch(String name) {
        int slash = name.lastIndexOf('/');
        return root.resolve(name.substring(0, slash + 1) + "." + name.substring(slash + 1) + SCRATCH_SUFFIX);
    }

    /** The directory of a file or directory, relative to the root ("" for the root). */
    private static String parent(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    private static int depth(String name) {
        int depth = 0;
        for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
            depth++;
        }
        return depth;
    }

    /** Makes a directory whose parent is there; false when something is already at its place. */
    private static boolean makeDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private OutputException cannotWrite(Exception e) {
        return e instanceof OutputException output ? output
                : new OutputException("cannot write " + root + ": " + reason(e), e);
    }

    /**
     * How the directory differs from what {@link #write} would make it, as unified diffs (paths relative to
     * the directory), the record included; empty when it is up to date. Reads, never writes.
     */
    public List<String> differences(SortedMap<String, String> files) {
        try (Comparison comparison = compare()) {
            files.forEach(comparison::add);
            return comparison.finish();
        }
    }

    /**
     * Starts a comparison whose files are given one at a time, from any number of threads; it waits for a render
     * of the directory in progress to finish, and keeps renders out until it is closed.
     */
    public Comparison compare() {
        if (!Files.isDirectory(root)) {
            return new Comparison(Set.of(), null);
        }
        OutputLock lock;
        try {
            lock = OutputLock.shared(root, waiting);
        } catch (IOException e) {
            throw new OutputException("cannot read " + root + ": " + reason(e), e);
        }
        try {
            return new Comparison(readRecord(), lock);
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    /** A {@link #differences} in progress; closing it lets renders in. */
    public final class Comparison implements AutoCloseable {

        private final Set<String> owned;
        private final OutputLock lock;
        private final SortedSet<String> names = new TreeSet<>();
        private final SortedMap<String, String> diffs = new TreeMap<>();

        private Comparison(Set<String> owned, OutputLock lock) {
            this.owned = owned;
            this.lock = lock;
        }

        /** Compares files with what is there, each named {@code prefix} + its name (see {@link Write#add}). */
        public void add(String prefix, Map<String, String> files) {
            files.forEach((name, text) -> add(prefix.isEmpty() ? name : prefix + name, text));
        }

        /** Compares a file with what is there; refuses, as a write would, a path through a link. */
        public void add(String name, String text) {
            checkParents(name, true);
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
            String before = checkParents(name, false) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                    ? new String(read(path), StandardCharsets.UTF_8) : null;
            return before == null && wanted == null ? "" : UnifiedDiff.of(name, before, wanted);
        }

        @Override
        public synchronized void close() {
            if (lock != null) {
                lock.close();
            }
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
        if (name.contains("\\") || name.contains("\0") || name.equals(RECORD)) {
            return false;
        }
        for (int from = 0, slash; from <= name.length(); from = slash + 1) { // each part: not empty, . or ..
            slash = name.indexOf('/', from);
            slash = slash < 0 ? name.length() : slash;
            int length = slash - from;
            if (length == 0 || length <= 2 && name.startsWith(length == 1 ? "." : "..", from)) {
                return false;
            }
        }
        return true;
    }

    private Path resolve(String name) {
        if (!safeRelative(name)) {
            throw new IllegalArgumentException("not a relative file name: " + name);
        }
        return root.resolve(name);
    }

    /**
     * Whether every directory between the root and a file is a real directory (or not there yet), never a link,
     * which could lead out of OUT. When it is not: throws if {@code refuse}, else answers false.
     */
    private boolean checkParents(String name, boolean refuse) {
        Path dir = root;
        String[] parts = name.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            dir = dir.resolve(parts[i]);
            BasicFileAttributes there = attributes(dir);
            if (there == null) {
                return true; // nor anything below it
            }
            String problem = there.isSymbolicLink() ? " is a symbolic link: spark-gen does not write through links"
                    : !there.isDirectory() ? " exists and is not a directory" : null;
            if (problem != null && refuse) {
                throw new OutputException(dir + problem);
            }
            if (problem != null) {
                return false;
            }
        }
        return true;
    }

    private static void createDirectories(Path dir, List<Path> created) throws IOException {
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

    /**
     * Scratch files ({@code .NAME.spark-gen-tmp}) a killed render left anywhere in OUT, whatever it rendered, and
     * the directories it made for them when they held nothing else; and scratch directories ({@code
     * .DIR.spark-gen-tmp} beside a directory {@code DIR}, see {@link Write#scratchDirectory}): their files, then
     * they and the placeholder when that leaves them empty. The walk does not follow links, and skips directories
     * it may not read.
     */
    private void removeScratch() {
        try {
            // from OUT's real path: OUT itself may be a link (the path the user gave is theirs), but nothing in it
            Path top = root.toRealPath();
            Set<Path> emptied = new HashSet<>();
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    String name = dir.equals(top) ? "" : dir.getFileName().toString();
                    Path placeholder = isScratch(name) ? dir.resolveSibling(placeholder(name)) : null;
                    if (placeholder == null || !Files.isDirectory(placeholder, LinkOption.NOFOLLOW_LINKS)) {
                        return FileVisitResult.CONTINUE;
                    }
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                        for (Path file : files) {
                            BasicFileAttributes there = attributes(file);
                            if (there != null && there.isRegularFile()) {
                                Files.delete(file);
                            }
                        }
                    }
                    if (isEmpty(dir)) {
                        Files.delete(dir);
                        if (isEmpty(placeholder)) {
                            Files.delete(placeholder);
                        }
                        emptied.add(dir.getParent());
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile() && isScratch(file.getFileName().toString())) {
                        Files.delete(file);
                        emptied.add(file.getParent());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // not spark-gen's: it can read what it wrote
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (!dir.equals(top) && emptied.contains(dir) && isEmpty(dir)) {
                        deleteQuietly(dir);
                        emptied.add(dir.getParent());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new OutputException("cannot clean " + root + ": " + reason(e), e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** The name of the directory a scratch directory's name stands beside: {@code DIR} for {@code .DIR.spark-gen-tmp}. */
    private static String placeholder(String scratchName) {
        return scratchName.substring(1, scratchName.length() - SCRATCH_SUFFIX.length());
    }

    static boolean isScratch(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(SCRATCH_SUFFIX)
                && fileName.length() > 1 + SCRATCH_SUFFIX.length();
    }

    /** Removes directories a failed write created, deepest first, each only if it is empty. */
    private static void removeDirectories(List<Path> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            deleteQuietly(created.get(i));
        }
    }

    private void removeEmptyParents(Path file) throws IOException {
        Path dir = file.getParent();
        while (dir != null && !dir.equals(root) && dir.startsWith(root)
                && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
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

    /**
     * What is at a path itself, a link not followed, in one look (where {@code Files.isSymbolicLink}, {@code exists}
     * and {@code isDirectory} take one each); null when nothing is there, or it cannot be looked at, as they say.
     */
    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
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
        if (e instanceof FileAlreadyExistsException) { // here, always a file where a directory must go
            return e.getMessage() + " exists and is not a directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (" + e.getMessage() + ")";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + " (" + fs.getFile() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
