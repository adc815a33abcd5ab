package dev.sparkgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A progress line for people who watch a long render in a terminal, and for nobody else. */
class ProgressTest {

    @TempDir
    Path cwd;

    @BeforeEach
    void jobs() throws IOException {
        Files.createDirectories(cwd.resolve("jobs"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(cwd.resolve("jobs/j" + i + ".yaml"), "apiVersion: spark-gen/v1\nkind: SparkJob\nname: j"
                    + i + "\nimage: apache/spark:3.5.3\nmainApplicationFile: local:///a.py\n");
        }
    }

    @Test
    void render_ofManyJobsOnATerminal_showsProgressThenErasesIt() {
        String err = run(true, "render", "jobs", "-o", "out");

        assertTrue(err.startsWith("\rspark-gen: rendering 1 of 3 jobs "), err);
        assertTrue(err.contains("\rspark-gen: rendering 3 of 3 jobs \r\u001b[K"), err);
        assertTrue(err.endsWith("\u001b[Kspark-gen: 3 apps -> out: 22 files written\n"), err);
    }

    @Test
    void render_notOnATerminal_orQuiet_showsNoProgress() {
        assertEquals("spark-gen: 3 apps -> out: 22 files written\n", run(false, "render", "jobs", "-o", "out"));
        assertEquals("", run(true, "render", "--quiet", "jobs", "-o", "out2"));
    }

    private String run(boolean terminal, String... args) {
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true), cwd, terminal));
        return err.toString();
    }
}
