package dev.sparkgen.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.Jobs;
import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark splits spark.jars, spark.jars.packages and the other list properties at commas and trims the pieces: an
 * entry that would not come back as one entry is an error at its line, through the command line.
 */
class CommaSeparatedListsTest {

    @TempDir
    Path cwd;

    private Result validate(String yaml, String... more) throws IOException {
        Files.writeString(cwd.resolve("job.yaml"), yaml);
        List<String> args = new java.util.ArrayList<>(List.of("validate", "job.yaml"));
        args.addAll(List.of(more));
        return SparkGenCli.runIn(cwd, args.toArray(String[]::new));
    }

    @Test
    void validate_jarHoldingAComma_isAnErrorAtTheEntry() throws IOException {
        Result result = validate(Jobs.MINIMAL + "deps:\n  jars: [\"local:///a,b.jar\", \"local:///c.jar\"]\n");

        assertEquals(1, result.exitCode(), result.err());
        assertEquals(List.of("job.yaml:7:10: the deps.jars entry 'local:///a,b.jar' holds a comma, and Spark splits "
                + "spark.jars at every comma — Spark has no escape for it: rename the file, or give each part as an "
                + "entry of its own"), result.errLines());
    }

    @Test
    void render_packageHoldingAComma_isRefusedAndWritesNothing() throws IOException {
        Files.writeString(cwd.resolve("job.yaml"), Jobs.MINIMAL + "deps:\n  packages:\n  - g:a:1,evil:x:2\n");

        Result result = SparkGenCli.runIn(cwd, "render", "job.yaml", "-o", "out");

        assertEquals(1, result.exitCode(), result.err());
        assertEquals(List.of("job.yaml:8:5: the deps.packages entry 'g:a:1,evil:x:2' holds a comma, and Spark splits "
                + "spark.jars.packages at every comma — Spark has no escape for it: rename the file, or give each part "
                + "as an entry of its own"), result.errLines());
        assertFalse(Files.exists(cwd.resolve("out")));
    }

    @Test
    void validate_everyCommaJoinedList_refusesACommaBlanksAndEmptyEntries() throws IOException {
        Result result = validate(Jobs.MINIMAL + """
                deps:
                  files: ["a,b"]
                  pyFiles: [" lead.py"]
                  repositories: ["https://repo.example.com\\t"]
                  excludePackages: [""]
                  archives: ["x.zip,y.zip"]
                """);

        assertEquals(1, result.exitCode(), result.err());
        assertEquals(List.of(
                "job.yaml:7:11: the deps.files entry 'a,b' holds a comma, and Spark splits spark.files at every comma",
                "job.yaml:8:13: the deps.pyFiles entry ' lead.py' starts or ends with a blank, which Spark trims from "
                        + "each entry of spark.submit.pyFiles",
                "job.yaml:9:18: the deps.repositories entry 'https://repo.example.com\\t' starts or ends with a blank, "
                        + "which Spark trims from each entry of spark.jars.repositories",
                "job.yaml:10:21: an empty deps.excludePackages entry, which Spark drops from spark.jars.excludes",
                "job.yaml:11:14: the deps.archives entry 'x.zip,y.zip' holds a comma, and Spark splits spark.archives "
                        + "at every comma"),
                result.errLines().stream().map(line -> line.replaceAll(" — .*", "")).toList());
    }

    @Test
    void validate_entryFromAProfile_isReportedInTheProfile() throws IOException {
        Files.createDirectories(cwd.resolve("profiles"));
        Files.writeString(cwd.resolve("profiles/libs.yaml"),
                "apiVersion: spark-gen/v1\nkind: Profile\nname: libs\ndeps:\n  jars:\n  - local:///x.jar,local:///y.jar\n");

        Result result = validate(Jobs.MINIMAL + "profiles: [libs]\n");

        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("profiles/libs.yaml:6:5: the deps.jars entry"), result.err());
    }

    @Test
    void validate_entryFromSet_isReportedAtTheSet() throws IOException {
        Result result = validate(Jobs.MINIMAL, "--set", "deps.jars=[\"a.jar, b.jar\"]");

        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("--set:1:12: the deps.jars entry 'a.jar, b.jar' holds a comma"), result.err());
    }

    @Test
    void validate_entriesSparkReadsBackAsThemselves_areValid() throws IOException {
        Result result = validate(Jobs.MINIMAL + """
                deps:
                  jars: ["local:///opt/lib/a b.jar", "s3a://bucket/x.jar"]
                  packages: ["org.apache.spark:spark-avro_2.12:3.5.1"]
                """);

        assertEquals(0, result.exitCode(), result.err());
    }
}
