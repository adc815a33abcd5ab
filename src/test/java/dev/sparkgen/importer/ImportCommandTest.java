package dev.sparkgen.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkgen.testing.KubeYaml;
import dev.sparkgen.testing.RenderedApp;
import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spark-gen import} as a user runs it: where it writes, what it refuses, and its exit codes. */
class ImportCommandTest {

    private static final String APP = """
            apiVersion: sparkoperator.k8s.io/v1beta2
            kind: SparkApplication
            metadata:
              name: %s
              namespace: jobs
            spec:
              type: Python
              image: spark:3.5.3
              mainApplicationFile: local:///opt/app/main.py
              sparkVersion: 3.5.3
            %s""";

    @TempDir
    Path cwd;

    private String write(String name, String text) throws IOException {
        Files.writeString(cwd.resolve(name), text, StandardCharsets.UTF_8);
        return name;
    }

    private String app(String name, String spec) throws IOException {
        return write("app.yaml", String.format(APP, name, spec));
    }

    private Result run(String... args) {
        return SparkGenCli.runIn(cwd, args);
    }

    @Test
    void import_withoutOutput_printsTheJobOnStandardOutput_andWritesNothing() throws IOException {
        app("etl", "");
        Result result = run("import", "app.yaml");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("# spark-gen job imported by 'spark-gen import' from the SparkApplication "
                + "etl in app.yaml."), result.out());
        assertEquals("etl", KubeYaml.parse(result.out()).get("name"));
        assertEquals(List.of("app.yaml"), list(cwd));
    }

    @Test
    void import_toAFile_writesAJobThatValidatesAndRenders() throws IOException {
        app("etl", "  arguments: [\"yes\", \"#x\", \"a: b\", \"line\\nbreak\", \"$(HOME)\", \"'q'\"]\n");
        Result result = run("import", "app.yaml", "-o", "job.yaml");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("spark-gen: etl -> job.yaml", result.err().strip());
        assertEquals(0, run("validate", "job.yaml").exitCode());
        assertEquals(0, run("render", "job.yaml", "-o", "out").exitCode());
        List<Object> args = arguments(RenderedApp.load("etl", cwd.resolve("out")));
        assertEquals(List.of("yes", "#x", "a: b", "line\nbreak", "$$(HOME)", "'q'"),
                args.subList(args.indexOf("local:///opt/app/main.py") + 1, args.size()));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> arguments(RenderedApp app) {
        return (List<Object>) app.driverContainer().get("args");
    }

    @Test
    void import_listsTheJobsFieldsInTheSchemasOrder() throws IOException {
        app("etl", "  executor:\n    instances: 3\n  arguments: [\"1\"]\n  driver:\n    memory: 1g\n");
        Result result = run("import", "app.yaml");
        List<String> keys = new ArrayList<>(KubeYaml.parse(result.out()).keySet());
        List<String> schema = new ArrayList<>();
        new ObjectMapper().readTree(getClass().getResourceAsStream("/schema/job.schema.json")).get("properties")
                .fieldNames().forEachRemaining(schema::add);
        schema.retainAll(keys);
        assertEquals(schema, keys);
    }

    @Test
    void import_ontoAnExistingFile_refusesWithExit1_andLeavesItAsItWas() throws IOException {
        app("etl", "");
        write("job.yaml", "mine\n");
        Result result = run("import", "app.yaml", "-o", "job.yaml");
        assertEquals(1, result.exitCode());
        assertEquals("spark-gen: job.yaml: the file exists: pass --force to replace it", result.err().strip());
        assertEquals("mine\n", Files.readString(cwd.resolve("job.yaml")));
    }

    @Test
    void import_intoAMissingDirectory_namesIt_notATemporaryFile() throws IOException {
        app("etl", "");
        Result result = run("import", "app.yaml", "-o", "imported/job.yaml");
        assertEquals(1, result.exitCode());
        assertEquals("spark-gen: imported/job.yaml: cannot write: the directory imported does not exist",
                result.err().lines().filter(l -> !l.contains("warning:")).reduce("", String::concat));
        assertFalse(Files.exists(cwd.resolve("imported")));
    }

    @Test
    void import_withForce_replacesAnExistingFile() throws IOException {
        app("etl", "");
        write("job.yaml", "mine\n");
        Result result = run("import", "app.yaml", "-o", "job.yaml", "--force");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("etl", KubeYaml.parse(Files.readString(cwd.resolve("job.yaml"))).get("name"));
        assertEquals(List.of("app.yaml", "job.yaml"), list(cwd));
    }

    @Test
    void import_ofAMissingFile_isAUsageErrorExit2() {
        Result result = run("import", "nope.yaml");
        assertEquals(2, result.exitCode());
        assertEquals("spark-gen: no such file: nope.yaml", result.err().strip());
    }

    @Test
    void import_whenTheAppNameIsTooLong_reportsTheDerivedNameAndLimit_exit1_andWritesNothing() throws IOException {
        String name = "a-very-long-application-name-for-the-nightly-run";
        app(name, "  driver:\n    priorityClassName: high\n");
        Result result = run("import", "app.yaml", "-o", "job.yaml");
        assertEquals(1, result.exitCode());
        assertTrue(result.errLines().contains("app.yaml:4:3: the app name '" + name + "-high' (name '" + name
                + "' + '-high') is 53 characters long, more than 47 — it is the executor pod name prefix, which "
                + "Spark 3.3 limits to 47 characters: shorten name, priorityClassName or nameSuffix"), result.err());
        assertFalse(Files.exists(cwd.resolve("job.yaml")));
    }

    @Test
    void import_ofAValueSparkGenRefuses_reportsItAtTheApplicationsLine_exit1() throws IOException {
        app("etl", "  driver:\n    memory: 256m\n");
        Result result = run("import", "app.yaml");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("app.yaml:12:5: driver.memory 256m is less than 512m"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void import_ofAnotherKind_isRefusedWithExit1() throws IOException {
        write("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {}\n");
        Result result = run("import", "deploy.yaml");
        assertEquals(1, result.exitCode());
        assertEquals("deploy.yaml:2:1: this is a Deployment, not a SparkApplication — spark-gen import reads one "
                + "SparkApplication (apiVersion sparkoperator.k8s.io/v1beta2)", result.err().strip());
    }

    @Test
    void import_ofAnEmptyList_isRefusedWithExit1() throws IOException {
        write("list.yaml", "apiVersion: v1\nkind: List\nitems: []\n");
        Result result = run("import", "list.yaml");
        assertEquals(1, result.exitCode());
        assertEquals("list.yaml:2:1: the List holds no items — expected a SparkApplication", result.err().strip());
    }

    @Test
    void import_ofAListOfOneApplication_importsIt() throws IOException {
        String one = String.format(APP, "listed", "").indent(2).replaceFirst("^  ", "- ");
        write("list.yaml", "apiVersion: v1\nkind: List\nitems:\n" + one);
        Result result = run("import", "list.yaml", "-o", "job.yaml");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("listed", KubeYaml.parse(Files.readString(cwd.resolve("job.yaml"))).get("name"));
    }

    @Test
    void import_ofSeveralApplicationsInOneFile_namesThemAndSaysHowToChoose_andWritesNothing() throws IOException {
        write("two.yaml", String.format(APP, "a", "") + "---\n" + String.format(APP, "b", ""));
        Result result = run("import", "two.yaml", "-o", "job.yaml");
        assertEquals(1, result.exitCode());
        assertEquals("two.yaml:13:1: the file holds 2 SparkApplications (a, b): spark-gen import writes one job at a "
                + "time — choose one with --name a (and import each of the others with its own --name and -o)",
                result.err().strip());
        assertFalse(Files.exists(cwd.resolve("job.yaml")));
    }

    @Test
    void import_withName_importsThatApplication_andReportsTheOtherDocumentsAtTheirKind() throws IOException {
        write("bundle.yaml", String.format(APP, "a", "") + "---\n# the configuration it mounts\napiVersion: v1\n"
                + "kind: ConfigMap\nmetadata:\n  name: a-conf\ndata: {x: \"1\"}\n---\n" + String.format(APP, "b", ""));
        Result result = run("import", "bundle.yaml", "--name", "b", "-o", "job.yaml");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("b", KubeYaml.parse(Files.readString(cwd.resolve("job.yaml"))).get("name"));
        assertTrue(result.err().contains("bundle.yaml:2:1: warning: the SparkApplication 'a' is not imported: "
                + "spark-gen import converts the SparkApplication b — import it with --name a"), result.err());
        assertTrue(result.err().contains("bundle.yaml:14:1: warning: the ConfigMap 'a-conf' is not imported"),
                result.err());
        Result unknown = run("import", "bundle.yaml", "--name", "c");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("the file holds no SparkApplication named 'c': it holds a, b — choose one "
                + "with --name a"), unknown.err());
    }

    @Test
    void import_ofAnApplicationBesideItsConfigMap_importsTheApplication_whoseLinesKeepTheirNumbers() throws IOException {
        write("bundle.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: conf\n---\n"
                + String.format(APP, "etl", "  mode: cluster\n"));
        Result result = run("import", "bundle.yaml", "-o", "job.yaml");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("bundle.yaml:2:1: warning: the ConfigMap 'conf' is not imported"),
                result.err());
        assertTrue(result.err().contains("bundle.yaml:16:3: warning: spec.mode cluster is not carried over"),
                result.err());
        assertTrue(Files.readString(cwd.resolve("job.yaml")).contains("the ConfigMap 'conf' is not imported"));
    }

    @Test
    void import_ofADriverResourceWithAVendor_givesTheDriverPodTheGpu_whichClusterModeAloneWouldHave()
            throws IOException {
        app("gpu", """
                  sparkConf:
                    spark.driver.resource.gpu.amount: "1"
                    spark.driver.resource.gpu.vendor: nvidia.com
                    spark.driver.resource.gpu.discoveryScript: /opt/gpus.sh
                """);
        Result imported = run("import", "app.yaml", "-o", "job.yaml");
        assertEquals(0, imported.exitCode(), imported.err());
        assertEquals(java.util.Map.of("name", "nvidia.com/gpu", "quantity", 1, "discoveryScript", "/opt/gpus.sh"),
                KubeYaml.at(KubeYaml.parse(Files.readString(cwd.resolve("job.yaml"))), "driver", "gpu"));
        Result rendered = run("render", "job.yaml", "-o", "out");
        assertEquals(0, rendered.exitCode(), rendered.err());
        RenderedApp app = RenderedApp.load("gpu", cwd.resolve("out"));
        assertEquals(1, KubeYaml.at(app.driverContainer(), "resources", "limits", "nvidia.com/gpu"));
        assertEquals("/opt/gpus.sh", app.sparkDefaults().getProperty("spark.driver.resource.gpu.discoveryScript"));
    }

    @Test
    void import_ofAScheduledApplication_convertsItsTemplate_andItsScheduleIntoACronJob() throws IOException {
        write("scheduled.yaml", """
                apiVersion: sparkoperator.k8s.io/v1beta2
                kind: ScheduledSparkApplication
                metadata:
                  name: nightly
                  namespace: jobs
                spec:
                  schedule: "@daily"
                  template:
                    type: Python
                    image: spark:3.5.3
                    mainApplicationFile: local:///opt/app/main.py
                """);
        Result result = run("import", "scheduled.yaml");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        Map<String, Object> job = KubeYaml.parse(result.out());
        assertEquals("local:///opt/app/main.py", job.get("mainApplicationFile"));
        assertEquals(Map.of("kind", "CronJob", "schedule", "@daily"), job.get("run"));
    }

    @Test
    void import_ofAnOlderApiVersion_convertsIt_andSaysSo() throws IOException {
        write("old.yaml", String.format(APP, "etl", "").replace("v1beta2", "v1beta1"));
        Result result = run("import", "old.yaml");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("old.yaml:1:1: warning: apiVersion is 'sparkoperator.k8s.io/v1beta1': "
                + "converted as sparkoperator.k8s.io/v1beta2"), result.err());
    }

    @Test
    void import_withoutANamespace_warnsThatTheJobRendersIntoDefault() throws IOException {
        write("app.yaml", String.format(APP, "etl", "").replace("  namespace: jobs\n", ""));
        Result result = run("import", "app.yaml");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("app.yaml:3:1: warning: metadata.namespace is not set"), result.err());
    }

    @Test
    void import_warnings_areAlsoListedInTheJobsHeader() throws IOException {
        app("etl", "  mode: cluster\n");
        Result result = run("import", "app.yaml");
        assertTrue(result.out().contains("\n#   11:3: spec.mode cluster is not carried over"), result.out());
    }

    private static List<String> list(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
