package dev.sparkgen.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * Standard output that remembers why a write failed: a PrintWriter (like System.out) swallows the error and keeps
 * only a flag, so {@link Main} asks this, once the command is done, whether its output was lost. After a failure,
 * it writes nothing more (every later write fails the same way).
 */
final class StandardOutput extends FilterOutputStream {

    private IOException failure;

    StandardOutput() {
        super(new FileOutputStream(FileDescriptor.out));
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void flush() throws IOException {
        if (failure == null) {
            out.flush();
        }
    }

    /** Why a write failed, or null; null too when the reader went away (a closed pipe, e.g. {@code | head}). */
    synchronized String lost() {
        if (failure == null || brokenPipe(failure)) {
            return null;
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** EPIPE, whose message is strerror's, in English or with "(broken pipe)" in other locales. */
    private static boolean brokenPipe(IOException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("broken pipe");
    }
}
