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
 * The job files named on a command line: each FILE as given, each DIR's {@code *.yaml} files (not its
 * subdirectories, where its profiles/ live), sorted. A name that does not exist is a usage error.
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
                throw CliException.usage("no such file or directory: " + name);
            }
            if (!Files.isDirectory(path)) {
                if (seen.add(path.normalize())) {
                    inputs.add(new SparkGen.Input(path, name, false));
                }
                continue;
            }
            TreeSet<String> files = new TreeSet<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path, "*.yaml")) {
                for (Path entry : entries) {
                    if (Files.isRegularFile(entry)) {
                        files.add(entry.getFileName().toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (files.isEmpty()) {
                throw CliException.invalid(name + ": the directory holds no *.yaml file");
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

    /** True when the arguments name exactly one file: the output is then flat, not one directory per app. */
    static boolean single(Cli cli, List<String> given) {
        return given.size() == 1 && !Files.isDirectory(cli.path(given.get(0)));
    }
}
