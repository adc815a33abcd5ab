package dev.sparkgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkgen.testing.Jobs;
import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What surprised a new user in the first hour (issue 13), each through the command line as the user typed it:
 * standard streams, numbers where text belongs, {@code --set} paths, directories of jobs, {@code --check}'s diffs,
 * the schema for editors, the UI's kill links, and the wording.
 */
class FirstHourTest {

    private static final String JOB = Jobs.MINIMAL;

    @TempDir
    Path cwd;

    private Result run(String... args) {
        return SparkGenCli.runIn(cwd, args);
    }

    private String write(String name, String text) throws IOException {
        Path file = cwd.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return name;
    }

    private String rendered(String... args) {
        Result result = run(args);
        assertEquals(0, result.exitCode(), result.err());
        return result.out();
    }

    // ---------------------------------------------------------------- standard output, file modes

    @Test
    void init_outputDash_printsTheStarterJobOnStandardOutputAndWritesNoFile() throws IOException {
        Result result = run("init", "nightly", "-o", "-");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("name: nightly"), result.out());
        assertEquals("", result.err());
        try (var files = Files.list(cwd)) {
            assertEquals(0, files.count(), "no file named '-', nor any other");
        }
    }

    @Test
    void initAndImport_writeTheirFilesWithTheModeTheUmaskGives() throws IOException {
        Path reference = Files.createFile(cwd.resolve("reference")); // created as every tool creates a file
        String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(reference));
        assumeTrue(!expected.equals("rw-------"), "the umask itself gives 0600");
        copy("/sparkapplications/spark-pi.yaml", "app.yaml");

        assertEquals(0, run("init", "nightly").exitCode());
        assertEquals(0, run("import", "app.yaml", "-o", "job.yaml").exitCode());

        assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(cwd.resolve("nightly.yaml"))));
        assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(cwd.resolve("job.yaml"))));
    }

    private void copy(String resource, String name) throws IOException {
        try (InputStream in = FirstHourTest.class.getResourceAsStream(resource)) {
            Files.copy(in, cwd.resolve(name));
        }
    }

    // ---------------------------------------------------------------- numbers where text belongs

    @Test
    void render_numbersWhereTextBelongs_areTakenAsWritten() throws IOException {
        write("job.yaml", JOB + "sparkVersion: 3.5\narguments: [1.10, 10]\ndriver: {coreLimit: 1}\n");

        String out = rendered("render", "job.yaml", "-o", "-");

        assertTrue(out.contains("      limits:\n        cpu: \"1\"\n"), out);
        assertTrue(out.contains("    - \"1.10\"\n    - \"10\"\n"), "1.10 stays 1.10, not 1.1: " + out);
    }

    @Test
    void validate_kubernetesMemoryUnits_getSparksUnitsAsTheHint() throws IOException {
        write("job.yaml", JOB + "executor: {memory: 4Gi}\ndriver: {memory: 2}\n");

        Result result = run("validate", "job.yaml");

        assertEquals(1, result.exitCode());
        assertEquals(List.of("job.yaml:6:12: 'executor.memory' must be a memory size with a unit, such as 512m or 2g "
                        + "(found the string '4Gi') — Spark's units are k, m, g, t (powers of 1024, as Kubernetes' Ki, "
                        + "Mi, Gi, Ti): write 4g",
                "job.yaml:7:10: 'driver.memory' must be a memory size with a unit, such as 512m or 2g (found the "
                        + "string '2') — give a unit, as Spark reads it: 2m for mebibytes, 2g for gibibytes"),
                result.errLines());
    }

    // ---------------------------------------------------------------- --set paths

    @Test
    void set_sparkConfKeyWithDots_isOneProblemSayingHowToQuoteIt() throws IOException {
        write("job.yaml", JOB);

        Result result = run("validate", "job.yaml", "--set", "sparkConf.spark.eventLog.enabled=true");

        assertEquals(1, result.exitCode());
        assertEquals(List.of("--set:1:11: 'sparkConf.spark' must be text, not a mapping — a key that holds dots is "
                + "quoted: --set 'sparkConf.\"spark.eventLog.enabled\"=true'"), result.errLines());
    }

    @Test
    void set_listIndex_changesThatItemOrAddsOne() throws IOException {
        write("job.yaml", JOB + "driver:\n  tolerations:\n  - {key: pool, value: cpu, effect: NoSchedule}\n");

        String out = rendered("render", "job.yaml", "-o", "-", "--set", "driver.tolerations[0].value=gpu",
                "--set", "driver.tolerations[1]={key: spot, operator: Exists}");

        assertTrue(out.contains("""
                  tolerations:
                  - effect: NoSchedule
                    key: pool
                    value: gpu
                  - key: spot
                    operator: Exists
                """), out);
    }

    @Test
    void set_listIndexNull_removesTheItem_andAnIndexIntoProfilesAppliesTheProfileItNames() throws IOException {
        write("job.yaml", JOB + "profiles: [routine, nightly]\n");

        String out = rendered("explain", "job.yaml", "--set", "profiles[0]=urgent", "--set", "profiles[1]=null");

        assertTrue(out.startsWith("# job.yaml: the app pi-urgent, with the profiles urgent\n"), out);
        assertTrue(out.contains("builtin:profiles/urgent.yaml"), out);
    }

    @Test
    void set_listIndexOutOfRangeOrOverANonList_saysWhatToWrite() throws IOException {
        write("job.yaml", JOB + "driver:\n  tolerations:\n  - {key: pool, value: cpu}\n");

        Result result = run("validate", "job.yaml", "--set", "driver.tolerations[3].value=gpu",
                "--set", "executor.tolerations[1].value=gpu", "--set", "image[0]=x", "--set", "driver.tolerations[x]=1");

        assertEquals(1, result.exitCode());
        assertEquals(List.of(
                "--set:1:19: 'driver.tolerations' has 1 item (job.yaml:7:3), so [3] is out of range — change one "
                        + "with driver.tolerations[0] to [0], or add one with driver.tolerations[1]",
                "--set:2:21: 'executor.tolerations' is not set, so [1] is out of range — add the first item with "
                        + "executor.tolerations[0]",
                "--set:3:6: 'image' is the string 'apache/spark:3.5.1' (job.yaml:4:1), not a list: [0] picks an "
                        + "item of a list — set the whole value: --set image=...",
                "--set:4:19: '[x]' is not a list index — an index is a number in brackets, from 0: "
                        + "--set 'driver.tolerations[0].value=gpu'; a key that holds '[' is quoted: \"a[b]\""),
                result.errLines());
    }

    // ---------------------------------------------------------------- directories of jobs

    @Test
    void renderAndValidate_aDirectory_takeItsYmlFilesToo() throws IOException {
        write("jobs/a.yaml", JOB.replace("name: pi", "name: a"));
        write("jobs/b.yml", JOB.replace("name: pi", "name: b"));

        Result validated = run("validate", "jobs");
        Result rendered = run("render", "jobs", "-o", "out");

        assertEquals("jobs/a.yaml: valid\njobs/b.yml: valid\n", validated.out());
        assertEquals(0, rendered.exitCode(), rendered.err());
        assertTrue(Files.exists(cwd.resolve("out/b/driver-pod.yaml")));
    }

    // ---------------------------------------------------------------- render --check

    @Test
    void check_onlyTheFinalNewlineDiffers_showsItAsDiffDoes() throws IOException {
        write("job.yaml", JOB);
        rendered("render", "job.yaml", "-o", "out");
        Path svc = cwd.resolve("out/ui-svc.yaml");
        String text = Files.readString(svc);
        Files.writeString(svc, text.substring(0, text.length() - 1));

        Result result = run("render", "--check", "job.yaml", "-o", "out");

        assertEquals(1, result.exitCode());
        String last = text.substring(text.lastIndexOf('\n', text.length() - 2) + 1, text.length() - 1);
        assertTrue(result.out().endsWith("-" + last + "\n\\ No newline at end of file\n+" + last + "\n"), result.out());
        assertEquals("spark-gen: out is stale: 1 file differs; render again to update it\n", result.err());
    }

    @Test
    void check_onlyLineEndingsDiffer_saysSo() throws IOException {
        write("job.yaml", JOB);
        rendered("render", "job.yaml", "-o", "out");
        Path svc = cwd.resolve("out/ui-svc.yaml");
        Files.writeString(svc, Files.readString(svc).replace("\n", "\r\n"));

        Result result = run("render", "--check", "job.yaml", "-o", "out");

        assertEquals(1, result.exitCode());
        assertTrue(result.out().startsWith("# ui-svc.yaml: only the line endings differ: CRLF (\\r\\n) in the file, "
                + "LF (\\n) rendered\n--- a/ui-svc.yaml\n"), result.out());
    }

    // ---------------------------------------------------------------- the schema for editors

    @Test
    void schemaOutputDir_savesTheJobSchemaWithEveryFileItRefersTo() throws IOException {
        Result result = run("schema", "--output-dir", "schemas");

        assertEquals(0, result.exitCode(), result.err());
        ObjectMapper json = new ObjectMapper();
        Path dir = cwd.resolve("schemas");
        assertEquals(SparkGenCli.run("schema").out(), Files.readString(dir.resolve("job.schema.json")));
        List<String> refs = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                collectRefs(json.readTree(file.toFile()), refs);
            }
        }
        assertTrue(refs.stream().anyMatch(r -> r.startsWith("kubernetes.schema.json#")), refs.toString());
        for (String ref : refs) {
            String file = ref.substring(0, ref.indexOf('#'));
            assertTrue(file.isEmpty() || Files.exists(dir.resolve(file)), ref);
            if (!file.isEmpty()) {
                JsonNode target = json.readTree(dir.resolve(file).toFile()).at(ref.substring(ref.indexOf('#') + 1));
                assertFalse(target.isMissingNode(), ref);
            }
        }
        assertEquals(1, run("schema", "--output-dir", "schemas").exitCode(), "replaces nothing without --force");
        assertEquals(0, run("schema", "--output-dir", "schemas", "--force").exitCode());
    }

    @Test
    void schemaPrinted_saysOnStandardErrorWhereItsReferencesAre() {
        Result result = run("schema");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("{"), result.out());
        assertEquals("spark-gen: this schema refers to kubernetes.schema.json; save it with the files it refers "
                + "to: spark-gen schema --output-dir DIR\n", result.err());
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    // ---------------------------------------------------------------- --profiles-dir

    @Test
    void profilesDirThatDoesNotExist_isAUsageError() throws IOException {
        write("job.yaml", JOB);

        for (Result result : List.of(run("profiles", "--profiles-dir", "team-profiles"),
                run("render", "job.yaml", "-o", "out", "--profiles-dir", "team-profiles"),
                run("validate", "job.yaml", "--profiles-dir", "team-profiles"))) {
            assertEquals(2, result.exitCode(), result.err());
            assertEquals("spark-gen: --profiles-dir team-profiles: no such directory\n", result.err());
        }
        assertFalse(Files.exists(cwd.resolve("out")));
    }

    // ---------------------------------------------------------------- the UI's kill links

    @Test
    void render_killLinksAreOffUnlessTheJobAsksForThem() throws IOException {
        write("job.yaml", JOB);

        assertTrue(rendered("render", "job.yaml", "-o", "-").contains("\n    spark.ui.killEnabled false\n"));
        assertTrue(rendered("render", "job.yaml", "-o", "-", "--set", "ui.killEnabled=true")
                .contains("\n    spark.ui.killEnabled true\n"));
        Result viaSparkConf = run("validate", "job.yaml", "--set", "sparkConf.\"spark.ui.killEnabled\"=true");
        assertEquals(List.of("--set:1:11: sparkConf key 'spark.ui.killEnabled' duplicates a field — set "
                + "'ui.killEnabled' instead"), viaSparkConf.errLines());
    }

    // ---------------------------------------------------------------- explain

    @Test
    void explain_showsDefaultsOnlyOfObjectsTheJobHas() throws IOException {
        write("job.yaml", JOB);

        String without = rendered("explain", "job.yaml");
        String with = rendered("explain", "job.yaml", "--set", "driver.nodeAffinity.values=[gpu]");

        assertFalse(without.contains("nodeAffinity"), without);
        assertTrue(with.matches("(?s).*\n  driver\\.nodeAffinity\\.key: +type +# default\n.*"), with);
        assertFalse(with.contains("executor.nodeAffinity"), with);
    }

    /**
     * Problems of every stage that can run arrive in one go: a --set, the profiles, the schema, and the rules that
     * hold whatever the schema's errors turn out to be (a sparkConf key spark-gen derives). The other rules still
     * wait for a schema-valid job: they read the bound job, and an invalid value left out would make them judge a
     * default the user did not write.
     */
    @Test
    void validate_problemsOfSetProfilesSchemaAndSparkConfKeys_arriveTogether() throws IOException {
        write("job.yaml", JOB + "profiles: [nope]\ndriver: {cores: x, memory: 4Gi}\nexecutor: {instnces: 2}\n"
                + "sparkConf: {spark.kubernetes.namespace: x}\n");

        Result result = run("validate", "job.yaml", "--set", "ui.port=abc", "--set", "x[=1");

        assertEquals(List.of("--set:1:4:", "--set:2:2:", "job.yaml:6:12:", "job.yaml:7:10:", "job.yaml:7:20:",
                "job.yaml:8:12:", "job.yaml:9:13:"), result.errLines().stream()
                .map(l -> l.substring(0, l.indexOf(": ") + 1)).toList(), result.err());
        assertTrue(result.err().contains("sparkConf key 'spark.kubernetes.namespace' is set by spark-gen"));
    }

    // ---------------------------------------------------------------- a SparkApplication where a job belongs

    @Test
    void validateAndRender_aSparkApplication_sayToImportIt() throws IOException {
        copy("/sparkapplications/spark-pi.yaml", "spark-pi.yaml");
        String expected = "spark-pi.yaml:3:1: this is a Spark Operator SparkApplication, not a job (kind: SparkJob) "
                + "— convert it with: spark-gen import spark-pi.yaml -o spark-pi-job.yaml";

        Result validated = run("validate", "spark-pi.yaml");
        Result rendered = run("render", "spark-pi.yaml", "-o", "out");

        assertEquals(1, validated.exitCode());
        assertEquals(List.of(expected), validated.errLines());
        assertEquals(List.of(expected), rendered.errLines());
        assertEquals(0, run("import", "spark-pi.yaml", "-o", "spark-pi-job.yaml").exitCode(), "the command works");
    }

    // ---------------------------------------------------------------- mistypes, quiet, JSON, progress

    @Test
    void mistypedCommandOrOption_getsASuggestion() throws IOException {
        write("job.yaml", JOB);

        Result command = run("rendr", "job.yaml", "-o", "out");
        Result option = run("render", "job.yaml", "-o", "out", "--chek");

        assertEquals(2, command.exitCode());
        assertEquals(List.of("spark-gen: Unmatched arguments from index 0: 'rendr', 'job.yaml', '-o', 'out'",
                "Did you mean 'render'?",
                "Try 'spark-gen --help'."), command.errLines());
        assertEquals(2, option.exitCode());
        assertEquals(List.of("spark-gen: Unknown option: '--chek'", "Did you mean '--check'?",
                "Try 'spark-gen render --help'."), option.errLines());
    }

    @Test
    void validateQuiet_printsProblemsOnly() throws IOException {
        write("job.yaml", JOB);
        write("bad.yaml", JOB.replace("name: pi", "name: Pi"));

        Result result = run("validate", "--quiet", "job.yaml", "bad.yaml");

        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("bad.yaml:3:1: 'name' must be a DNS-1035 label"), result.err());
    }

    @Test
    void validateJson_aFileThatDoesNotExist_isAJsonDocumentOnStandardOutput() throws IOException {
        Result result = run("validate", "--format", "json", "nope.yaml");

        assertEquals(2, result.exitCode());
        JsonNode document = new ObjectMapper().readTree(result.out());
        assertFalse(document.get("valid").asBoolean());
        JsonNode problem = document.at("/files/0/problems/0");
        assertEquals("nope.yaml", problem.get("file").asText());
        assertEquals("no such file or directory", problem.get("message").asText());
        assertEquals("spark-gen: no such file or directory: nope.yaml\n", result.err());
    }

    /**
     * The progress line is for a person watching standard error: with standard input and output on a terminal
     * (under script(1)) and standard error in a log, the log gets no carriage return nor escape sequence; with
     * standard error on the terminal, the line is there.
     */
    @Test
    void progress_onlyWhenStandardErrorIsATerminal() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) makes the terminal");
        write("jobs/a.yaml", JOB.replace("name: pi", "name: a"));
        write("jobs/b.yaml", JOB.replace("name: pi", "name: b"));
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                + Main.class.getName() + " render jobs -o out";

        String transcript = script(command + " 2>log");
        String log = Files.readString(cwd.resolve("log"));
        String onTerminal = script(command.replace(" -o out", " -o out2") + " 2>&1");

        assertEquals("spark-gen: 2 apps -> out: 15 files written\n", log, transcript);
        assertTrue(onTerminal.contains("\rspark-gen: rendering 2 of 2 jobs "), onTerminal);
    }

    private String script(String command) throws Exception {
        Process process = new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null").directory(cwd.toFile())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return output;
    }

    // ---------------------------------------------------------------- wording

    @Test
    void nameTooLong_withoutPrefixOrSuffix_namesNoParts() throws IOException {
        String name = "a-name-that-is-long-enough-to-break-the-limit-of-47";
        write("job.yaml", JOB.replace("name: pi", "name: " + name));

        Result result = run("validate", "job.yaml");

        assertEquals(List.of("job.yaml:3:1: the app name '" + name + "' is " + name.length() + " characters long, "
                + "more than 47 — it is the executor pod name prefix, which Spark 3.3 limits to 47 characters: "
                + "shorten name, priorityClassName or nameSuffix"), result.errLines());
    }

    @Test
    void renderAgain_afterOneChange_saysOneFileWritten() throws IOException {
        write("job.yaml", JOB);
        rendered("render", "job.yaml", "-o", "out");
        Files.writeString(cwd.resolve("out/ui-svc.yaml"), "edited\n");

        assertEquals("spark-gen: pi -> out: 1 file written\n", run("render", "job.yaml", "-o", "out").err());
    }

    @Test
    void renderHelp_namesEveryKindOfFileARenderWrites_andClaimsNoFixedList() throws IOException {
        String help = rendered("render", "--help").replaceAll("\\s+", " ");
        List<String> written = new ArrayList<>();
        try (var apps = Files.list(SparkGenCli.ROOT.resolve("out"))) {
            for (Path app : apps.filter(Files::isDirectory).toList()) {
                try (var files = Files.list(app)) {
                    files.map(f -> f.getFileName().toString()).filter(f -> !f.startsWith(".")).forEach(written::add);
                }
            }
        }

        assertTrue(written.contains("README.md"), written.toString());
        for (String file : written) {
            assertTrue(help.contains(file), file + " is not named in: " + help);
        }
        assertFalse(help.contains("exactly these"), help);
    }

    @Test
    void readme_validateJsonSample_isExactlyWhatValidatePrints() throws IOException {
        String readme = Files.readString(SparkGenCli.ROOT.resolve("README.md"));
        Matcher block = Pattern.compile("```json\n(\\{\n  \"format\": \"spark-gen/validate/v1\".*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(block.find(), "the README shows validate's JSON");
        JsonNode shown = new ObjectMapper().readTree(block.group(1));
        JsonNode problem = shown.at("/files/0/problems/0");
        int line = problem.get("line").asInt();
        int column = problem.get("column").asInt();
        // A job with the README's typo at the README's line and column.
        StringBuilder job = new StringBuilder(JOB.replace("name: pi", "name: etl"));
        while (job.toString().split("\n").length < line - 2) {
            job.append("# padding\n");
        }
        job.append("executor:\n").append(" ".repeat(column - 1)).append("instnces: 2\n");
        write(shown.at("/files/0/file").asText(), job.toString());

        Result result = run("validate", "--format", "json", shown.at("/files/0/file").asText());

        assertEquals(block.group(1), result.out());
    }

    @Test
    void readme_linksNothingOutsideTheClone() throws IOException {
        String readme = Files.readString(SparkGenCli.ROOT.resolve("README.md"));

        assertFalse(readme.contains("../shared/"), "a clone has no ../shared");
        Matcher link = Pattern.compile("\\]\\((?!https?:|#)([^)]+)\\)").matcher(readme);
        while (link.find()) {
            assertTrue(Files.exists(SparkGenCli.ROOT.resolve(link.group(1).replaceAll("#.*", ""))), link.group(1));
        }
    }
}
