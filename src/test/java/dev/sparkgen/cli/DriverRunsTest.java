package dev.sparkgen.cli;

import static dev.sparkgen.testing.KubeYaml.at;
import static dev.sparkgen.testing.KubeYaml.list;
import static dev.sparkgen.testing.KubeYaml.map;
import static dev.sparkgen.testing.KubeYaml.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkgen.testing.KubeYaml;
import dev.sparkgen.testing.Kubectl;
import dev.sparkgen.testing.KubernetesSchemas;
import dev.sparkgen.testing.RenderedApp;
import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver as a Job or a CronJob, through the command line: what Kubernetes' controllers and Spark do with the
 * rendered objects run after run, each point of the README's Runs one test. The driver pod is read as the Job
 * controller makes it ({@link RenderedApp#pod()}: the template, a generated name).
 */
class DriverRunsTest {

    /** A job with nothing but what every job needs; KubeVersionRunsTest gives it a run block too. */
    static final String JOB = """
            apiVersion: spark-gen/v1
            kind: SparkJob
            name: etl
            namespace: jobs
            image: apache/spark:3.5.3
            mainApplicationFile: local:///opt/spark/examples/src/main/python/pi.py
            """;
    private static final KubernetesSchemas SCHEMAS = new KubernetesSchemas();

    @TempDir
    Path cwd;

    private Result render(String yaml, String out) throws IOException {
        Files.writeString(cwd.resolve(out + ".yaml"), yaml);
        return SparkGenCli.runIn(cwd, "render", out + ".yaml", "-o", out);
    }

    /** Renders {@link #JOB} plus {@code more}; fails the test unless the render succeeds. */
    private RenderedApp rendered(String more) throws IOException {
        Result result = render(JOB + more, "out");
        assertEquals(0, result.exitCode(), result.err());
        return RenderedApp.load("etl", cwd.resolve("out"));
    }

    private Result validate(String more) throws IOException {
        return validateJob(JOB + more);
    }

    private Result validateJob(String yaml) throws IOException {
        Files.writeString(cwd.resolve("job.yaml"), yaml);
        return SparkGenCli.runIn(cwd, "validate", "job.yaml");
    }

    private static String runOf(String kind) {
        return kind.equals("Job") ? "run: {kind: Job, onFailureRetries: 2}\n"
                : "run: {kind: CronJob, schedule: \"0 3 * * *\", onFailureRetries: 2}\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"Job", "CronJob"})
    void driver_learnsThePodNameTheJobControllerGenerates_fromTheDownwardApi(String kind) throws IOException {
        RenderedApp app = rendered(runOf(kind));
        String podName = string(app.pod(), "metadata", "name");

        Map<String, Object> variable = list(app.driverContainer(), "env").stream()
                .filter(v -> "SPARK_DRIVER_POD_NAME".equals(v.get("name"))).findFirst().orElseThrow();
        assertEquals("metadata.name", string(variable, "valueFrom", "fieldRef", "fieldPath"));
        assertEquals(podName, app.effectiveConf().getProperty("spark.kubernetes.driver.pod.name"),
                "the executors' owner is the pod that runs their driver");
        assertNull(app.sparkDefaults().getProperty("spark.kubernetes.driver.pod.name"),
                "no fixed name: Spark would look for a pod that does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Job", "CronJob"})
    void executors_areNamedAfterTheirAttemptsPod_soARetryNeverCollidesWithAFailedAttemptsExecutors(String kind)
            throws IOException {
        RenderedApp app = rendered(runOf(kind));

        assertEquals("Never", string(app.pod(), "spec", "restartPolicy"), "each retry is a new pod, with a new name");
        assertEquals(string(app.pod(), "metadata", "name"),
                app.effectiveConf().getProperty("spark.kubernetes.executor.podNamePrefix"));
        assertNull(app.sparkDefaults().getProperty("spark.kubernetes.executor.podNamePrefix"), "no fixed prefix");
    }

    @Test
    void executors_ofADriverRestartedInItsPod_getSparksOwnPrefixForEachSparkSubmit() throws IOException {
        RenderedApp app = rendered("restartPolicy: OnFailure\nrun: {kind: Job, onFailureRetries: 2}\n");

        assertEquals("OnFailure", string(app.pod(), "spec", "restartPolicy"));
        assertNull(app.effectiveConf().getProperty("spark.kubernetes.executor.podNamePrefix"),
                "the pod and its name stay: Spark makes a prefix of its own for each spark-submit");
        assertNull(at(app.driver(), "spec", "podFailurePolicy"), "Kubernetes allows it with restartPolicy Never only");
    }

    @Test
    void executorPrefix_longerThanSpark330Takes_isAnError() throws IOException {
        String longName = JOB.replace("name: etl", "name: nightly-sales-aggregation-eu-west-1");
        Result result = validateJob(longName + "sparkVersion: 3.3.0\nrun: {kind: Job}\n");

        assertEquals(1, result.exitCode(), result.out() + result.err());
        assertTrue(result.err().contains("its name may be 48 characters long, more than the 47 Spark 3.3.0 takes"),
                result.err());
        assertEquals(0, validateJob(longName + "sparkVersion: 3.3.1\nrun: {kind: Job}\n").exitCode());
    }

    @Test
    void aRetry_startsOnlyOnceTheFailedDriverStopped_soTheServicesSelectOneDriver() throws IOException {
        RenderedApp app = rendered(runOf("Job"));
        Map<String, Object> spec = map(app.driver(), "spec");

        assertEquals(2, spec.get("backoffLimit"));
        assertEquals(List.of(Map.of("action", "Ignore", "onPodConditions", List.of(Map.of("type", "DisruptionTarget", "status", "True")))),
                at(spec, "podFailurePolicy", "rules"), "a pod failure policy makes the Job controller wait for the "
                        + "failed pod to be terminal (podReplacementPolicy Failed), and an evicted driver no retry");
        Map<String, Object> driverLabels = map(app.pod(), "metadata", "labels");
        for (Map<String, Object> service : List.of(app.driverService(), app.uiService())) {
            assertTrue(driverLabels.entrySet().containsAll(map(service, "spec", "selector").entrySet()));
        }
        assertEquals("etl-driver-svc.jobs.svc", app.effectiveConf().getProperty("spark.driver.host"));
    }

    @Test
    void replace_reachesEachRunsDriverAtItsOwnPodIp_whileTheOldOneShutsDown() throws IOException {
        RenderedApp app = rendered("run: {kind: CronJob, schedule: \"@hourly\", concurrencyPolicy: Replace}\n");

        assertEquals("Replace", string(app.driver(), "spec", "concurrencyPolicy"));
        assertEquals(RenderedApp.SAMPLE_POD_IP, app.effectiveConf().getProperty("spark.driver.host"));
        assertNull(app.sparkDefaults().getProperty("spark.driver.host"));
    }

    @Test
    void allow_isRefused_withAnErrorThatSaysWhy() throws IOException {
        Result result = validate("run:\n  kind: CronJob\n  schedule: \"@daily\"\n  concurrencyPolicy: Allow\n");

        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("job.yaml:10:3: run.concurrencyPolicy Allow lets two runs of etl run "
                + "at once, and both drivers would be behind the same Services: executors resolving etl-driver-svc "
                + "could reach the other run's driver"), result.err());
        assertTrue(result.err().contains("use Forbid (skip a run while one runs) or Replace"), result.err());
    }

    @Test
    void cronJob_underVolcano_namesNoPodGroup_soVolcanoMakesOnePerRun() throws IOException {
        RenderedApp app = rendered("schedulerName: volcano\nbatchSchedulerOptions: {queue: batch}\n"
                + runOf("CronJob"));

        assertFalse(RenderedApp.listedFiles(app.dir()).contains("podgroup.yaml"));
        for (Map<String, Object> pod : List.of(app.pod(), app.executorTemplate())) {
            assertEquals("volcano", string(pod, "spec", "schedulerName"));
            Map<String, Object> annotations = map(pod, "metadata", "annotations");
            assertFalse(annotations.containsKey("scheduling.k8s.io/group-name"), annotations.toString());
            assertEquals("batch", annotations.get("scheduling.volcano.sh/queue-name"));
        }
    }

    @Test
    void job_underVolcano_keepsItsPodGroup_andRetriesGetAWarning() throws IOException {
        RenderedApp app = rendered("schedulerName: volcano\n" + runOf("Job"));

        assertTrue(RenderedApp.listedFiles(app.dir()).contains("podgroup.yaml"));
        assertEquals("etl-pg", string(app.pod(), "metadata", "annotations", "scheduling.k8s.io/group-name"));
        Result result = validate("schedulerName: volcano\n" + runOf("Job"));
        assertEquals(0, result.exitCode());
        assertTrue(result.err().contains("warning: after a failed attempt, Volcano marks the PodGroup etl-pg Completed"),
                result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Job", "CronJob"})
    void everythingElse_isWhatAPodDriverGets(String kind) throws IOException {
        String options = "rbac: {create: true}\nnetworkPolicy: {create: true}\n";
        Result pod = render(JOB + options, "pod");
        Result batch = render(JOB + options + runOf(kind), "batch");
        assertEquals(0, pod.exitCode(), pod.err());
        assertEquals(0, batch.exitCode(), batch.err());

        for (String file : List.of("driver-svc.yaml", "ui-svc.yaml", "ui-ingress.yaml", "rbac.yaml",
                "networkpolicy.yaml")) {
            assertEquals(Files.readString(cwd.resolve("pod").resolve(file)).replace("pod.yaml", "batch.yaml"),
                    Files.readString(cwd.resolve("batch").resolve(file)), file);
        }
        RenderedApp podApp = RenderedApp.load("pod", cwd.resolve("pod"));
        RenderedApp batchApp = RenderedApp.load("batch", cwd.resolve("batch"));
        assertEquals(podApp.executorTemplate(), batchApp.executorTemplate());
        Properties podConf = podApp.sparkDefaults();
        podConf.remove("spark.kubernetes.driver.pod.name");
        podConf.remove("spark.kubernetes.executor.podNamePrefix");
        assertEquals(podConf, batchApp.sparkDefaults(), "the driver pod's name and the executors' prefix move to the "
                + "command line, from the downward API; nothing else changes");
        assertEquals(RenderedApp.listedFiles(podApp.dir()).stream().map(f -> f.equals("driver-pod.yaml")
                ? "driver-" + kind.toLowerCase() + ".yaml" : f).toList(), RenderedApp.listedFiles(batchApp.dir()));
        List<Object> podEnv = list(podApp.driverContainer(), "env").stream().map(Object.class::cast).toList();
        List<Object> batchEnv = list(batchApp.driverContainer(), "env").stream().map(Object.class::cast).toList();
        assertTrue(batchEnv.containsAll(podEnv) && batchEnv.size() == podEnv.size() + 1, batchEnv.toString());
        assertEquals(withoutEnvAndArgs(podApp.pod()), withoutEnvAndArgs(batchApp.pod()),
                "the pod spec is the same, but for the driver's own name (and its executors') on its command line");
    }

    /** A driver pod's spec without its driver container's env and args. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutEnvAndArgs(Map<String, Object> pod) {
        Map<String, Object> spec = new ObjectMapper().convertValue(map(pod, "spec"), Map.class);
        Map<String, Object> container = (Map<String, Object>) ((List<Object>) spec.get("containers")).get(0);
        container.remove("env");
        container.remove("args");
        return spec;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Job", "CronJob"})
    void aNamespaceOverlay_movesTheDriver_andItFollows(String kind, @TempDir Path scratch) throws IOException {
        RenderedApp app = rendered(runOf(kind));
        Files.createDirectories(cwd.resolve("overlay"));
        Files.writeString(cwd.resolve("overlay/kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: elsewhere
                resources: [../out]
                """);

        List<Map<String, Object>> built = KubeYaml.parseAll(Kubectl.kustomize(cwd.resolve("overlay"), scratch));

        Map<String, Object> driver = built.stream().filter(o -> kind.equals(o.get("kind"))).findFirst().orElseThrow();
        assertEquals("elsewhere", string(driver, "metadata", "namespace"));
        Map<String, String> confs = app.submitConfs("elsewhere");
        assertEquals("elsewhere", confs.get("spark.kubernetes.namespace"));
        assertEquals("etl-driver-svc.elsewhere.svc", confs.get("spark.driver.host"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Job", "CronJob"})
    void jobAndCronJob_passKubernetesStrictSchemas(String kind) throws IOException {
        RenderedApp app = rendered("schedulerName: volcano\nrbac: {create: true}\n"
                + runOf(kind).replace("}", ", activeDeadlineSeconds: 600, timeToLiveSeconds: 60}"));
        assertEquals(kind, app.driver().get("kind"));

        for (Map<String, Object> object : app.objects()) {
            assertEquals(List.of(), SCHEMAS.errors(object), object.get("kind") + " " + string(object, "metadata",
                    "name"));
        }
    }

    @Test
    void argoCd_replacesAChangedJob_andAJobThatDeletesItselfGetsAWarning() throws IOException {
        RenderedApp job = rendered(runOf("Job"));
        assertEquals("Force=true,Replace=true", string(job.driver(), "metadata", "annotations",
                "argocd.argoproj.io/sync-options"), "a Job's template cannot be patched: Argo CD re-creates it");
        assertNull(at(job.driver(), "spec", "ttlSecondsAfterFinished"), "by default a finished Job stays");

        Result ttl = validate("run: {kind: Job, timeToLiveSeconds: 3600}\n");
        assertEquals(0, ttl.exitCode());
        assertTrue(ttl.err().contains("warning: Kubernetes deletes the finished Job etl-driver after 3600 s; a GitOps "
                + "controller that self-heals"), ttl.err());

        RenderedApp cron = rendered("run: {kind: CronJob, schedule: \"@daily\", timeToLiveSeconds: 3600}\n");
        assertNull(at(cron.driver(), "metadata", "annotations"), "a CronJob is updated in place");
        assertEquals(3600, at(cron.driver(), "spec", "jobTemplate", "spec", "ttlSecondsAfterFinished"));
    }

    @Test
    void cronJob_carriesTheScheduleAndItsPolicies_withTheDefaultsWritten() throws IOException {
        RenderedApp app = rendered("run: {kind: CronJob, schedule: \"30 2 * * *\", timeZone: Europe/Berlin, "
                + "startingDeadlineSeconds: 300, suspend: true}\n");
        Map<String, Object> spec = map(app.driver(), "spec");

        assertEquals("etl", string(app.driver(), "metadata", "name"));
        assertEquals("30 2 * * *", spec.get("schedule"));
        assertEquals("Europe/Berlin", spec.get("timeZone"));
        assertEquals("Forbid", spec.get("concurrencyPolicy"));
        assertEquals(true, spec.get("suspend"));
        assertEquals(300, spec.get("startingDeadlineSeconds"));
        assertEquals(3, spec.get("successfulJobsHistoryLimit"));
        assertEquals(1, spec.get("failedJobsHistoryLimit"));
        assertEquals(0, at(spec, "jobTemplate", "spec", "backoffLimit"));
    }

    @Test
    void aFieldOfAnotherKind_aMissingOrBadSchedule_andAnUnknownTimeZone_areErrorsAtTheirLines() throws IOException {
        assertEquals(List.of("job.yaml:7:7: run.onFailureRetries applies to a Job or CronJob driver, and this "
                        + "one is a Pod, which runs once — set run.kind: Job (or CronJob)"),
                validate("run: {onFailureRetries: 2}\n").errLines());
        assertTrue(validate("run: {kind: Job, schedule: \"@daily\"}\n").err().startsWith("job.yaml:7:18: "
                + "run.schedule applies to a CronJob, and this driver is a Job"));
        assertTrue(validate("run: {kind: CronJob}\n").err().startsWith("job.yaml:7:7: a CronJob driver needs "
                + "run.schedule"));
        assertTrue(validate("run: {kind: CronJob, schedule: \"0 25 * * *\"}\n").err().startsWith("job.yaml:7:22: "
                + "run.schedule '0 25 * * *': the hour field '25' holds a value outside 0-23"));
        assertTrue(validate("run: {kind: CronJob, schedule: \"@daily\", timeZone: Europe/Berln}\n").err()
                .startsWith("job.yaml:7:42: run.timeZone 'Europe/Berln' is not a time zone of the IANA "
                        + "database"));
    }

    @Test
    void explainAndTheRenderedReadme_sayHowTheDriverRuns() throws IOException {
        String run = "run: {kind: CronJob, schedule: \"0 3 * * 1-5\", onFailureRetries: 2, timeToLiveSeconds: 7200}\n";
        RenderedApp app = rendered(run);
        Files.writeString(cwd.resolve("job.yaml"), JOB + run);
        Result explain = SparkGenCli.runIn(cwd, "explain", "job.yaml");
        assertEquals(0, explain.exitCode(), explain.err());
        String readme = Files.readString(app.dir().resolve("README.md"));

        for (String[] fact : new String[][] {
                {"runs as", "CronJob etl, which starts a Job etl-<scheduled minute> on its schedule; the Job's "
                        + "controller makes the driver pod"},
                {"schedule", "at 03:00 on Monday to Friday (Etc/UTC time)"},
                {"concurrency", "Forbid: a run due while one runs is skipped"},
                {"retries", "a failed driver runs again in a new pod, 2 times at most; an evicted or preempted "
                        + "driver runs again without counting"},
                {"clean-up", "the last 3 succeeded and 1 failed run are kept, each deleted 2 h after it finished"}}) {
            assertTrue(explain.out().contains("  " + fact[0] + ":" + " ".repeat(24 - fact[0].length()) + fact[1]),
                    explain.out());
            assertTrue(readme.contains("| " + fact[0] + " | " + fact[1].replace("<", "\\<").replace(">", "\\>")
                    + " |"), readme);
        }
        assertTrue(explain.out().contains("  driver CronJob:          etl (3 of 52)"), explain.out());
        assertTrue(readme.contains("cron[\"CronJob<br/>etl\"] -. starts on schedule .->"), readme);
    }
}
