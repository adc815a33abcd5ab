package dev.sparkgen.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One profile file found: its name, where it is (as messages show it: a path, or {@code builtin:profiles/X.yaml}
 * for those the jar carries), and its bytes.
 */
public record ProfileSource(String name, String location, Path path) {

    public static final String BUILTIN = "builtin:";

    public boolean builtin() {
        return path == null;
    }

    public byte[] read() throws IOException {
        if (path != null) {
            return Files.readAllBytes(path);
        }
        String resource = location.substring(BUILTIN.length());
        try (InputStream in = ProfileSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("the jar holds no " + resource));
            }
            return in.readAllBytes();
        }
    }
}
