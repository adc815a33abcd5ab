package dev.sparkgen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark's corpus of 1,000 generated jobs and their profiles ({@code bench/corpus/gen.py}, a fixed seed):
 * bench/work's when {@code bench/run} made it, else made once per test run by the same script, which needs
 * python3 with PyYAML ({@code .ci/run} installs them). Tests of a fast path hold it to the general one over these.
 */
public final class Corpus {

    private static Path made;

    private Corpus() {
    }

    /** The corpus directory, with {@code jobs/} and {@code profiles/}. */
    public static synchronized Path path() {
        Path bench = SparkGenCli.ROOT.resolve("bench/work/corpus-1000");
        if (Files.isDirectory(bench.resolve("jobs"))) {
            return bench;
        }
        if (made == null) {
            try {
                Path out = Files.createTempDirectory("spark-gen-corpus").resolve("corpus-1000");
                Process gen = new ProcessBuilder("python3", SparkGenCli.ROOT.resolve("bench/corpus/gen.py").toString(),
                        "-n", "1000", "-o", out.toString()).redirectErrorStream(true).start();
                String output = new String(gen.getInputStream().readAllBytes());
                if (!gen.waitFor(120, TimeUnit.SECONDS) || gen.exitValue() != 0 || !Files.isDirectory(out.resolve("jobs"))) {
                    throw new IllegalStateException("bench/corpus/gen.py could not make the test corpus (it needs "
                            + "python3 with PyYAML: apt-get install python3-yaml): " + output);
                }
                made = out;
            } catch (IOException e) {
                throw new UncheckedIOException("python3 is needed to make the test corpus (bench/corpus/gen.py)", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return made;
    }

    /** Every YAML file (.yaml, .yml) under the roots, in name order. */
    public static List<Path> yamlFiles(Path... roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> Files.isRegularFile(p) && p.toString().matches(".*\\.ya?ml")).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
