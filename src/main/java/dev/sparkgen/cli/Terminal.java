package dev.sparkgen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal, read from the link {@code /proc/self/fd/N} (Linux): a terminal's is
 * {@code /dev/pts/N} or {@code /dev/ttyX}. Not {@code System.console()}, which says nothing about standard
 * error (and from JDK 22 on is there even when every stream is redirected). Where there is no {@code /proc},
 * no stream is taken for a terminal: progress lines are then left out, never leaked into a log.
 */
final class Terminal {

    static final Path STANDARD_ERROR = Path.of("/proc/self/fd/2");

    private Terminal() {
    }

    static boolean isTerminal(Path descriptor) {
        try {
            String target = Files.readSymbolicLink(descriptor).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
