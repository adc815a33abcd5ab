package dev.sparkgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sparkgen.testing.SparkGenProcess;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Output that cannot be written is an error, not a success: every command that prints to standard output, run in
 * its own process with a full device ({@code /dev/full}) or a closed pipe as its standard output.
 */
class StandardOutputTest {

    private static final String JOB = "examples/spark-pi.yaml";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"schema", "schema profile", "render -o - " + JOB, "explain " + JOB, "completion",
            "profiles", "validate --format json " + JOB, "--help", "--version"})
    void aCommand_whoseOutputIsLostToAFullDevice_saysSoInOneLine_andExits1(String command) throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "no /dev/full here");
        Path err = tmp.resolve("err.txt");
        Process process = SparkGenProcess.command(command.split(" ")).redirectOutput(full)
                .redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        assertEquals(1, process.exitValue(), Files.readString(err));
        // after what the command says on standard error itself (schema notes what the schema refers to)
        assertTrue(Files.readString(err).endsWith("spark-gen: cannot write standard output: No space left on "
                + "device\n"), Files.readString(err));
    }

    @Test
    void validate_whoseOutputIsLostToAFullDevice_keepsItsOwnExitCode() throws Exception {
        assumeTrue(new File("/dev/full").exists(), "no /dev/full here");
        Path job = Files.writeString(tmp.resolve("bad.yaml"), "apiVersion: spark-gen/v1\nkind: SparkJob\n");
        Path err = tmp.resolve("err.txt");
        Process process = SparkGenProcess.command("validate", "--format", "json", job.toString())
                .redirectOutput(new File("/dev/full")).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        assertEquals(1, process.exitValue());
        assertTrue(Files.readString(err).endsWith("spark-gen: cannot write standard output: No space left on "
                + "device\n"), Files.readString(err));
    }

    @Test
    void render_toAPipeItsReaderClosed_endsQuietly() throws Exception {
        Path jobs = Files.createDirectories(tmp.resolve("jobs"));
        for (int i = 0; i < 40; i++) { // ~400 kB of YAML: more than a pipe holds, so the writer meets the closed end
            Files.writeString(jobs.resolve("j" + i + ".yaml"), "apiVersion: spark-gen/v1\nkind: SparkJob\nname: j" + i
                    + "\nimage: apache/spark:3.5.3\nmainApplicationFile: local:///a.py\n");
        }
        Path err = tmp.resolve("err.txt");
        Process process = SparkGenProcess.command("render", "-o", "-", jobs.toString())
                .redirectError(err.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("---", out.readLine()); // as | head -1 does: one line, then the pipe is closed
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        assertEquals("", Files.readString(err));
        assertEquals(0, process.exitValue());
    }
}
