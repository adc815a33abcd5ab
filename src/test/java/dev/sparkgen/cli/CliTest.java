package dev.sparkgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The command line as a user types it, through picocli: exit code, and the exact first line of standard error.
 * Each defect has its own job file under {@code fixtures/cli/}, copied into a fresh working directory.
 */
class CliTest {

    private static final List<String> MANIFESTS = List.of("configmap.yaml", "driver-pod.yaml", "driver-svc.yaml",
            "kustomization.yaml", "ui-ingress.yaml", "ui-svc.yaml");

    @TempDir
    Path cwd;

    /** Copies {@code fixtures/cli/NAME} into the working directory, under the same name. */
    private String fixture(String name) throws IOException {
        try (InputStream in = CliTest.class.getResourceAsStream("/fixtures/cli/" + name)) {
            assertNotNull(in, "no fixture " + name);
            Files.copy(in, cwd.resolve(name));
        }
        return name;
    }

    private Result run(String... args) {
        return SparkGenCli.runIn(cwd, args);
    }

    private static String firstErrLine(Result result) {
        return result.errLines().isEmpty() ? null : result.errLines().get(0);
    }

    private static List<Map<String, Object>> documents(String stream) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(stream)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) document;
            documents.add(map);
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private Map<String, Object> ingress(String kubeVersion) throws IOException {
        Result result = run("render", fixture("valid.yaml"), "-o", "-", "--kube-version", kubeVersion);
        assertEquals(0, result.exitCode(), result.err());
        return documents(result.out()).stream().filter(d -> "Ingress".equals(d.get("kind"))).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- render

    @Test
    void render_underAFile_saysThatItIsNotADirectory_andWritesNothing() throws IOException {
        Files.writeString(cwd.resolve("notes"), "mine\n");

        Result result = run("render", fixture("valid.yaml"), "-o", "notes/out");

        assertEquals(1, result.exitCode());
        assertEquals(List.of("spark-gen: cannot write " + cwd.resolve("notes/out") + ": " + cwd.resolve("notes")
                + " exists and is not a directory"), result.errLines());
        assertEquals("mine\n", Files.readString(cwd.resolve("notes")));
    }

    @Test
    void render_validJob_writesTheManifestsAndExits0() throws IOException {
        Result result = run("render", fixture("valid.yaml"), "-o", "out");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of("spark-gen: pi -> out: 7 files written"), result.errLines());
        assertEquals("", result.out());
        try (Stream<Path> files = Files.list(cwd.resolve("out"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            List<String> expected = new ArrayList<>(List.of(".spark-gen", "README.md"));
            expected.addAll(MANIFESTS);
            assertEquals(expected, names);
        }
    }

    @Test
    void render_again_saysUpToDate() throws IOException {
        run("render", fixture("valid.yaml"), "-o", "out");

        Result again = run("render", "valid.yaml", "-o", "out");

        assertEquals(0, again.exitCode());
        assertEquals(List.of("spark-gen: pi -> out: up to date"), again.errLines());
    }

    @Test
    void render_toStdout_printsOneStreamOfFiveDocumentsAndNothingElse() throws IOException {
        Result result = run("render", fixture("valid.yaml"), "-o", "-");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        List<Map<String, Object>> documents = documents(result.out());
        assertEquals(List.of("Pod", "ConfigMap", "Service", "Service", "Ingress").stream().sorted().toList(),
                documents.stream().map(d -> (String) d.get("kind")).sorted().toList());
        try (Stream<Path> files = Files.list(cwd)) {
            assertEquals(List.of("valid.yaml"), files.map(p -> p.getFileName().toString()).toList(), "nothing written");
        }
    }

    @Test
    void render_typoedKey_exits1WithTheKeysPlaceAndASuggestion() throws IOException {
        Result result = run("render", fixture("typo_key.yaml"), "-o", "out");

        assertEquals(1, result.exitCode());
        assertEquals("typo_key.yaml:6:12: unknown key 'instnces' in 'executor' — did you mean 'instances'?",
                firstErrLine(result));
        assertFalse(Files.exists(cwd.resolve("out")));
    }

    @Test
    void render_typoedKeyInDriver_exits1SuggestingTheSectionThatHasIt() throws IOException {
        Result result = run("render", fixture("typo_key_in_driver.yaml"), "-o", "out");

        assertEquals(1, result.exitCode());
        assertEquals("typo_key_in_driver.yaml:6:10: unknown key 'instnces' in 'driver' — did you mean "
                + "'executor.instances'?", firstErrLine(result));
    }

    @Test
    void render_unknownProfile_exits1ListingTheKnownProfiles() throws IOException {
        Result result = run("render", fixture("unknown_profile.yaml"), "-o", "out");

        assertEquals(1, result.exitCode());
        assertEquals("unknown_profile.yaml:6:12: unknown profile 'prod' — known: nightly, on-demand, restricted, routine, spot, urgent",
                firstErrLine(result));
    }

    @Test
    void render_nameTooLong_exits1WithTheNameItsLengthAndTheLimit() throws IOException {
        Result result = run("render", fixture("name_too_long.yaml"), "-o", "out");

        assertEquals(1, result.exitCode());
        assertEquals("name_too_long.yaml:3:1: the app name 'a-name-that-is-long-enough-to-break-the-limit-routine' "
                + "(name 'a-name-that-is-long-enough-to-break-the-limit' + '-routine') is 53 characters long, more than "
                + "47 — it is the executor pod name prefix, which Spark 3.3 limits to 47 characters: shorten name, "
                + "priorityClassName or nameSuffix", firstErrLine(result));
    }

    @Test
    void render_jobFileThatDoesNotExist_exits2() {
        Result result = run("render", "missing.yaml", "-o", "out");

        assertEquals(2, result.exitCode());
        assertEquals(List.of("spark-gen: no such file or directory: missing.yaml"), result.errLines());
    }

    @Test
    void render_directoryWithoutJobs_exits1() throws IOException {
        Files.createDirectory(cwd.resolve("jobs"));

        Result result = run("render", "jobs", "-o", "out");

        assertEquals(1, result.exitCode());
        assertEquals(List.of("spark-gen: jobs: the directory holds no *.yaml or *.yml file"), result.errLines());
        assertFalse(Files.exists(cwd.resolve("out")));
    }

    @Test
    void render_unknownOption_exits2WithOneLineAndAPointerToHelp() throws IOException {
        Result result = run("render", fixture("valid.yaml"), "-o", "out", "--frobnicate");

        assertEquals(2, result.exitCode());
        assertEquals(List.of("spark-gen: Unknown option: '--frobnicate'", "Try 'spark-gen render --help'."),
                result.errLines());
        assertEquals("", result.out());
    }

    @Test
    void render_withoutOutput_exits2() throws IOException {
        Result result = run("render", fixture("valid.yaml"));

        assertEquals(2, result.exitCode());
        assertEquals("spark-gen: Missing required option: '--output=OUT'", firstErrLine(result));
    }

    @Test
    void render_overAForeignFile_exits1AndLeavesOutAsItWas() throws IOException {
        Files.createDirectories(cwd.resolve("out"));
        Files.writeString(cwd.resolve("out/driver-pod.yaml"), "mine");

        Result result = run("render", fixture("valid.yaml"), "-o", "out");

        assertEquals(1, result.exitCode());
        assertTrue(firstErrLine(result).startsWith("spark-gen: " + cwd.resolve("out/driver-pod.yaml")
                + " exists and was not written by spark-gen"), result.err());
        try (Stream<Path> files = Files.list(cwd.resolve("out"))) {
            assertEquals(1, files.count());
        }
        assertEquals("mine", Files.readString(cwd.resolve("out/driver-pod.yaml")));
    }

    @Test
    void render_setOverride_changesTheValue() throws IOException {
        Result result = run("render", fixture("valid.yaml"), "-o", "-", "--set", "nameSuffix=-run1");

        assertEquals(0, result.exitCode(), result.err());
        Map<String, Object> pod = documents(result.out()).stream().filter(d -> "Pod".equals(d.get("kind"))).findFirst()
                .orElseThrow();
        assertEquals("pi-run1-driver", map(pod.get("metadata")).get("name"));
    }

    @Test
    void render_malformedSet_exits1AtTheArgument() throws IOException {
        Result result = run("render", fixture("valid.yaml"), "-o", "-", "--set", "executor.instances");

        assertEquals(1, result.exitCode());
        assertEquals("--set:1:19: expected '=' after the --set path — write --set PATH=VALUE, e.g. --set "
                + "executor.instances=4", firstErrLine(result));
        assertEquals("", result.out());
    }

    @Test
    void render_sparkConfValueStartingWithAColon_isRendered() throws IOException {
        Result result = run("render", fixture("sparkconf_value_starting_with_colon.yaml"), "-o", "out");

        assertEquals(0, result.exitCode(), result.err());
    }

    // ---------------------------------------------------------------- --kube-version

    @Test
    void kubeVersion_default_givesTheV1Ingress() throws IOException {
        Map<String, Object> ingress = ingress("1.32");

        assertEquals("networking.k8s.io/v1", ingress.get("apiVersion"));
        assertEquals("nginx", map(ingress.get("spec")).get("ingressClassName"));
    }

    @Test
    void kubeVersion_118_givesV1beta1WithClassNameAndPathType() throws IOException {
        Map<String, Object> ingress = ingress("1.18");
        String text = new Yaml().dump(ingress);

        assertEquals("networking.k8s.io/v1beta1", ingress.get("apiVersion"));
        assertEquals("nginx", map(ingress.get("spec")).get("ingressClassName"));
        assertTrue(text.contains("pathType: ImplementationSpecific"), text);
        assertTrue(text.contains("serviceName: pi-ui-svc"), text);
    }

    @Test
    void kubeVersion_116_givesV1beta1WithTheClassAsAnAnnotationAndNoPathType() throws IOException {
        Map<String, Object> ingress = ingress("1.16");
        String text = new Yaml().dump(ingress);

        assertEquals("networking.k8s.io/v1beta1", ingress.get("apiVersion"));
        assertEquals("nginx", map(map(ingress.get("metadata")).get("annotations")).get("kubernetes.io/ingress.class"));
        assertNull(map(ingress.get("spec")).get("ingressClassName"));
        assertFalse(text.contains("pathType"), text);
        assertTrue(text.contains("servicePort: spark-ui"), text);
    }

    @Test
    void kubeVersion_113_isTooOldAndExits2() throws IOException {
        Result result = run("render", fixture("valid.yaml"), "-o", "-", "--kube-version", "1.13");

        assertEquals(2, result.exitCode());
        assertEquals("spark-gen: Invalid value for option '--kube-version': Kubernetes 1.13 is too old: spark-gen "
                + "writes for 1.14 and later", firstErrLine(result));
    }

    @Test
    void kubeVersion_notAVersion_exits2() throws IOException {
        Result result = run("render", fixture("valid.yaml"), "-o", "-", "--kube-version", "abc");

        assertEquals(2, result.exitCode());
        assertEquals("spark-gen: Invalid value for option '--kube-version': 'abc' is not a Kubernetes version such as "
                + "1.32", firstErrLine(result));
    }

    // ---------------------------------------------------------------- validate

    @Test
    void validate_validJob_exits0AndSaysSo() throws IOException {
        Result result = run("validate", fixture("valid.yaml"));

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("valid.yaml: valid\n", result.out());
        assertEquals("", result.err());
    }

    @Test
    void validate_profile_exits0() throws IOException {
        Result result = run("validate", fixture("team-profile.yaml"));

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("team-profile.yaml: valid\n", result.out());
    }

    @Test
    void validate_severalFiles_reportsEveryErrorOfEveryFile() throws IOException {
        Result result = run("validate", fixture("two_errors.yaml"), fixture("valid.yaml"), fixture("two_more_errors.yaml"));

        assertEquals(1, result.exitCode());
        assertEquals(List.of(
                "two_errors.yaml:6:12: 'executor.cores' must be an integer, not the string 'two'",
                "two_errors.yaml:7:1: unknown key 'zzz' — 'spark-gen schema' lists the known keys",
                "two_more_errors.yaml:4:1: 'image' must be an image reference without spaces, such as apache/spark:3.5.1 "
                        + "(found the string 'has space')",
                "two_more_errors.yaml:6:6: 'ui.port' must be at least 1, not the number 0"), result.errLines());
        assertEquals("valid.yaml: valid\n", result.out());
    }

    @Test
    void validate_fileThatDoesNotExist_exits2() {
        Result result = run("validate", "missing.yaml");

        assertEquals(2, result.exitCode());
        assertEquals(List.of("spark-gen: no such file or directory: missing.yaml"), result.errLines());
    }

    // ---------------------------------------------------------------- the other commands

    @Test
    void noCommand_exits2SayingWhichCommandsThereAre() {
        Result result = run();

        assertEquals(2, result.exitCode());
        assertEquals(List.of("spark-gen: a command is required: render, validate, explain, schema, profiles, init, import or completion",
                "Try 'spark-gen --help'."), result.errLines());
    }

    @Test
    void version_printsTheVersionTheCommitAndTheJavaRuntime() {
        for (String[] args : new String[][] {{"--version"}, {"-V"}, {"version"}}) {
            Result result = run(args);

            assertEquals(0, result.exitCode(), args[0]);
            List<String> lines = result.out().lines().toList();
            assertEquals(3, lines.size(), result.out());
            assertTrue(lines.get(0).matches("spark-gen \\d+\\.\\d+\\.\\d+"), lines.get(0));
            assertEquals("commit " + headCommit(), lines.get(1));
            assertEquals("java " + System.getProperty("java.runtime.version") + ", " + System.getProperty("java.vendor")
                    + ", " + System.getProperty("java.home"), lines.get(2));
            assertEquals("", result.err(), args[0]);
        }
    }

    /** The commit the build records: these tests run in the clone, right after the build; "unknown" outside Git. */
    private static String headCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (java.io.IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void help_listsTheCommandsAndTheExitCodes() {
        Result result = run("--help");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("Usage: spark-gen "), result.out());
        for (String command : new String[] {"render", "validate", "schema", "profiles", "help", "Exit codes"}) {
            assertTrue(result.out().contains(command), command);
        }
    }

    @Test
    void helpRender_describesRender() {
        Result result = run("help", "render");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("Usage: spark-gen render "), result.out());
        assertTrue(result.out().contains("--kube-version"), result.out());
    }

    @Test
    void schema_printsTheJobSchemaAsJson() throws IOException {
        Result result = run("schema");

        assertEquals(0, result.exitCode());
        JsonNode schema = new ObjectMapper().readTree(result.out());
        assertEquals("spark-gen job", schema.get("title").asText());
        assertEquals(Files.readString(SparkGenCli.ROOT.resolve("schema/job.schema.json")), result.out());
    }

    @Test
    void schemaProfile_printsTheProfileSchemaAsJson() throws IOException {
        Result result = run("schema", "profile");

        assertEquals(0, result.exitCode());
        assertEquals("spark-gen profile", new ObjectMapper().readTree(result.out()).get("title").asText());
    }

    @Test
    void schema_ofAnUnknownKind_exits2() {
        Result result = run("schema", "pipeline");

        assertEquals(2, result.exitCode());
        assertTrue(firstErrLine(result).startsWith("spark-gen: Invalid value for positional parameter"), result.err());
    }

    @Test
    void profiles_listsTheBuiltInProfiles() {
        Result result = run("profiles");

        assertEquals(0, result.exitCode());
        assertEquals("""
                nightly     builtin:profiles/nightly.yaml
                on-demand   builtin:profiles/on-demand.yaml
                restricted  builtin:profiles/restricted.yaml
                routine     builtin:profiles/routine.yaml
                spot        builtin:profiles/spot.yaml
                urgent      builtin:profiles/urgent.yaml
                """, result.out());
    }

    @Test
    void profiles_showsWhatAProfileOnDiskShadows() throws IOException {
        Files.createDirectories(cwd.resolve("profiles"));
        Files.writeString(cwd.resolve("profiles/routine.yaml"), "apiVersion: spark-gen/v1\nkind: Profile\nname: routine\n");

        Result result = run("profiles");

        assertTrue(result.out().contains("routine     profiles/routine.yaml\n              (shadows builtin:profiles/routine.yaml)\n"),
                result.out());
    }
}
