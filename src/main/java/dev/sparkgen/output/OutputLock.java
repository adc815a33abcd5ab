package dev.sparkgen.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Serialises the renders of one output directory: a render holds an exclusive lock on {@code OUT/.spark-gen.lock}
 * from before it reads the record until its last rename, a {@code --check} a shared one while it reads. The
 * operating system releases a lock when its process dies, however it dies.
 *
 * <p>The file exists only while a render runs (or after one was killed), so that OUT holds nothing more than
 * before. Removing a lock file is safe because only its holder removes it, and marks it released first: a
 * process that was waiting on it then finds the mark, and takes the lock of the new file instead.
 */
final class OutputLock implements AutoCloseable {

    static final String NAME = ".spark-gen.lock";
    private static final byte[] RELEASED = "released\n".getBytes(StandardCharsets.US_ASCII);

    private final Path path;
    private final FileChannel channel;
    private final boolean exclusive;

    private OutputLock(Path path, FileChannel channel, boolean exclusive) {
        this.path = path;
        this.channel = channel;
        this.exclusive = exclusive;
    }

    /** Takes the lock of a render, creating the lock file; runs {@code waiting} once if another holds it. */
    static OutputLock exclusive(Path root, Runnable waiting) throws IOException {
        Path path = root.resolve(NAME);
        for (Runnable wait = waiting; ; wait = () -> { }) {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            try (FileChannel released = take(channel, false, wait)) {
                if (released == null) {
                    return new OutputLock(path, channel, true);
                }
                if (stillMarked(path)) {
                    Files.deleteIfExists(path); // its holder died between the mark and the removal
                }
            }
        }
    }

    /**
     * Takes the lock of a reader while a lock file exists, so that it waits for a render in progress; null when
     * none exists, as a reader creates nothing.
     */
    static OutputLock shared(Path root, Runnable waiting) throws IOException {
        Path path = root.resolve(NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        try (FileChannel released = take(channel, true, waiting)) {
            // a released file: the render the reader waited for has finished
            return released == null ? new OutputLock(path, channel, false) : null;
        }
    }

    private static boolean stillMarked(Path path) throws IOException {
        try {
            return Files.size(path) > 0;
        } catch (NoSuchFileException e) {
            return false; // removed by its holder, as it should be
        }
    }

    /**
     * Locks the file, waiting if need be; null when it is ours, or the channel (still locked, to be closed)
     * when the file is one its holder released.
     */
    private static FileChannel take(FileChannel channel, boolean shared, Runnable waiting) throws IOException {
        try {
            if (channel.tryLock(0, Long.MAX_VALUE, shared) == null) {
                waiting.run();
                channel.lock(0, Long.MAX_VALUE, shared);
            }
            return channel.size() == 0 ? null : channel;
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IOException("another render of this directory is running in this process", e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Releases the lock; a render's lock file goes, marked released for whoever waits on it. */
    @Override
    public void close() {
        try (channel) {
            if (exclusive) {
                channel.write(ByteBuffer.wrap(RELEASED), 0);
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    channel.truncate(0); // still in place, so no longer marked: the next render takes it over
                }
            }
        } catch (IOException e) {
            // Not marked (a full disk), so left in place: the next render takes it over, and removes it.
        }
    }
}
