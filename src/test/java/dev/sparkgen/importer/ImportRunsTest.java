package dev.sparkgen.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.KubeYaml;
import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark-gen import} carries how the operator runs an application into the job's {@code run} block, field by
 * field: retries and a time to live make the driver a Job, a ScheduledSparkApplication's schedule and policies a
 * CronJob; a warning only where a Job or CronJob has no equivalent.
 */
class ImportRunsTest {

    private static final String TEMPLATE = """
                type: Python
                image: spark:3.5.3
                mainApplicationFile: local:///opt/app/main.py
            """;

    @TempDir
    Path cwd;

    private Result importFile(String text) throws IOException {
        Files.writeString(cwd.resolve("app.yaml"), text);
        return SparkGenCli.runIn(cwd, "import", "app.yaml");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(Result result) {
        assertEquals(0, result.exitCode(), result.err());
        return (Map<String, Object>) KubeYaml.parse(result.out()).get("run");
    }

    @Test
    void import_ofOnFailureRetriesAndATimeToLive_makesTheDriverAJobThatRetriesAndExpires() throws IOException {
        Result result = importFile("""
                apiVersion: sparkoperator.k8s.io/v1beta2
                kind: SparkApplication
                metadata: {name: etl, namespace: jobs}
                spec:
                  timeToLiveSeconds: 86400
                  restartPolicy:
                    type: OnFailure
                    onFailureRetries: 3
                """ + TEMPLATE.indent(-2));

        assertEquals(Map.of("kind", "Job", "onFailureRetries", 3, "timeToLiveSeconds", 86400), run(result));
        assertEquals(1, result.errLines().size(), "every field has a Job equivalent: " + result.err());
        assertTrue(result.err().startsWith("app.yaml:5:3: warning: Kubernetes deletes the finished Job etl-driver "
                + "after 86400 s; a GitOps controller that self-heals"), "validate's warning: " + result.err());
        assertTrue(result.out().contains("# from spec.restartPolicy.onFailureRetries\n  onFailureRetries: 3"),
                result.out());
        assertEquals(null, KubeYaml.parse(result.out()).get("restartPolicy"),
                "a retry is a new pod: the driver pod itself keeps restartPolicy Never");
    }

    @Test
    void import_ofATimeToLiveAlone_makesTheDriverAJob_sinceAPodCannotExpire() throws IOException {
        Result result = importFile("""
                apiVersion: sparkoperator.k8s.io/v1beta2
                kind: SparkApplication
                metadata: {name: etl, namespace: jobs}
                spec:
                  timeToLiveSeconds: 600
                """ + TEMPLATE.indent(-2));

        assertEquals(Map.of("kind", "Job", "timeToLiveSeconds", 600), run(result));
    }

    @Test
    void import_ofAScheduledApplication_carriesItsScheduleAndPolicies_intoACronJob() throws IOException {
        Result result = importFile("""
                apiVersion: sparkoperator.k8s.io/v1beta2
                kind: ScheduledSparkApplication
                metadata: {name: nightly, namespace: jobs}
                spec:
                  schedule: "30 2 * * *"
                  timeZone: Europe/Berlin
                  concurrencyPolicy: Replace
                  suspend: true
                  successfulRunHistoryLimit: 2
                  failedRunHistoryLimit: 4
                  template:
                    restartPolicy:
                      type: OnFailure
                      onFailureRetries: 1
                """ + TEMPLATE);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("kind", "CronJob");
        expected.put("onFailureRetries", 1);
        expected.put("schedule", "30 2 * * *");
        expected.put("timeZone", "Europe/Berlin");
        expected.put("concurrencyPolicy", "Replace");
        expected.put("suspend", true);
        expected.put("successfulRunHistoryLimit", 2);
        expected.put("failedRunHistoryLimit", 4);
        assertEquals(expected, run(result));
        assertEquals("", result.err());
    }

    @Test
    void import_ofConcurrencyPolicyAllow_carriesItOverAsForbid_andSaysWhy() throws IOException {
        Result result = importFile("""
                apiVersion: sparkoperator.k8s.io/v1beta2
                kind: ScheduledSparkApplication
                metadata: {name: nightly, namespace: jobs}
                spec:
                  schedule: "@every 1h"
                  concurrencyPolicy: Allow
                  timeZone: Local
                  template:
                """ + TEMPLATE);

        assertEquals(Map.of("kind", "CronJob", "schedule", "@every 1h", "concurrencyPolicy", "Forbid"), run(result));
        List<String> warnings = result.err().lines().toList();
        assertEquals(2, warnings.size(), result.err());
        assertTrue(warnings.get(0).startsWith("app.yaml:6:3: warning: spec.concurrencyPolicy Allow is carried over "
                + "as Forbid: two runs at once would share the driver's Services"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("app.yaml:7:3: warning: spec.timeZone Local is not carried over: "
                + "Kubernetes refuses it"), warnings.get(1));
    }
}
