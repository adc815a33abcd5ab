package dev.sparkgen;

import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.source.SourceFile;
import dev.sparkgen.source.YamlLoader;
import java.nio.file.Path;

/**
 * How the facade reads the files it is given: as a YAML mapping or as bytes (null, with problems, when it
 * cannot), and whether a document is a profile or a job.
 */
final class InputFiles {

    private InputFiles() {
    }

    /** Reads a file as a YAML mapping; null, with problems, when it cannot be. */
    static MapNode read(Path file, String display, Problems problems) {
        return YamlLoader.loadMapping(file, display, problems);
    }

    /** A file's bytes, within the loader's limits and only from a regular file ({@link SourceFile}). */
    static byte[] readBytes(Path file, String display, Problems problems) {
        return SourceFile.read(file, display, problems);
    }

    /** Whether a document says it is a profile ({@code kind: Profile}); anything else is read as a job. */
    static boolean isProfile(MapNode document) {
        return document.get("kind") instanceof Scalar s && "Profile".equals(s.text());
    }

    /** A file's name without its .yaml extension: the name a profile is known by. */
    static String nameOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
    }
}
