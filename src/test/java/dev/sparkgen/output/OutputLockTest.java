package dev.sparkgen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.SparkGenProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders of one directory take turns ({@link OutputLock}), watched from the middle: another process holds the
 * directory (a child JVM running {@link Holder}), and the test sees a write or a comparison wait for it, say so
 * once, and go on when it lets go — however it lets go.
 */
@Timeout(120)
class OutputLockTest {

    @TempDir
    Path tmp;
    private Process holder;

    private Path out() {
        return tmp.resolve("out");
    }

    @AfterEach
    void stopHolder() {
        if (holder != null) {
            holder.destroyForcibly();
        }
    }

    /** Starts a process that takes the directory as a render does, and holds it until its stdin closes. */
    private void holdInAnotherProcess() throws IOException {
        Files.createDirectories(out());
        holder = new ProcessBuilder(SparkGenProcess.java(), "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), out().toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8));
        assertEquals("holding", reader.readLine());
    }

    /** Runs {@code action} on another thread, and returns once it is waiting for the holder (it said so). */
    private <T> CompletableFuture<T> whileHeld(Function<OutputDirectory, T> action, AtomicInteger said)
            throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        OutputDirectory directory = new OutputDirectory(out(), false, () -> {
            said.incrementAndGet();
            waiting.countDown();
        });
        CompletableFuture<T> done = CompletableFuture.supplyAsync(() -> action.apply(directory));
        assertTrue(waiting.await(60, TimeUnit.SECONDS), "it did not wait");
        Thread.sleep(300);
        assertFalse(done.isDone(), "it went on while another process held the directory");
        return done;
    }

    @Test
    void write_whileAnotherRenderHoldsTheDirectory_waitsSayingSoOnce_andWritesWhenItIsDone() throws Exception {
        holdInAnotherProcess();
        AtomicInteger said = new AtomicInteger();

        CompletableFuture<OutputDirectory.Summary> write = whileHeld(directory -> {
            try (OutputDirectory.Write w = directory.begin()) {
                // the holder's file went with it: this one is new, and it is the one locked
                assertTrue(Files.exists(out().resolve(OutputDirectory.LOCK)), "it holds a released lock file");
                w.add("a.yaml", "a");
                return w.commit();
            }
        }, said);
        holder.getOutputStream().close(); // it finishes as a render does: its lock file marked released, and gone

        assertEquals(new OutputDirectory.Summary(1, 0, 0), write.get(60, TimeUnit.SECONDS));
        assertEquals(1, said.get());
        assertFalse(Files.exists(out().resolve(OutputDirectory.LOCK)), "the lock file stayed");
        assertEquals(0, holder.waitFor());
    }

    @Test
    void write_whileAnotherRenderHoldsTheDirectory_goesOnWhenThatRenderIsKilled() throws Exception {
        holdInAnotherProcess();
        AtomicInteger said = new AtomicInteger();

        CompletableFuture<OutputDirectory.Summary> write = whileHeld(directory -> directory.write(
                new TreeMap<>(Map.of("a.yaml", "a"))), said);
        holder.destroyForcibly(); // its lock file stays, unmarked; the system releases the lock

        assertEquals(new OutputDirectory.Summary(1, 0, 0), write.get(60, TimeUnit.SECONDS));
        assertFalse(Files.exists(out().resolve(OutputDirectory.LOCK)), "the lock file stayed");
    }

    @Test
    void differences_whileARenderHoldsTheDirectory_waitForIt() throws Exception {
        holdInAnotherProcess();
        AtomicInteger said = new AtomicInteger();

        CompletableFuture<List<String>> check = whileHeld(directory -> directory.differences(
                new TreeMap<>(Map.of("a.yaml", "a"))), said);
        holder.getOutputStream().close();

        assertEquals(2, check.get(60, TimeUnit.SECONDS).size());
        assertEquals(1, said.get());
    }

    @Test
    void write_afterARenderWasKilledHoldingTheDirectory_takesItsLockFileOver_andRemovesIt() throws IOException {
        Files.createDirectories(out());
        Files.writeString(out().resolve(OutputDirectory.LOCK), "");

        new OutputDirectory(out()).write(new TreeMap<>(Map.of("a.yaml", "a")));

        assertFalse(Files.exists(out().resolve(OutputDirectory.LOCK)));
    }

    @Test
    void write_afterARenderWasKilledBetweenMarkingItsLockFileAndRemovingIt_removesIt() throws IOException {
        Files.createDirectories(out());
        Files.writeString(out().resolve(OutputDirectory.LOCK), "released\n");

        new OutputDirectory(out()).write(new TreeMap<>(Map.of("a.yaml", "a")));

        assertFalse(Files.exists(out().resolve(OutputDirectory.LOCK)));
        assertTrue(Files.exists(out().resolve("a.yaml")));
    }

    @Test
    void differences_withALockFileNobodyHolds_readAndLeaveIt() throws IOException {
        Files.createDirectories(out());
        Files.writeString(out().resolve(OutputDirectory.LOCK), "");

        assertEquals(2, new OutputDirectory(out()).differences(new TreeMap<>(Map.of("a", "a")))
                .size());

        assertTrue(Files.exists(out().resolve(OutputDirectory.LOCK)), "a reader removed a lock file");
        new OutputDirectory(out()).write(new TreeMap<>(Map.of("a", "a"))); // the reader let go
    }

    @Test
    void differences_withABadRecord_areRefused_andLetGo() throws IOException {
        Files.createDirectories(out());
        Files.writeString(out().resolve(OutputDirectory.LOCK), "");
        Files.writeString(out().resolve(OutputDirectory.RECORD), "../x\n");
        String refused = "names '../x', which is not a file under " + out() + ": it was not written by spark-gen";

        OutputException check = assertThrows(OutputException.class,
                () -> new OutputDirectory(out()).differences(new TreeMap<>(Map.of("a", "a"))));
        OutputException write = assertThrows(OutputException.class,
                () -> new OutputDirectory(out()).write(new TreeMap<>(Map.of("a", "a"))));

        assertTrue(check.getMessage().endsWith(refused), check.getMessage());
        assertTrue(write.getMessage().endsWith(refused), write.getMessage()); // not "another render ... running"
    }

    @Test
    void differences_withAReleasedLockFile_doNotWait() throws IOException {
        Files.createDirectories(out());
        Files.writeString(out().resolve(OutputDirectory.LOCK), "released\n");

        assertEquals(2, new OutputDirectory(out()).differences(new TreeMap<>(Map.of("a", "a")))
                .size());
    }

    @Test
    void write_whileThisProcessWritesTheDirectory_isRefused() {
        try (OutputDirectory.Write first = new OutputDirectory(out()).begin()) {
            OutputException e = assertThrows(OutputException.class, () -> new OutputDirectory(out()).begin());
            assertEquals("cannot write " + out() + ": another render of this directory is running in this process",
                    e.getMessage());
        }
    }

    /** The other process: takes the directory (its first argument) as a render does, until stdin closes. */
    public static final class Holder {

        public static void main(String[] args) throws IOException {
            try (OutputLock lock = OutputLock.exclusive(Path.of(args[0]), () -> { })) {
                System.out.println("holding");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // until the test closes stdin
                }
            }
        }
    }
}
