package dev.sparkgen.cli;

import dev.sparkgen.SparkGen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The job files named on a command line: each FILE as given, each DIR's {@code *.yaml} and {@code *.yml} files
 * (as the pre-commit hook's {@code \.ya?ml$} takes them; not its subdirectories, where its profiles/ live),
 * sorted. A name that does not exist is a usage error.
 */
final class JobFiles {

    private JobFiles() {
    }

    static List<SparkGen.Input> collect(Cli cli, List<String> given) {
        List<SparkGen.Input> inputs = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (String name : given) {
            Path path = cli.path(name);
            if (!Files.exists(path)) {
                throw missing(name);
            }
            if (!Files.isDirectory(path)) {
                if (seen.add(path.normalize())) {
                    inputs.add(new SparkGen.Input(path, name, false));
                }
                continue;
            }
            TreeSet<String> files = new TreeSet<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path, "*.{yaml,yml}")) {
                for (Path entry : entries) {
                    if (Files.isRegularFile(entry)) {
                        files.add(entry.getFileName().toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (files.isEmpty()) {
                throw CliException.invalid(name + ": the directory holds no *.yaml or *.yml file");
            }
            String prefix = name.endsWith("/") ? name : name + "/";
            for (String file : files) {
                if (seen.add(path.resolve(file).normalize())) {
                    inputs.add(new SparkGen.Input(path.resolve(file), prefix + file, true));
                }
            }
        }
        return inputs;
    }

    /** The first of the names given that does not exist, if any. */
    static java.util.Optional<String> firstMissing(Cli cli, List<String> given) {
        return given.stream().filter(name -> !Files.exists(cli.path(name))).findFirst();
    }

    static CliException missing(String name) {
        return CliException.usage("no such file or directory: " + name);
    }

    /**
     * The {@code --profiles-dir} directories, resolved; one that does not exist, or is not a directory, is a
     * usage error (a mistyped name would otherwise be silently skipped, and the built-in profiles used).
     */
    static List<Path> profileDirs(Cli cli, List<String> given) {
        List<Path> dirs = new ArrayList<>();
        for (String name : given) {
            Path dir = cli.path(name);
            if (!Files.isDirectory(dir)) {
                throw CliException.usage("--profiles-dir " + name + ": " + (Files.exists(dir)
                        ? "not a directory" : "no such directory"));
            }
            dirs.add(Path.of(name));
        }
        return dirs;
    }

    /** True when the arguments name exactly one file: the output is then flat, not one directory per app. */
    static boolean single(Cli cli, List<String> given) {
        return given.size() == 1 && !Files.isDirectory(cli.path(given.get(0)));
    }
}
