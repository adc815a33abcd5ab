package dev.sparkgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers too large for Spark or Kubernetes, written in a job, a profile or a --set: each is refused with one
 * line at the value and exit code 1 (never an internal error, never a number cut short), and the largest
 * numbers they do hold render exactly. The job is examples/pyspark-pi.yaml with one value changed.
 */
class HugeNumbersTest {

    private static final String PROFILES = SparkGenCli.ROOT.resolve("profiles").toString();

    @TempDir
    Path cwd;

    /** examples/pyspark-pi.yaml with {@code from} replaced by {@code to}, written as job.yaml. */
    private String job(String from, String to) throws IOException {
        String example = Files.readString(SparkGenCli.ROOT.resolve("examples/pyspark-pi.yaml"));
        assertTrue(example.contains(from), from);
        Files.writeString(cwd.resolve("job.yaml"), example.replace(from, to));
        return "job.yaml";
    }

    private Result render(String file, String... more) {
        String[] args = new String[6 + more.length];
        System.arraycopy(new String[] {"render", file, "--profiles-dir", PROFILES, "-o", "out"}, 0, args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return SparkGenCli.runIn(cwd, args);
    }

    private static void assertRefused(String line, Result result) {
        assertEquals(List.of(line), result.errLines());
        assertEquals(1, result.exitCode());
    }

    private String rendered(String file) throws IOException {
        return Files.readString(cwd.resolve("out").resolve(file));
    }

    @Test
    void render_coreLimitOfThirtyDigits_isRefusedAtTheValue() throws IOException {
        assertRefused("job.yaml:16:3: 'driver.coreLimit' must be at most 9223372036854775.807, not "
                        + "123456789012345678901234567890 — Kubernetes holds a CPU quantity in millicores, as a 64-bit "
                        + "integer",
                render(job("coreLimit: 1200m", "coreLimit: \"123456789012345678901234567890\"")));
    }

    @Test
    void render_coreLimitOneMillicoreTooMany_isRefused_andTheLargestRendersExactly() throws IOException {
        assertRefused("job.yaml:16:3: 'driver.coreLimit' must be at most 9223372036854775807m, not "
                        + "9223372036854775808m — Kubernetes holds a CPU quantity in millicores, as a 64-bit integer",
                render(job("coreLimit: 1200m", "coreLimit: 9223372036854775808m")));

        Result result = render(job("coreLimit: 1200m", "coreLimit: 9223372036854775807m"));

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(rendered("driver-pod.yaml").contains("cpu: 9223372036854775807m"));
    }

    @Test
    void render_memoryOfTwentyThreeDigits_isRefusedWithTheLargestInItsUnit() throws IOException {
        assertRefused("job.yaml:17:3: 'driver.memory' must be at most 8589934591g, not 99999999999999999999999g — "
                        + "Spark reads a memory size in bytes, as a long: 8 EiB at most",
                render(job("  memory: 512m\nexecutor", "  memory: 99999999999999999999999g\nexecutor")));
    }

    @Test
    void validate_aSizeTooLargeBesideASchemaError_bothAreReportedAtOnce() throws IOException {
        String example = Files.readString(SparkGenCli.ROOT.resolve("examples/pyspark-pi.yaml"));
        Files.writeString(cwd.resolve("job.yaml"), example.replace("  memory: 512m\nexecutor",
                "  memory: 9999999999999g\nexecutor").replace("  instances: 2\n", "  instances: lots\n"));

        Result result = SparkGenCli.runIn(cwd, "validate", "job.yaml", "--profiles-dir", PROFILES);

        assertEquals(List.of("job.yaml:17:3: 'driver.memory' must be at most 8589934591g, not 9999999999999g — "
                        + "Spark reads a memory size in bytes, as a long: 8 EiB at most",
                "job.yaml:19:3: 'executor.instances' must be an integer, not the string 'lots'"), result.errLines());
        assertEquals(1, result.exitCode());
    }

    @Test
    void render_aSizeNotInSparksForm_isTheSchemasOneLine_notASecondAboutItsSize() throws IOException {
        assertRefused("job.yaml:17:3: 'driver.memory' must be a memory size with a unit, such as 512m or 2g (found "
                        + "the string '12x')",
                render(job("  memory: 512m\nexecutor", "  memory: 12x\nexecutor")));
    }

    @Test
    void render_memoryWhoseBytesPassALong_isRefusedWithTheLargestInItsUnit() throws IOException {
        assertRefused("job.yaml:17:3: 'driver.memory' must be at most 8589934591g, not 9999999999999g — "
                        + "Spark reads a memory size in bytes, as a long: 8 EiB at most",
                render(job("  memory: 512m\nexecutor", "  memory: 9999999999999g\nexecutor")));
    }

    @Test
    void render_memoryOverheadInKibibytes_namesTheLargestInKibibytes() throws IOException {
        assertRefused("job.yaml:22:3: 'executor.memoryOverhead' must be at most 9007199254740991k, not "
                        + "9007199254740992k — Spark reads a memory size in bytes, as a long: 8 EiB at most",
                render(job("  memory: 512m\nsparkEnv",
                        "  memory: 512m\n  memoryOverhead: 9007199254740992k\nsparkEnv")));
    }

    @Test
    void render_memoryLimitAbove8EiB_isRefusedAsKubernetesLimit() throws IOException {
        assertRefused("job.yaml:18:3: 'driver.memoryLimit' must be at most 8388607t, not 8388608t — Kubernetes "
                        + "holds a memory quantity in bytes, as a 64-bit integer: 8 EiB at most",
                render(job("  memory: 512m\nexecutor", "  memory: 512m\n  memoryLimit: 8388608t\nexecutor")));
    }

    @Test
    void render_heapSparkHoldsButWhosePodKubernetesDoesNot_isRefusedAtTheHeap() throws IOException {
        assertRefused("job.yaml:17:3: the driver's pod would request 12314528763084Mi (8796091973632Mi heap + "
                        + "3518436789452Mi overhead), more than Kubernetes holds, 8796093022207Mi — Kubernetes holds a "
                        + "memory quantity in bytes, as a 64-bit integer: 8 EiB at most",
                render(job("  memory: 512m\nexecutor", "  memory: 8388607t\nexecutor")));
    }

    @Test
    void render_infinityOrNanWhereAWordIsAsked_isRefusedAtTheValue_notAnInternalError() throws IOException {
        // YAML's .inf and .nan are numbers JSON has none of: the validator once failed on them in an enum
        assertRefused("job.yaml:8:1: 'imagePullPolicy' must be one of Always, IfNotPresent, Never, not the number .inf",
                render(job("namespace: spark-jobs\n", "namespace: spark-jobs\nimagePullPolicy: .inf\n")));
        assertRefused("--set:1:1: 'restartPolicy' must be one of Never, OnFailure, not the number .NaN",
                render(job("x", "x"), "--set", "restartPolicy=.NaN"));
        assertRefused("--set:1:12: 'ui.service.type' must be one of ClusterIP, NodePort, not the number -.inf",
                render(job("x", "x"), "--set", "ui.service.type=-.inf"));
    }

    @Test
    void render_coresPastAnInt_isRefusedAtTheValue_notQuotedCutShort() throws IOException {
        assertRefused("job.yaml:15:3: 'driver.cores' must be at most 2147483647, not the number 9999999999999",
                render(job("  cores: 1\n  coreLimit", "  cores: 9999999999999\n  coreLimit")));
    }

    @Test
    void render_coresOfTwentyThreeDigits_isRefused() throws IOException {
        assertRefused("job.yaml:15:3: 'driver.cores' must be at most 2147483647, not the number "
                        + "99999999999999999999999",
                render(job("  cores: 1\n  coreLimit", "  cores: 99999999999999999999999\n  coreLimit")));
    }

    @Test
    void render_instancesOfTwentyDigits_isRefused() throws IOException {
        assertRefused("job.yaml:19:3: 'executor.instances' must be at most 2147483647, not the number "
                        + "99999999999999999999",
                render(job("instances: 2", "instances: 99999999999999999999")));
    }

    @Test
    void render_mostInstancesSparkReads_rendersThePodGroupSumExactly() throws IOException {
        Result result = render(job("instances: 2", "instances: 2147483647"));

        assertEquals(0, result.exitCode(), result.err());
        // the driver's 1 CPU and 896Mi, and 2147483647 executors of as many
        assertTrue(rendered("podgroup.yaml").contains("    cpu: \"2147483648\"\n    memory: 1924145348608Mi\n"));
        assertTrue(rendered("configmap.yaml").contains("spark.executor.instances 2147483647\n"));
    }

    @Test
    void render_podGroupMemoryPastKubernetes_isRefusedAtTheInstances() throws IOException {
        assertRefused("job.yaml:19:3: the Volcano PodGroup's minResources, for the driver's pod and 2147483647 "
                        + "executor pods, would be more memory than Kubernetes holds, 8796093022207Mi — set "
                        + "batchSchedulerOptions.resources, or ask for fewer or smaller executors",
                render(job("  instances: 2\n  cores: 1\n  memory: 512m", "  instances: 2147483647\n  cores: 1\n"
                        + "  memory: 1t")));
    }

    @Test
    void render_podGroupCpuPastALong_isRefusedAtTheInstances() throws IOException {
        assertRefused("job.yaml:19:3: the Volcano PodGroup's minResources, for the driver's pod and 2 executor "
                        + "pods, would be more CPU than Kubernetes holds, 9223372036854775807m — set "
                        + "batchSchedulerOptions.resources, or ask for fewer or smaller executors",
                render(job("  instances: 2\n  cores: 1\n", "  instances: 2\n  cores: 1\n"
                        + "  coreRequest: 4611686018427387.904\n")));
    }

    @Test
    void render_setOfHugeCores_isRefusedAtTheSet() throws IOException {
        assertRefused("--set:1:8: 'driver.cores' must be at most 2147483647, not the number 99999999999999999999999",
                render(job("instances: 2", "instances: 2"), "--set", "driver.cores=99999999999999999999999"));
    }

    @Test
    void render_setOfHugeMemory_isRefusedAtTheSet() throws IOException {
        assertRefused("--set:1:10: 'executor.memory' must be at most 8589934591g, not 9999999999999g — Spark reads a "
                        + "memory size in bytes, as a long: 8 EiB at most",
                render(job("instances: 2", "instances: 2"), "--set", "executor.memory=9999999999999g"));
    }

    @Test
    void renderAndValidate_profileGivingHugeMemory_isRefusedInTheProfile() throws IOException {
        Files.createDirectories(cwd.resolve("profiles"));
        Files.writeString(cwd.resolve("profiles/big.yaml"), "apiVersion: spark-gen/v1\nkind: Profile\nname: big\n"
                + "executor:\n  memory: 9999999999999g\n");
        String line = "profiles/big.yaml:5:3: 'executor.memory' must be at most 8589934591g, not 9999999999999g — "
                + "Spark reads a memory size in bytes, as a long: 8 EiB at most";
        String job = job("instances: 2\n  cores: 1\n  memory: 512m\n", "instances: 2\n");
        Files.writeString(cwd.resolve(job), Files.readString(cwd.resolve(job))
                .replace("profiles: [routine, nightly]", "profiles: [big]"));

        assertRefused(line, SparkGenCli.runIn(cwd, "render", job, "--profiles-dir", "profiles", "-o", "out"));
        assertRefused(line, SparkGenCli.runIn(cwd, "validate", "profiles/big.yaml"));
    }

    @Test
    void render_int64FieldsTakeTheLargestLong_andNoMore() throws IOException {
        assertRefused("job.yaml:15:3: 'driver.terminationGracePeriodSeconds' must be at most 9223372036854775807, "
                        + "not the number 9223372036854775808",
                render(job("  port: 5678\n", "  port: 5678\n  terminationGracePeriodSeconds: 9223372036854775808\n")));

        Result result = render(job("  port: 5678\n",
                "  port: 5678\n  terminationGracePeriodSeconds: 9223372036854775807\n"));

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(rendered("driver-pod.yaml").contains("terminationGracePeriodSeconds: 9223372036854775807\n"));
    }

    @Test
    void render_int64FieldWithAnExponent_isRefused_notCappedToTheLargestLong() throws IOException {
        assertRefused("job.yaml:15:3: 'driver.terminationGracePeriodSeconds' must be written in digits, not 1e30 — "
                        + "a number with a fraction or an exponent is read as floating point, exact only up to "
                        + "9007199254740992",
                render(job("  port: 5678\n", "  port: 5678\n  terminationGracePeriodSeconds: 1e30\n")));
    }

    @Test
    void render_jobDeadlinePastAnInt_rendersExactly() throws IOException {
        Result result = render(job("sparkEnv:", "run:\n  kind: Job\n  activeDeadlineSeconds: 9223372036854775807\n"
                + "sparkEnv:"));

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(rendered("driver-job.yaml").contains("activeDeadlineSeconds: 9223372036854775807\n"));
    }

    @Test
    void render_gpuQuantityPastAnInt_isRefused() throws IOException {
        assertRefused("job.yaml:22:31: 'executor.gpu.quantity' must be at most 2147483647, not the number 2147483648",
                render(job("  memory: 512m\nsparkEnv", "  memory: 512m\n  gpu: {name: nvidia.com/gpu, quantity: "
                        + "2147483648}\nsparkEnv")));
    }
}
