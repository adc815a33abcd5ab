package dev.sparkgen.rules;

import static dev.sparkgen.testing.KubeYaml.list;
import static dev.sparkgen.testing.KubeYaml.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.RenderedApp;
import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules that real SparkApplications showed were missing, on jobs written by hand: {@code spark-gen validate}
 * and {@code render} as a user runs them, each problem asserted as the whole line the user sees. The job's first
 * five lines are {@link #JOB}'s, so what a test adds starts on line 6.
 */
class HandWrittenJobRulesTest {

    private static final String JOB = """
            apiVersion: spark-gen/v1
            kind: SparkJob
            name: etl
            image: spark:3.5.3
            mainApplicationFile: local:///opt/app/main.py
            """;

    @TempDir
    Path cwd;

    private Result validate(String more) throws IOException {
        Files.writeString(cwd.resolve("job.yaml"), JOB + more, StandardCharsets.UTF_8);
        return SparkGenCli.runIn(cwd, "validate", "job.yaml");
    }

    private RenderedApp render(String more) throws IOException {
        Files.writeString(cwd.resolve("job.yaml"), JOB + more, StandardCharsets.UTF_8);
        Result result = SparkGenCli.runIn(cwd, "render", "job.yaml", "-o", "out");
        assertEquals(0, result.exitCode(), result.err());
        return RenderedApp.load("etl", cwd.resolve("out"));
    }

    // ---------------------------------------------------------------- item 1: a container mounts its pod's volumes

    @Test
    void driverInitContainer_mountingAVolumeThePodLacks_isAnErrorAtTheMount() throws IOException {
        Result result = validate("""
                driver:
                  initContainers:
                  - name: chown
                    image: busybox
                    volumeMounts:
                    - name: spark-local-dir-1
                      mountPath: /data1
                """);
        assertEquals(1, result.exitCode());
        assertEquals(List.of("job.yaml:11:7: driver.initContainers 'chown' mounts the volume 'spark-local-dir-1', "
                + "which the driver pod does not have: Kubernetes refuses the pod — define it in 'volumes' (a pod "
                + "gets the volumes its containers mount), or mount one of: spark-conf, spark-scratch"),
                result.errLines());
    }

    @Test
    void executorSidecar_mountingAVolumeThePodLacks_isAnErrorAtTheMount_butItsSecretsVolumeIsFine()
            throws IOException {
        Result result = validate("""
                executor:
                  secrets:
                  - {name: creds, path: /etc/creds}
                  sidecars:
                  - name: agent
                    image: busybox
                    volumeMounts:
                    - {name: secret-0, mountPath: /creds}
                    - {name: logs, mountPath: /logs}
                """);
        assertEquals(1, result.exitCode());
        assertEquals(List.of("job.yaml:14:7: executor.sidecars 'agent' mounts the volume 'logs', which the executor "
                + "pod does not have: Kubernetes refuses the pod — define it in 'volumes' (a pod gets the volumes its "
                + "containers mount), or mount one of: secret-0"), result.errLines());
    }

    @Test
    void executorInitContainersAndSidecars_renderIntoTheTemplate_theExecutorsContainerFirst_withTheirVolume()
            throws IOException {
        RenderedApp app = render("""
                volumes:
                - name: scratch
                  emptyDir: {}
                executor:
                  initContainers:
                  - name: prepare
                    image: busybox
                    volumeMounts: [{name: scratch, mountPath: /scratch}]
                  sidecars:
                  - name: agent
                    image: datadog/agent:7
                """);
        Map<String, Object> template = app.executorTemplate();
        List<Map<String, Object>> containers = list(template, "spec", "containers");
        assertEquals(List.of("spark-kubernetes-executor", "agent"), containers.stream().map(c -> c.get("name")).toList());
        assertEquals("datadog/agent:7", containers.get(1).get("image"));
        assertEquals("prepare", string(template, "spec", "initContainers", 0, "name"));
        assertEquals("scratch", string(template, "spec", "volumes", 0, "name"));
    }

    // ---------------------------------------------------------------- item 6: what client mode ignores

    @Test
    void driverSecretKeyRefProperty_isAnErrorThatSaysWhatToWriteInstead() throws IOException {
        Result result = validate("""
                sparkConf:
                  spark.kubernetes.driver.secretKeyRef.SSL_PASSWORD: ssl:password
                  spark.kubernetes.driver.requestTimeout: "20000"
                """);
        assertEquals(1, result.exitCode());
        assertEquals(List.of("job.yaml:7:3: sparkConf key 'spark.kubernetes.driver.secretKeyRef.SSL_PASSWORD' takes "
                + "effect only in cluster mode, when Spark builds the driver pod: client mode ignores it — write "
                + "driver.env: [{name: ENV, valueFrom: {secretKeyRef: {name: SECRET, key: KEY}}}] for "
                + "spark.kubernetes.driver.secretKeyRef.ENV=SECRET:KEY"), result.errLines());
    }

    @Test
    void clusterModeOnlyProperties_areErrors_andThoseTheDriverReadsInClientMode_areNot() throws IOException {
        Result result = validate("""
                sparkConf:
                  spark.kubernetes.driver.service.annotation.team: data
                  spark.kubernetes.authenticate.driver.mounted.oauthTokenFile: /var/token
                  spark.kubernetes.driver.node.selector.pool: spark
                  spark.kubernetes.submission.waitAppCompletion: "false"
                  spark.kubernetes.driver.reusePersistentVolumeClaim: "true"
                  spark.kubernetes.driver.connectionTimeout: "20000"
                  spark.driver.resource.gpu.vendor: nvidia.com
                """);
        assertEquals(1, result.exitCode());
        List<String> lines = result.errLines();
        assertEquals(5, lines.size(), result.err());
        assertTrue(lines.get(0).startsWith("job.yaml:7:3: sparkConf key 'spark.kubernetes.driver.service.annotation"
                + ".team' takes effect only in cluster mode"), lines.get(0));
        assertTrue(lines.get(1).endsWith("in client mode, set spark.kubernetes.authenticate.oauthTokenFile"),
                lines.get(1));
        assertTrue(lines.get(2).endsWith("— set driver.nodeSelector"), lines.get(2));
        assertTrue(lines.get(3).startsWith("job.yaml:10:3: "), lines.get(3));
        assertTrue(lines.get(4).startsWith("job.yaml:13:3: sparkConf key 'spark.driver.resource.gpu.vendor' takes "
                + "effect only in cluster mode"), lines.get(4));
        assertTrue(lines.get(4).endsWith("set driver.gpu: spark-gen puts the resource on the driver pod"), lines.get(4));
    }

    @Test
    void driverVolumeProperties_areOneErrorPerVolume_thatWritesTheVolumeAndMountToUse() throws IOException {
        Result result = validate("""
                sparkConf:
                  spark.kubernetes.driver.volumes.hostPath.data.mount.path: /data
                  spark.kubernetes.driver.volumes.hostPath.data.mount.readOnly: "true"
                  spark.kubernetes.driver.volumes.hostPath.data.options.path: /mnt/data
                """);
        assertEquals(1, result.exitCode());
        assertEquals(List.of("job.yaml:7:3: sparkConf declares the driver volume 'data' "
                + "(spark.kubernetes.driver.volumes.hostPath.data.*), which Spark mounts only in cluster mode — write "
                + "volumes: [{name: data, hostPath: {path: /mnt/data}}] and driver.volumeMounts: [{mountPath: /data, "
                + "name: data, readOnly: true}]"), result.errLines());
    }

    @Test
    void executorOnDemandClaimProperties_stayValidInSparkConf_whileAStaticExecutorVolumeNamesItsFields()
            throws IOException {
        String onDemand = """
                sparkConf:
                  spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1.options.claimName: OnDemand
                  spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1.options.sizeLimit: 100Gi
                  spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1.mount.path: /data1
                """;
        assertEquals(0, validate(onDemand).exitCode(), validate(onDemand).err());
        Result fixed = validate(onDemand + "  spark.kubernetes.executor.volumes.hostPath.in.mount.path: /in\n");
        assertEquals(List.of("job.yaml:10:3: sparkConf key 'spark.kubernetes.executor.volumes.hostPath.in.mount.path' "
                + "duplicates a field — set 'volumes and executor.volumeMounts' instead"), fixed.errLines());
    }

    // ---------------------------------------------------------------- item 8: keys no Spark property has

    @Test
    void sparkConfKey_withAStrayQuote_isAWarningThatSuggestsTheKey_whileMetricsKeysPass() throws IOException {
        Result result = validate("""
                sparkConf:
                  'spark.eventLog.dir"': s3a://logs/
                  spark.metrics.conf.*.sink.console.class: org.apache.spark.metrics.sink.ConsoleSink
                hadoopConf:
                  fs.s3a.endpoint,: https://s3.example.com
                """);
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of("job.yaml:7:3: warning: sparkConf key 'spark.eventLog.dir\"' holds the character "
                        + "'\"', which no Spark property key has: Spark reads it as a key of its own, and applies "
                        + "nothing — did you mean 'spark.eventLog.dir'? Keys hold letters, digits and . _ - (and / or "
                        + "* where a label key or a metrics name goes)",
                "job.yaml:10:3: warning: hadoopConf key 'fs.s3a.endpoint,' holds the character ',', which no Spark "
                        + "property key has: Spark reads it as a key of its own, and applies nothing — did you mean "
                        + "'fs.s3a.endpoint'? Keys hold letters, digits and . _ - (and / or * where a label key or a "
                        + "metrics name goes)"), result.errLines());
    }

    // ---------------------------------------------------------------- GPUs

    @Test
    void gpu_limitsTheDriverContainer_andSetsSparksResourcePropertiesWithItsDiscoveryScript() throws IOException {
        RenderedApp app = render("""
                driver:
                  gpu: {name: nvidia.com/gpu, quantity: 1}
                executor:
                  gpu: {name: nvidia.com/gpu, quantity: 2}
                """);
        assertEquals("1", String.valueOf(dev.sparkgen.testing.KubeYaml.at(app.driverContainer(), "resources", "limits",
                "nvidia.com/gpu")));
        var defaults = app.sparkDefaults();
        String script = "/opt/spark/examples/src/main/scripts/getGpusResources.sh";
        assertEquals("1", defaults.getProperty("spark.driver.resource.gpu.amount"));
        assertEquals(script, defaults.getProperty("spark.driver.resource.gpu.discoveryScript"));
        assertEquals("2", defaults.getProperty("spark.executor.resource.gpu.amount"));
        assertEquals("nvidia.com", defaults.getProperty("spark.executor.resource.gpu.vendor"));
        assertEquals(script, defaults.getProperty("spark.executor.resource.gpu.discoveryScript"));
    }

    @Test
    void gpu_ofAVendorWithoutSparksScript_needsADiscoveryScript_andItsPropertiesAreTheFieldsOwn() throws IOException {
        Result result = validate("""
                executor:
                  gpu: {name: amd.com/gpu, quantity: 1}
                sparkConf:
                  spark.executor.resource.gpu.vendor: amd.com
                """);
        assertEquals(1, result.exitCode());
        assertEquals(List.of("job.yaml:7:9: executor.gpu amd.com/gpu needs a discoveryScript: Spark finds a role's "
                        + "GPUs with one, and ships one only for nvidia.com — set executor.gpu.discoveryScript to a "
                        + "script in the image that prints the GPUs as Spark's ResourceInformation JSON",
                "job.yaml:9:3: sparkConf key 'spark.executor.resource.gpu.vendor' duplicates a field — set "
                        + "'executor.gpu' instead"), result.errLines().stream().sorted().toList());
    }
}
