package dev.sparkgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.SparkGenCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names from the file system echoed to a terminal (a profile's file name, a job's, OUT) reach it with their
 * control characters escaped, so that no file name can clear a screen, move the cursor or forge a line.
 */
class TerminalEscapesTest {

    private static final String ESC = "\u001b[2J";
    private static final String SHOWN = "\\u001B[2J";

    @TempDir
    Path cwd;

    @BeforeEach
    void job() throws IOException {
        Files.writeString(cwd.resolve("evil" + ESC + ".yaml"), "apiVersion: spark-gen/v1\nkind: SparkJob\nname: pi\n"
                + "image: apache/spark:3.5.3\nmainApplicationFile: local:///a.py\n");
    }

    @Test
    void profiles_listsAProfileNamedWithAnEscape_escaped() throws IOException {
        Path profiles = Files.createDirectories(cwd.resolve("p" + ESC));
        Files.writeString(profiles.resolve("evil" + ESC + ".yaml"), "apiVersion: spark-gen/v1\nkind: Profile\n");

        SparkGenCli.Result result = SparkGenCli.runIn(cwd, "profiles", "--profiles-dir", profiles.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("evil" + SHOWN + "  " + cwd + "/p" + SHOWN + "/evil" + SHOWN + ".yaml\n"),
                result.out());
        assertPrintable(result);
    }

    @Test
    void render_intoAnOutNamedWithAnEscape_printsItEscaped() {
        SparkGenCli.Result result = SparkGenCli.runIn(cwd, "render", "evil" + ESC + ".yaml", "-o", "out" + ESC);

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("spark-gen: pi -> out" + SHOWN + ": 7 files written\n", result.err());
        assertPrintable(SparkGenCli.runIn(cwd, "render", "--check", "evil" + ESC + ".yaml", "-o", "out" + ESC));
    }

    @Test
    void render_refusingAFileInOut_namesItEscaped() throws IOException {
        Path out = Files.createDirectories(cwd.resolve("out" + ESC));
        Files.writeString(out.resolve("driver-pod.yaml"), "mine\n");

        SparkGenCli.Result result = SparkGenCli.runIn(cwd, "render", "evil" + ESC + ".yaml", "-o", out.toString());

        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("spark-gen: " + cwd + "/out" + SHOWN + "/driver-pod.yaml exists and was "
                + "not written by spark-gen"), result.err());
        assertPrintable(result);
    }

    @Test
    void explainAndAMissingFile_nameTheFileEscaped() {
        SparkGenCli.Result explain = SparkGenCli.runIn(cwd, "explain", "evil" + ESC + ".yaml");
        assertEquals(0, explain.exitCode(), explain.err());
        assertTrue(explain.out().startsWith("# evil" + SHOWN + ".yaml: the app pi\n"), explain.out());
        assertPrintable(explain);

        SparkGenCli.Result missing = SparkGenCli.runIn(cwd, "render", "gone" + ESC + ".yaml", "-o", "out");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("gone" + SHOWN + ".yaml"), missing.err());
        assertPrintable(missing);
    }

    @Test
    void validate_namesAValidFileEscaped() {
        SparkGenCli.Result result = SparkGenCli.runIn(cwd, "validate", "evil" + ESC + ".yaml");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("evil" + SHOWN + ".yaml: valid\n", result.out());
        assertPrintable(result);
    }

    /** Nothing but printable characters and line ends, on either stream. */
    private static void assertPrintable(SparkGenCli.Result result) {
        String all = result.out() + result.err();
        assertTrue(all.chars().allMatch(c -> c >= 0x20 && c != 0x7f || c == '\n'), all);
    }
}
