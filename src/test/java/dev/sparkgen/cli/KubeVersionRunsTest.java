package dev.sparkgen.cli;

import static dev.sparkgen.testing.KubeYaml.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.KubernetesSchemas;
import dev.sparkgen.testing.RenderedApp;
import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --kube-version} and the driver as a Job or a CronJob, at each boundary: what an older cluster does not
 * serve is left out when spark-gen adds it on its own (the pod failure policy, the default time zone) and the
 * README and explain say what that changes; a field the job asks for is an error at its value, in render and
 * validate alike; a CronJob is batch/v1beta1 before 1.21.
 */
class KubeVersionRunsTest {

    private static final String JOB = DriverRunsTest.JOB;
    private static final String JOB_RUN = "run: {kind: Job, onFailureRetries: 2}\n";
    private static final String CRONJOB_RUN = "run: {kind: CronJob, schedule: \"30 2 * * *\", onFailureRetries: 2}\n";
    private static final KubernetesSchemas SCHEMAS = new KubernetesSchemas();

    @TempDir
    Path cwd;

    private Result run(String yaml, String... args) throws IOException {
        Files.writeString(cwd.resolve("job.yaml"), yaml);
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "job.yaml");
        return SparkGenCli.runIn(cwd, all.toArray(String[]::new));
    }

    /** Renders {@link #JOB} plus {@code run} for a Kubernetes version; fails the test unless the render succeeds. */
    private RenderedApp rendered(String run, String kube) throws IOException {
        Result result = run(JOB + run, "render", "-o", "out-" + kube, "--kube-version", kube);
        assertEquals(0, result.exitCode(), result.err());
        return RenderedApp.load("etl", cwd.resolve("out-" + kube));
    }

    /** The error lines of a command, without its warnings (a Job's time to live has one of its own). */
    private static List<String> errors(Result result) {
        return result.errLines().stream().filter(line -> !line.contains(": warning: ")).toList();
    }

    private String readme(RenderedApp app) throws IOException {
        return Files.readString(app.dir().resolve("README.md"));
    }

    private static Map<String, Object> cronJobSpec(RenderedApp app) {
        return map(app.object("driver-cronjob.yaml"), "spec");
    }

    // ---------------------------------------------------------------- podFailurePolicy: 1.26

    @ParameterizedTest
    @ValueSource(strings = {"Job", "CronJob"})
    void podFailurePolicy_isWrittenFrom126_andLeftOutAt125(String kind) throws IOException {
        String run = kind.equals("Job") ? JOB_RUN : CRONJOB_RUN;
        for (String kube : List.of("1.25", "1.26")) {
            RenderedApp app = rendered(run, kube);
            Map<String, Object> jobSpec = kind.equals("Job") ? map(app.driver(), "spec")
                    : map(cronJobSpec(app), "jobTemplate", "spec");

            assertEquals(kube.equals("1.26"), jobSpec.containsKey("podFailurePolicy"), kube + ": " + jobSpec.keySet());
            assertEquals(2, jobSpec.get("backoffLimit"), kube);
        }
    }

    @Test
    void readmeAndExplain_at125_sayAnEvictedDriverCountsAsFailed_andAt126_thatItRunsAgainWithoutCounting()
            throws IOException {
        String old = "a failed driver runs again in a new pod, 2 times at most; an evicted or preempted driver "
                + "counts as failed, and its new pod may start while it is still shutting down (Kubernetes before "
                + "1.26 has no pod failure policy)";
        String current = "a failed driver runs again in a new pod, 2 times at most; an evicted or preempted driver "
                + "runs again without counting";

        assertTrue(readme(rendered(JOB_RUN, "1.25")).contains("| retries | " + old + " |"));
        assertTrue(readme(rendered(JOB_RUN, "1.26")).contains("| retries | " + current + " |"));
        Result explain = run(JOB + JOB_RUN, "explain", "--kube-version", "1.25");
        assertEquals(0, explain.exitCode(), explain.err());
        assertTrue(explain.out().lines().anyMatch(l -> l.startsWith("  retries: ") && l.endsWith(" " + old)),
                explain.out());
        assertTrue(run(JOB + JOB_RUN, "explain").out().contains(current), "the default is a current cluster");
    }

    @Test
    void readme_at125_withoutRetries_saysAnEvictedDriverIsNotRunAgain() throws IOException {
        RenderedApp app = rendered("run: {kind: Job}\n", "1.25");

        assertTrue(readme(app).contains("| retries | none; an evicted or preempted driver counts as failed "
                + "(Kubernetes before 1.26 has no pod failure policy) |"), readme(app));
    }

    // ---------------------------------------------------------------- timeZone: 1.25

    @Test
    void timeZoneTheJobAsksFor_isRefusedAt124_atItsValue_byRenderAndValidateAlike_andWrittenFrom125()
            throws IOException {
        String yaml = JOB + "run:\n  kind: CronJob\n  schedule: \"30 2 * * *\"\n  timeZone: Europe/Berlin\n";
        String line = "job.yaml:10:3: run.timeZone needs Kubernetes 1.25 or later (a CronJob's spec.timeZone), and "
                + "--kube-version is 1.24 — remove it to read the schedule in the time zone of the cluster's "
                + "controller manager, or render for 1.25 or later";

        Result render = run(yaml, "render", "-o", "out", "--kube-version", "1.24");
        Result validate = run(yaml, "validate", "--kube-version", "1.24");

        assertEquals(1, render.exitCode());
        assertEquals(List.of(line), render.errLines());
        assertFalse(Files.exists(cwd.resolve("out")), "a render that fails writes nothing");
        assertEquals(1, validate.exitCode());
        assertEquals(List.of(line), validate.errLines());
        assertEquals(0, run(yaml, "validate").exitCode(), "the default is a current cluster");
        for (String kube : List.of("1.25", "1.27")) {
            RenderedApp app = rendered("run: {kind: CronJob, schedule: \"30 2 * * *\", timeZone: Europe/Berlin}\n",
                    kube);
            assertEquals("Europe/Berlin", cronJobSpec(app).get("timeZone"), kube);
            assertTrue(readme(app).contains("| schedule | at 02:30 every day (Europe/Berlin time) |"), readme(app));
        }
    }

    @Test
    void timeZoneSetWithSet_isRefusedAt124_atTheSet() throws IOException {
        Result render = run(JOB + CRONJOB_RUN, "render", "-o", "out", "--kube-version", "1.24",
                "--set", "run.timeZone=Etc/UTC");

        assertEquals(1, render.exitCode());
        assertEquals(1, render.errLines().size(), render.err());
        assertTrue(render.err().startsWith("--set:1:5: run.timeZone needs Kubernetes 1.25 or later"), render.err());
    }

    @Test
    void defaultTimeZone_isLeftOutAt124_andTheReadmeSaysTheScheduleIsInTheControllerManagersZone()
            throws IOException {
        RenderedApp old = rendered(CRONJOB_RUN, "1.24");
        RenderedApp current = rendered(CRONJOB_RUN, "1.25");

        assertFalse(cronJobSpec(old).containsKey("timeZone"), cronJobSpec(old).toString());
        assertTrue(readme(old).contains("| schedule | at 02:30 every day (in the time zone of the cluster's "
                + "controller manager: Kubernetes before 1.25 takes no time zone for a CronJob) |"), readme(old));
        assertEquals("Etc/UTC", cronJobSpec(current).get("timeZone"));
        assertTrue(readme(current).contains("| schedule | at 02:30 every day (Etc/UTC time) |"), readme(current));
        Result explain = run(JOB + CRONJOB_RUN, "explain", "--kube-version", "1.24");
        assertTrue(explain.out().contains("controller manager: Kubernetes before 1.25 takes no time zone"),
                explain.out());
    }

    // ---------------------------------------------------------------- batch/v1 CronJob, ttlSecondsAfterFinished: 1.21

    @Test
    void cronJob_isBatchV1beta1At120_andBatchV1From121_ofTheSameShape() throws IOException {
        RenderedApp old = rendered(CRONJOB_RUN, "1.20");
        RenderedApp current = rendered(CRONJOB_RUN, "1.21");

        assertEquals("batch/v1beta1", old.object("driver-cronjob.yaml").get("apiVersion"));
        assertEquals("batch/v1", current.object("driver-cronjob.yaml").get("apiVersion"));
        Map<String, Object> asV1 = new LinkedHashMap<>(old.object("driver-cronjob.yaml"));
        asV1.put("apiVersion", "batch/v1");
        assertEquals(current.object("driver-cronjob.yaml"), asV1, "only the apiVersion differs");
    }

    @Test
    void timeToLive_isRefusedAt120_atItsValue_andWrittenFrom121() throws IOException {
        String yaml = JOB + "run:\n  kind: Job\n  timeToLiveSeconds: 600\n";

        Result render = run(yaml, "render", "-o", "out", "--kube-version", "1.20");
        Result validate = run(yaml, "validate", "--kube-version", "1.20");

        String line = "job.yaml:9:3: run.timeToLiveSeconds needs Kubernetes 1.21 or later (a Job's "
                + "spec.ttlSecondsAfterFinished), and --kube-version is 1.20 — remove it, and delete the finished Job "
                + "yourself (kubectl delete -k)";
        assertEquals(1, render.exitCode());
        assertEquals(List.of(line), errors(render));
        assertEquals(1, validate.exitCode());
        assertEquals(List.of(line), errors(validate));
        Result current = run(yaml, "render", "-o", "out", "--kube-version", "1.21");
        assertEquals(0, current.exitCode(), current.err());
        assertEquals(600, map(RenderedApp.load("etl", cwd.resolve("out")).driver(), "spec")
                .get("ttlSecondsAfterFinished"));
    }

    // ---------------------------------------------------------------- NetworkPolicy: kubernetes.io/metadata.name, 1.21

    @Test
    void networkPolicy_at120_warnsThatTheIngressControllersNamespaceNeedsItsNameLabel() throws IOException {
        String yaml = JOB + "networkPolicy: {create: true}\n";

        Result old = run(yaml, "validate", "--kube-version", "1.20");
        Result current = run(yaml, "validate", "--kube-version", "1.21");

        assertEquals(0, old.exitCode(), "a warning: the cluster can be made to fit");
        assertTrue(old.err().contains("job.yaml:7:17: warning: the NetworkPolicy admits the ingress controller by its "
                + "namespace's kubernetes.io/metadata.name label, which Kubernetes puts on every namespace from 1.21, "
                + "and --kube-version is 1.20 — label it: kubectl label namespace ingress-nginx "
                + "kubernetes.io/metadata.name=ingress-nginx"), old.err());
        assertFalse(current.err().contains("warning"), current.err());
    }

    // ---------------------------------------------------------------- strict schemas

    @ParameterizedTest
    @ValueSource(strings = {"1.14", "1.20", "1.24", "1.25"})
    void everyObject_renderedForAnOlderCluster_holdsNoJobFieldItDoesNotServe_andPassesTheStrictSchemas(String kube)
            throws IOException {
        List<String> errors = new ArrayList<>();
        for (String run : List.of(JOB_RUN, CRONJOB_RUN)) {
            RenderedApp app = rendered(run, kube);
            String driver = Files.readString(app.dir().resolve(run.equals(JOB_RUN) ? "driver-job.yaml"
                    : "driver-cronjob.yaml"));
            assertFalse(driver.contains("podFailurePolicy"), kube + ": before 1.26\n" + driver);
            assertEquals(kube.equals("1.25") && run.equals(CRONJOB_RUN), driver.contains("timeZone: Etc/UTC"),
                    kube + ": from 1.25\n" + driver);
            app.objectsByFile().forEach((file, objects) -> objects.forEach(object -> {
                Map<String, Object> checked = new LinkedHashMap<>(object);
                // The schemas are 1.32's: batch/v1beta1's CronJob, whose fields spark-gen writes alike (the 1.20 API
                // reference), and the v1beta1 Ingress have none; the Ingress's old shape has tests of its own.
                if ("batch/v1beta1".equals(object.get("apiVersion"))) {
                    checked.put("apiVersion", "batch/v1");
                }
                if (!"Ingress".equals(object.get("kind")) || "networking.k8s.io/v1".equals(object.get("apiVersion"))) {
                    SCHEMAS.errors(checked).forEach(error -> errors.add(kube + " " + file + ": " + error));
                }
            }));
        }
        assertEquals(List.of(), errors);
    }
}
