package dev.sparkgen.examples;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.ApprovedDirectory;
import dev.sparkgen.testing.RenderedApp;
import dev.sparkgen.testing.SparkGenCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each example, rendered by the CLI now, is byte for byte its approved output, the committed
 * {@code out/<stem>/} (manifests, kustomization.yaml and the {@code .spark-gen} ownership record).
 */
class GoldenFilesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void render_ofEachExample_isExactlyItsApprovedFilesInOut(String stem, @TempDir Path scratch) {
        Path rendered = render(stem, scratch);

        ApprovedDirectory.verify(rendered, RenderedApp.OUT.resolve(stem), new Options());
    }

    @Test
    void examplesAndOutDirectories_pairUpWithoutOrphans() throws IOException {
        List<String> examples = RenderedApp.exampleStems().toList();
        List<String> outDirectories;
        try (Stream<Path> entries = Files.list(RenderedApp.OUT)) {
            outDirectories = entries.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        }

        assertEquals(examples, outDirectories, "examples/<stem>.yaml and out/<stem>/ must pair up: "
                + "run bin/render-examples for a new example, delete out/<stem> for a removed one");
    }

    @Test
    void goldenCheck_whenAnApprovedFileIsStale_namesTheFileAndTheFirstDifferentLine(@TempDir Path scratch)
            throws IOException {
        Path approved = copyOfOut("pyspark-pi", scratch);
        Path stale = approved.resolve("ui-svc.yaml");
        Files.writeString(stale, Files.readString(stale).replace("port: 4040", "port: 4041"));

        AssertionError failure = assertThrows(AssertionError.class, () -> ApprovedDirectory.verify(
                render("pyspark-pi", scratch), approved, new Options().withReporter(QuietReporter.INSTANCE)));

        assertAll(
                () -> assertTrue(failure.getMessage().matches("(?s).*ui-svc.yaml: differs from line \\d+: "
                        + "approved '    port: 4041', rendered '    port: 4040'.*"), failure.getMessage()),
                () -> assertTrue(failure.getMessage().lines().noneMatch(line -> line.contains("driver-pod.yaml")),
                        failure.getMessage()));
    }

    @Test
    void goldenCheck_whenOutHoldsAFileNoLongerRenderedOrMissesOne_namesBoth(@TempDir Path scratch) throws IOException {
        Path approved = copyOfOut("pyspark-pi", scratch);
        Files.writeString(approved.resolve("rbac.yaml"), "kind: Role\n");
        Files.delete(approved.resolve("ui-ingress.yaml"));

        AssertionError failure = assertThrows(AssertionError.class, () -> ApprovedDirectory.verify(
                render("pyspark-pi", scratch), approved, new Options().withReporter(QuietReporter.INSTANCE)));

        assertAll(
                () -> assertTrue(failure.getMessage().contains("rbac.yaml: no longer rendered"), failure.getMessage()),
                () -> assertTrue(failure.getMessage().contains("ui-ingress.yaml: missing"), failure.getMessage()));
    }

    private static Path render(String stem, Path scratch) {
        Path out = scratch.resolve("rendered-" + stem);
        SparkGenCli.Result result = SparkGenCli.run("render", "examples/" + stem + ".yaml", "-o", out.toString());
        assertEquals(0, result.exitCode(), "spark-gen render examples/" + stem + ".yaml failed:\n" + result.err());
        return out;
    }

    private static Path copyOfOut(String stem, Path scratch) throws IOException {
        Path copy = Files.createDirectories(scratch.resolve("approved-" + stem));
        try (Stream<Path> files = Files.list(RenderedApp.OUT.resolve(stem))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }
}
