package dev.sparkgen.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per warning of {@code spark-gen import}: a small valid SparkApplication plus the field in question; the
 * import succeeds (exit 0), writes the job, and prints the warning on standard error at the FILE:LINE:COLUMN of
 * that field.
 */
class ImportWarningsTest {

    private static final String BASE = """
            apiVersion: sparkoperator.k8s.io/v1beta2
            kind: SparkApplication
            metadata:
              name: app
              namespace: jobs
            %s\
            spec:
              type: Python
              image: spark:3.5.3
              mainApplicationFile: local:///opt/app/main.py
              sparkVersion: 3.5.3
            %s""";

    @TempDir
    Path cwd;

    static Stream<Arguments> warnings() {
        return Stream.of(
                spec("mode cluster becomes client mode in the driver pod", "  mode: cluster",
                        "spec.mode cluster is not carried over: spark-gen runs spark-submit in client mode"),
                spec("restartPolicy Always becomes a Job that retries failures only", """
                          restartPolicy:
                            type: Always""", "    type: Always", "restartPolicy Always is carried over as a Job that "
                        + "runs the driver again when it fails"),
                spec("restartPolicy retries without OnFailure are the operator's to ignore", """
                          restartPolicy:
                            type: Never
                            onFailureRetries: 3""", "    onFailureRetries: 3",
                        "restartPolicy.onFailureRetries is not carried over: the operator retries only with "
                                + "restartPolicy.type OnFailure or Always"),
                spec("restartPolicy retry intervals have no equivalent", """
                          restartPolicy:
                            type: OnFailure
                            onFailureRetryInterval: 20""", "    onFailureRetryInterval: 20",
                        "restartPolicy.onFailureRetryInterval is not carried over: Kubernetes runs a failed Job's "
                                + "driver again after its own back-off"),
                spec("restartPolicy submission retries are driver retries in client mode", """
                          restartPolicy:
                            type: OnFailure
                            onSubmissionFailureRetries: 5""", "    onSubmissionFailureRetries: 5",
                        "restartPolicy.onSubmissionFailureRetries is not carried over: spark-submit runs in the "
                                + "driver pod"),
                spec("failureRetries has no equivalent", "  failureRetries: 3",
                        "spec.failureRetries is not carried over"),
                spec("retryInterval has no equivalent", "  retryInterval: 10", "spec.retryInterval is not carried over"),
                spec("driver podName gives way to <app>-driver", """
                          driver:
                            podName: my-driver""", "    podName: my-driver",
                        "spec.driver.podName is not carried over: spark-gen names the driver pod <app>-driver"),
                spec("batchScheduler volcano becomes schedulerName", "  batchScheduler: volcano",
                        "spec.batchScheduler volcano is carried over as schedulerName: volcano"),
                spec("driver serviceAccount becomes serviceAccountName", """
                          driver:
                            serviceAccount: spark""", "    serviceAccount: spark",
                        "spec.driver.serviceAccount is carried over as serviceAccountName"),
                spec("sparkUIOptions servicePort has no equivalent", """
                          sparkUIOptions:
                            servicePort: 4045""", "    servicePort: 4045",
                        "spec.sparkUIOptions.servicePort is not carried over"),
                spec("sparkUIOptions serviceType LoadBalancer has no equivalent", """
                          sparkUIOptions:
                            serviceType: LoadBalancer""", "    serviceType: LoadBalancer",
                        "spec.sparkUIOptions.serviceType LoadBalancer is not carried over"),
                spec("sparkUIOptions ingress settings lack the operator's URL format", """
                          sparkUIOptions:
                            ingressAnnotations:
                              example.com/team: data""", "  sparkUIOptions:",
                        "follows its --ingress-url-format flag"),
                spec("the ingress class annotation becomes ui.ingress.className", """
                          sparkUIOptions:
                            ingressAnnotations:
                              kubernetes.io/ingress.class: nginx""", "      kubernetes.io/ingress.class: nginx",
                        "is carried over as ui.ingress.className"),
                spec("the rewrite-target annotation gives way to spark-gen's", """
                          sparkUIOptions:
                            ingressAnnotations:
                              nginx.ingress.kubernetes.io/rewrite-target: /""",
                        "      nginx.ingress.kubernetes.io/rewrite-target: /",
                        "nginx.ingress.kubernetes.io/rewrite-target is not carried over"),
                spec("a TLS host becomes ui.ingress.host", """
                          sparkUIOptions:
                            ingressTLS:
                            - secretName: ui-tls
                              hosts:
                              - ui.example.com""", "      - ui.example.com",
                        "the TLS host ui.example.com is carried over as ui.ingress.host"),
                spec("driverIngressOptions has no equivalent", """
                          driverIngressOptions:
                          - servicePort: 8888
                            servicePortName: notebook""", "  driverIngressOptions:",
                        "spec.driverIngressOptions is not carried over"),
                spec("proxyUser has no equivalent", "  proxyUser: alice", "spec.proxyUser is not carried over"),
                spec("pythonVersion is gone from Spark 3", "  pythonVersion: \"3\"",
                        "spec.pythonVersion is not carried over"),
                spec("memoryOverheadFactor becomes each role's memoryOverhead", "  memoryOverheadFactor: \"0.5\"",
                        "spec.memoryOverheadFactor 0.5 is carried over as driver.memoryOverhead 512m and "
                                + "executor.memoryOverhead 512m"),
                spec("the top-level nodeSelector goes to both roles", """
                          nodeSelector:
                            pool: spark""", "  nodeSelector:",
                        "spec.nodeSelector is carried over into driver.nodeSelector and executor.nodeSelector"),
                spec("a volume mounted nowhere is reported", """
                          volumes:
                          - name: unused
                            emptyDir: {}""", "  - name: unused", "volume 'unused' is mounted nowhere"),
                spec("a GPU's resource property gives way to the gpu field", """
                          sparkConf:
                            spark.executor.resource.gpu.amount: "2"
                          executor:
                            gpu:
                              name: nvidia.com/gpu
                              quantity: 1""", "    spark.executor.resource.gpu.amount: \"2\"",
                        "sparkConf spark.executor.resource.gpu.amount is not carried over: spec.executor.gpu sets it"),
                spec("extra container ports are not declared", """
                          driver:
                            ports:
                            - name: debug
                              protocol: TCP
                              containerPort: 5005""", "    ports:", "spec.driver.ports is not carried over"),
                spec("kubernetesMaster becomes spark.master", """
                          driver:
                            kubernetesMaster: https://10.0.0.1:6443""", "    kubernetesMaster: https://10.0.0.1:6443",
                        "spec.driver.kubernetesMaster is carried over as sparkConf spark.master"),
                spec("shareProcessNamespace has no field", """
                          executor:
                            shareProcessNamespace: true""", "    shareProcessNamespace: true",
                        "spec.executor.shareProcessNamespace is not carried over"),
                spec("the executor's other scheduler gives way to the driver's", """
                          driver:
                            schedulerName: volcano
                          executor:
                            schedulerName: default-scheduler""", "    schedulerName: default-scheduler",
                        "spec.executor.schedulerName 'default-scheduler' is not carried over: spark-gen has one "
                                + "schedulerName for both roles, here 'volcano'"),
                spec("the executor's other priority class gives way to the driver's", """
                          driver:
                            priorityClassName: high
                          executor:
                            priorityClassName: low""", "    priorityClassName: low",
                        "spec.executor.priorityClassName 'low' is not carried over"),
                spec("a priority class joins the app name", """
                          driver:
                            priorityClassName: high""", "    priorityClassName: high",
                        "also part of spark-gen's app name: <name>-high"),
                spec("metricsProperties gives way to spark-gen's metrics setup", """
                          monitoring:
                            exposeDriverMetrics: true
                            metricsProperties: "*.sink.console.class=org.apache.spark.metrics.sink.ConsoleSink\"""",
                        "    metricsProperties: \"*.sink.console.class=org.apache.spark.metrics.sink.ConsoleSink\"",
                        "spec.monitoring.metricsProperties is not carried over"),
                spec("metricsPropertiesFile gives way to spark-gen's metrics setup", """
                          monitoring:
                            exposeDriverMetrics: true
                            metricsPropertiesFile: /etc/metrics/metrics.properties""",
                        "    metricsPropertiesFile: /etc/metrics/metrics.properties",
                        "spec.monitoring.metricsPropertiesFile is not carried over"),
                spec("a pod template's field without an equivalent names what the pods lose", """
                          executor:
                            template:
                              spec:
                                runtimeClassName: gvisor""", "        runtimeClassName: gvisor",
                        "spec.executor.template.spec.runtimeClassName 'gvisor' is not carried over: spark-gen has no "
                                + "field for it — the executor pods lose it"),
                spec("a pod template's service account gives way to the role's, naming both", """
                          driver:
                            serviceAccount: spark
                            template:
                              spec:
                                serviceAccountName: spark-admin""", "        serviceAccountName: spark-admin",
                        "spec.driver.template.spec.serviceAccountName 'spark-admin' is not carried over: the "
                                + "SparkApplication's own serviceAccountName wins, so the driver runs as 'spark' instead"),
                spec("a pod template's container resources have no equivalent", """
                          driver:
                            template:
                              spec:
                                containers:
                                - name: spark-kubernetes-driver
                                  resources:
                                    limits: {ephemeral-storage: 10Gi}""", "          resources:",
                        "spec.driver.template.spec.containers[0].resources '{limits: {ephemeral-storage: 10Gi}}' is "
                                + "not carried over"),
                spec("KUDO's Opaque secret type becomes Generic", """
                          executor:
                            secrets:
                            - name: creds
                              path: /etc/creds
                              secretType: Opaque""", "      secretType: Opaque",
                        "spec.executor.secrets secretType Opaque is carried over as Generic"),
                spec("a driver service annotation property has no equivalent", """
                          sparkConf:
                            spark.kubernetes.driver.service.annotation.team: data""",
                        "    spark.kubernetes.driver.service.annotation.team: data",
                        "it takes effect only in cluster mode, when Spark builds the driver pod, and client mode "
                                + "ignores it"),
                spec("the driver's uploaded token file is now read in the pod", """
                          sparkConf:
                            spark.kubernetes.authenticate.driver.oauthTokenFile: /var/token""",
                        "    spark.kubernetes.authenticate.driver.oauthTokenFile: /var/token",
                        "is carried over as spark.kubernetes.authenticate.oauthTokenFile, client mode's name, but the "
                                + "file is now read in the driver pod"),
                spec("a driver's local-dir volume is mounted but no longer its local directory", """
                          sparkConf:
                            spark.kubernetes.driver.volumes.hostPath.spark-local-dir-1.mount.path: /data
                            spark.kubernetes.driver.volumes.hostPath.spark-local-dir-1.options.path: /mnt/data""",
                        "    spark.kubernetes.driver.volumes.hostPath.spark-local-dir-1.mount.path: /data",
                        "is carried over as the volume 'spark-local-dir-1' and driver.volumeMounts, but not as the "
                                + "driver's local directory"),
                spec("spark.ui.prometheus.enabled false has no field", """
                          sparkConf:
                            spark.ui.prometheus.enabled: "false\"""", "    spark.ui.prometheus.enabled: \"false\"",
                        "sparkConf spark.ui.prometheus.enabled false is not carried over"),
                spec("a key with a stray quote is reported", """
                          sparkConf:
                            'spark.eventLog.dir\"': s3a://logs/""", "    'spark.eventLog.dir\"': s3a://logs/",
                        "holds the character '\"', which no Spark property key has"),
                spec("an executor memory limit is Spark's to set", """
                          executor:
                            memoryLimit: 4g""", "    memoryLimit: 4g", "spec.executor.memoryLimit is not carried over"),
                spec("driver service annotations have no field", """
                          driver:
                            serviceAnnotations:
                              a: b""", "    serviceAnnotations:", "spec.driver.serviceAnnotations is not carried over"),
                spec("an env value's $(VAR) is no longer expanded", """
                          driver:
                            env:
                            - name: URL
                              value: http://$(HOST):80""", "    - name: URL", "holds a $(VAR) reference"),
                spec("an env variable spark-gen sets is dropped", """
                          driver:
                            envVars:
                              SPARK_LOCAL_DIRS: /tmp""", "      SPARK_LOCAL_DIRS: /tmp",
                        "spec.driver env SPARK_LOCAL_DIRS is not carried over: spark-gen sets it"),
                spec("the driver's SPARK_HOME becomes sparkHome", """
                          driver:
                            envVars:
                              SPARK_HOME: /opt/spark-3""", "      SPARK_HOME: /opt/spark-3",
                        "spec.driver env SPARK_HOME is carried over as sparkHome"),
                spec("a label spark-gen sets is dropped", """
                          driver:
                            labels:
                              app.kubernetes.io/name: app""", "      app.kubernetes.io/name: app",
                        "spec.driver.labels 'app.kubernetes.io/name' is not carried over"),
                spec("a pod-level securityContext becomes podSecurityContext", """
                          executor:
                            securityContext:
                              fsGroup: 185""", "    securityContext:",
                        "carried over as executor.podSecurityContext"),
                spec("a Kubernetes memory size becomes Spark's", """
                          executor:
                            memory: 2Gi""", "    memory: 2Gi", "spec.executor.memory 2Gi is carried over as 2g"),
                spec("a non-Spark property is dropped", """
                          sparkConf:
                            fs.defaultFS: hdfs://nn""", "    fs.defaultFS: hdfs://nn",
                        "sparkConf fs.defaultFS is not carried over"),
                spec("a property spark-gen derives is dropped", """
                          sparkConf:
                            spark.kubernetes.driver.pod.name: custom""", "    spark.kubernetes.driver.pod.name: custom",
                        "sparkConf spark.kubernetes.driver.pod.name is not carried over"),
                spec("a property its field also sets gives way to the field", """
                          sparkConf:
                            spark.executor.instances: "4"
                          executor:
                            instances: 2""", "    spark.executor.instances: \"4\"",
                        "sparkConf spark.executor.instances is not carried over: the SparkApplication's field for it"),
                spec("a volume property that names no claim is dropped", """
                          sparkConf:
                            spark.kubernetes.executor.volumes.persistentVolumeClaim.data.mount.path: /data""",
                        "    spark.kubernetes.executor.volumes.persistentVolumeClaim.data.mount.path: /data",
                        "is not carried over: a persistentVolumeClaim volume needs options.claimName"),
                spec("initContainerImage is gone", "  initContainerImage: busybox",
                        "spec.initContainerImage is not carried over"),
                spec("the download settings of deps are gone", """
                          deps:
                            jarsDownloadDir: /var/jars""", "    jarsDownloadDir: /var/jars",
                        "spec.deps.jarsDownloadDir is not carried over"),
                spec("sparkVersion's build suffix is dropped", "  sparkVersion: 3.5.0-amzn-1",
                        "spec.sparkVersion '3.5.0-amzn-1' is carried over as 3.5.0"),
                spec("an unknown spec field is reported with the closest known one", "  imagePullPolicies: Always",
                        "spec.imagePullPolicies is not a SparkApplication v1beta2 field spark-gen knows: not carried "
                                + "over — did you mean 'imagePullPolicy'?"),
                spec("an unknown role field is reported with the closest known one", """
                          driver:
                            coreLimits: "1\"""", "    coreLimits: \"1\"", "did you mean 'coreLimit'?"),
                meta("metadata annotations annotate no object of spark-gen's", """
                          annotations:
                            example.com/a: b""", "  annotations:", "metadata.annotations annotate the "
                        + "SparkApplication object"),
                meta("metadata the API server sets is ignored", "  uid: 0c6a7e3e-1111-2222-3333-444455556666",
                        "  uid: 0c6a7e3e-1111-2222-3333-444455556666", "metadata.uid is set by the API server: ignored"),
                new Arguments[] {Arguments.of("status is ignored", "", "status:\n  applicationState: {state: COMPLETED}\n",
                        "status:", "status is the operator's record of past runs: ignored")}[0]);
    }

    private static Arguments spec(String name, String lines, String marker, String message) {
        return Arguments.of(name, "", indented(lines), marker, message);
    }

    /** Lines under a top-level key: a text block loses its indentation, which is given back here. */
    private static String indented(String lines) {
        return lines.startsWith("  ") ? lines + "\n" : lines.indent(2);
    }

    private static Arguments spec(String name, String line, String message) {
        return spec(name, line, line, message);
    }

    private static Arguments meta(String name, String lines, String marker, String message) {
        return Arguments.of(name, indented(lines), "", marker, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void import_warnsAtTheField_andStillWritesTheJob(String name, String metadata, String spec, String marker,
                                                      String message) throws IOException {
        String text = String.format(BASE, metadata, spec);
        if (spec.contains("sparkVersion:")) {
            text = text.replace("  sparkVersion: 3.5.3\n", "");
        }
        Files.writeString(cwd.resolve("app.yaml"), text, StandardCharsets.UTF_8);
        Result result = SparkGenCli.runIn(cwd, "import", "app.yaml", "-o", "job.yaml");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.exists(cwd.resolve("job.yaml")));
        List<String> lines = List.of(text.split("\n"));
        int line = lines.indexOf(marker) + 1;
        assertTrue(line > 0, "no line '" + marker + "' in\n" + text);
        int column = marker.length() - marker.stripLeading().length() + 1;
        if (marker.stripLeading().startsWith("- ")) {
            column += 2; // a mapping in a list item is written at its first key
        }
        String expected = "app.yaml:" + line + ":" + column + ": warning: ";
        assertTrue(result.errLines().stream().anyMatch(l -> l.startsWith(expected) && l.contains(message)),
                "expected '" + expected + "..." + message + "' in\n" + result.err());
    }
}
