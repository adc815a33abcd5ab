package dev.sparkgen.source;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the bytes of a job, profile or SparkApplication file, within the loader's size limit whatever the file is:
 * only a regular file (symbolic links followed) is opened — a directory, a FIFO, a device or a socket is refused
 * before anything is opened, so none can block or stream without end — and at most {@link YamlLoader#MAX_BYTES}
 * plus one bytes are read, so a file that grows while it is read cannot pass the limit either.
 */
public final class SourceFile {

    private SourceFile() {
    }

    /** The file's bytes; null, with a problem at {@code display}, when it cannot or may not be read. */
    public static byte[] read(Path file, String display, Problems problems) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                problems.error(Origin.of(display), "is a directory, not a file");
                return null;
            }
            if (!attributes.isRegularFile()) {
                problems.error(Origin.of(display), "is " + kind(file) + ", not a regular file",
                        "spark-gen reads YAML from files: save it to a file and give that path");
                return null;
            }
            if (attributes.size() > YamlLoader.MAX_BYTES) {
                tooBig(display, "is " + attributes.size() + " bytes", problems);
                return null;
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(YamlLoader.MAX_BYTES + 1);
            }
            if (bytes.length > YamlLoader.MAX_BYTES) {
                tooBig(display, "grew to more than " + YamlLoader.MAX_BYTES + " bytes while it was read", problems);
                return null;
            }
            return bytes;
        } catch (NoSuchFileException e) {
            problems.error(Origin.of(display), "no such file");
        } catch (AccessDeniedException e) {
            problems.error(Origin.of(display), "cannot read the file: permission denied");
        } catch (IOException e) {
            problems.error(Origin.of(display), "cannot read the file: " + e.getMessage());
        }
        return null;
    }

    private static void tooBig(String display, String size, Problems problems) {
        problems.error(Origin.of(display), "the file " + size + ", more than spark-gen reads (" + YamlLoader.MAX_BYTES
                + ")", "a job or profile file is a few kilobytes of YAML");
    }

    /** What a file that is neither a regular file nor a directory is, for the message. */
    private static String kind(Path file) {
        try {
            // the "unix" attribute view is the JDK's on Linux and macOS; elsewhere the message says less
            int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }
}
