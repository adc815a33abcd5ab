package dev.sparkgen.importer;

import static dev.sparkgen.testing.KubeYaml.at;
import static dev.sparkgen.testing.KubeYaml.list;
import static dev.sparkgen.testing.KubeYaml.map;
import static dev.sparkgen.testing.KubeYaml.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.KubeYaml;
import dev.sparkgen.testing.RenderedApp;
import dev.sparkgen.testing.SparkGenCli;
import dev.sparkgen.testing.SparkGenCli.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each realistic SparkApplication under {@code sparkapplications/} goes through the command line as a user runs it
 * ({@code spark-gen import}, then {@code spark-gen render}), and each of its values is found where
 * docs/sparkapplication.md says it renders: the SparkApplication's value on one side, the rendered manifests
 * (parsed as Kubernetes parses them) on the other.
 */
class ImportRendersTest {

    @TempDir
    Path cwd;

    /** The SparkApplication as Kubernetes reads it. */
    private Map<String, Object> application;
    private RenderedApp app;

    static Stream<String> fixtures() {
        return Stream.of("spark-pi", "pyspark-etl", "dynamic-monitored", "volcano-ui", "every-role-field",
                "gpu-templates-volumes");
    }

    /** Copies the fixture, imports it, renders the job, and parses both. */
    private RenderedApp importAndRender(String stem) throws IOException {
        String file = stem + ".yaml";
        try (InputStream in = getClass().getResourceAsStream("/sparkapplications/" + file)) {
            assertNotNull(in, "no fixture " + file);
            Files.copy(in, cwd.resolve(file));
        }
        application = KubeYaml.parse(Files.readString(cwd.resolve(file), StandardCharsets.UTF_8));
        Result imported = SparkGenCli.runIn(cwd, "import", file, "-o", "job.yaml");
        assertEquals(0, imported.exitCode(), imported.err());
        Result rendered = SparkGenCli.runIn(cwd, "render", "job.yaml", "-o", "out");
        assertEquals(0, rendered.exitCode(), rendered.err());
        app = RenderedApp.load(stem, cwd.resolve("out"));
        return app;
    }

    /** The SparkApplication's value at a path. */
    private Object spec(Object... path) {
        Object value = at(application, concat("spec", path));
        assertNotNull(value, "the fixture has no spec." + List.of(path));
        return value;
    }

    private static Object[] concat(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private Map<String, Object> driverPod() {
        return app.pod();
    }

    private Map<String, Object> executor() {
        return app.executorTemplate();
    }

    private Map<String, Object> executorContainer() {
        return list(executor(), "spec", "containers").get(0);
    }

    private Properties defaults() {
        return app.sparkDefaults();
    }

    private static Map<String, Object> named(List<Map<String, Object>> items, String name) {
        return items.stream().filter(item -> name.equals(item.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no item named " + name + " in " + items));
    }

    private List<Object> driverArgs() {
        @SuppressWarnings("unchecked")
        List<Object> args = (List<Object>) app.driverContainer().get("args");
        return args;
    }

    // ---------------------------------------------------------------- every fixture

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void importThenRender_ofEachRealisticApplication_succeedsWithTheApplicationsNameAndNamespace(String stem)
            throws IOException {
        importAndRender(stem);
        String name = string(application, "metadata", "name");
        assertTrue(app.app().startsWith(name), app.app());
        assertEquals(app.app() + "-driver", string(app.driver(), "metadata", "name"), "the Pod or the Job");
        for (Map<String, Object> object : app.objects()) {
            assertEquals(string(application, "metadata", "namespace"), string(object, "metadata", "namespace"),
                    string(object, "kind"));
        }
        assertEquals(string(application, "metadata", "namespace"), defaults().getProperty("spark.kubernetes.namespace"));
    }

    // ---------------------------------------------------------------- spark-pi

    @Test
    void sparkPi_mainClassFileAndArguments_landOnTheDriversSparkSubmitLine() throws IOException {
        importAndRender("spark-pi");
        List<Object> args = driverArgs();
        int classAt = args.indexOf("--class");
        assertEquals(spec("mainClass"), args.get(classAt + 1));
        assertEquals(spec("mainApplicationFile"), args.get(classAt + 2));
        assertEquals(((List<?>) spec("arguments")).get(0), args.get(classAt + 3));
    }

    @Test
    void sparkPi_imageAndSizes_landInTheDriverPodAndSparkDefaults() throws IOException {
        importAndRender("spark-pi");
        assertEquals(spec("image"), string(app.driverContainer(), "image"));
        assertEquals(spec("image"), defaults().getProperty("spark.kubernetes.container.image"));
        assertEquals(spec("imagePullPolicy"), string(app.driverContainer(), "imagePullPolicy"));
        assertEquals(spec("driver", "coreLimit"), string(app.driverContainer(), "resources", "limits", "cpu"));
        assertEquals(String.valueOf(spec("driver", "cores")), string(app.driverContainer(), "resources", "requests",
                "cpu"));
        assertEquals(spec("driver", "memory"), defaults().getProperty("spark.driver.memory"));
        assertEquals(String.valueOf(spec("executor", "instances")), defaults().getProperty("spark.executor.instances"));
        assertEquals(String.valueOf(spec("executor", "cores")), defaults().getProperty("spark.executor.cores"));
        assertEquals(spec("executor", "memory"), defaults().getProperty("spark.executor.memory"));
    }

    @Test
    void sparkPi_roleLabelsAndDriverServiceAccount_landOnEachPod() throws IOException {
        importAndRender("spark-pi");
        assertEquals(spec("driver", "labels", "version"), string(driverPod(), "metadata", "labels", "version"));
        assertEquals(spec("executor", "labels", "version"), string(executor(), "metadata", "labels", "version"));
        assertEquals(spec("driver", "serviceAccount"), string(driverPod(), "spec", "serviceAccountName"));
    }

    // ---------------------------------------------------------------- pyspark-etl

    @Test
    void pysparkEtl_depsSparkConfAndHadoopConf_landInSparkDefaults() throws IOException {
        importAndRender("pyspark-etl");
        Properties defaults = defaults();
        Map<String, String> lists = Map.of("jars", "spark.jars", "files", "spark.files", "pyFiles",
                "spark.submit.pyFiles", "packages", "spark.jars.packages", "repositories", "spark.jars.repositories",
                "excludePackages", "spark.jars.excludes", "archives", "spark.archives");
        lists.forEach((field, property) -> assertEquals(String.join(",", strings(spec("deps", field))),
                defaults.getProperty(property), field));
        for (String key : List.of("spark.sql.shuffle.partitions", "spark.eventLog.enabled", "spark.eventLog.dir")) {
            assertEquals(spec("sparkConf", key), defaults.getProperty(key), key);
        }
        map(application, "spec", "hadoopConf").forEach((key, value) ->
                assertEquals(value, defaults.getProperty("spark.hadoop." + key), key));
    }

    @Test
    void pysparkEtl_sparkConfPropertiesOfFields_landInTheirFields() throws IOException {
        importAndRender("pyspark-etl");
        assertEquals(spec("sparkConf", "spark.kubernetes.node.selector.workload"),
                string(driverPod(), "spec", "nodeSelector", "workload"));
        assertEquals(spec("sparkConf", "spark.kubernetes.node.selector.workload"),
                string(executor(), "spec", "nodeSelector", "workload"));
        assertEquals(spec("sparkConf", "spark.executorEnv.AWS_REGION"),
                string(named(list(executorContainer(), "env"), "AWS_REGION"), "value"));
        assertEquals(string(driverPod(), "metadata", "name"),
                app.effectiveConf().getProperty("spark.kubernetes.driver.pod.name"));
    }

    @Test
    void pysparkEtl_topNodeSelectorAndMetadataLabels_landOnBothRoles() throws IOException {
        importAndRender("pyspark-etl");
        String type = "node.kubernetes.io/instance-type";
        assertEquals(spec("nodeSelector", type), string(driverPod(), "spec", "nodeSelector", type));
        assertEquals(spec("nodeSelector", type), string(executor(), "spec", "nodeSelector", type));
        assertEquals(string(application, "metadata", "labels", "team"), string(driverPod(), "metadata", "labels", "team"));
        assertEquals(string(application, "metadata", "labels", "team"), string(executor(), "metadata", "labels", "team"));
    }

    @Test
    void pysparkEtl_secretsConfigMapsAndVolumes_areMountedWhereTheApplicationSaid() throws IOException {
        importAndRender("pyspark-etl");
        Map<String, Object> driver = app.driverContainer();
        List<Map<String, Object>> podVolumes = list(driverPod(), "spec", "volumes");
        Map<String, Object> secret = list(application, "spec", "driver", "secrets").get(0);
        Map<String, Object> secretVolume = podVolumes.stream()
                .filter(v -> secret.get("name").equals(string(v, "secret", "secretName"))).findFirst().orElseThrow();
        assertEquals(secret.get("path"), string(named(list(driver, "volumeMounts"), (String) secretVolume.get("name")),
                "mountPath"));
        assertEquals(secret.get("path") + "/key.json", string(named(list(driver, "env"),
                "GOOGLE_APPLICATION_CREDENTIALS"), "value"));
        Map<String, Object> configMap = list(application, "spec", "driver", "configMaps").get(0);
        Map<String, Object> configMapVolume = podVolumes.stream()
                .filter(v -> configMap.get("name").equals(string(v, "configMap", "name"))).findFirst().orElseThrow();
        assertEquals(configMap.get("path"), string(named(list(driver, "volumeMounts"),
                (String) configMapVolume.get("name")), "mountPath"));
        Map<String, Object> claim = named(list(application, "spec", "volumes"), "checkpoints");
        assertEquals(claim.get("persistentVolumeClaim"), named(podVolumes, "checkpoints").get("persistentVolumeClaim"));
        assertEquals(spec("driver", "volumeMounts", 0, "mountPath"),
                string(named(list(driver, "volumeMounts"), "checkpoints"), "mountPath"));
        assertEquals(spec("executor", "volumeMounts", 0, "mountPath"),
                string(named(list(executorContainer(), "volumeMounts"), "spark-local-dir-1"), "mountPath"));
        assertEquals(named(list(application, "spec", "volumes"), "spark-local-dir-1").get("emptyDir"),
                named(list(executor(), "spec", "volumes"), "spark-local-dir-1").get("emptyDir"));
        Map<String, Object> executorSecret = list(application, "spec", "executor", "secrets").get(0);
        assertTrue(list(executor(), "spec", "volumes").stream()
                .anyMatch(v -> executorSecret.get("name").equals(string(v, "secret", "secretName"))));
    }

    @Test
    void pysparkEtl_configMapsOfTheApplication_areMountedForSparkAndHadoop() throws IOException {
        importAndRender("pyspark-etl");
        String volumes = String.valueOf(at(driverPod(), "spec", "volumes"));
        assertTrue(volumes.contains("name=" + spec("sparkConfigMap")), volumes);
        assertTrue(volumes.contains("name=" + spec("hadoopConfigMap")), volumes);
        assertEquals("/etc/hadoop/conf", string(named(list(app.driverContainer(), "env"), "HADOOP_CONF_DIR"), "value"));
    }

    @Test
    void pysparkEtl_restartPolicyRetriesTimeToLiveAndPullSecrets_landOnTheDriversJob() throws IOException {
        importAndRender("pyspark-etl");
        assertEquals("OnFailure", spec("restartPolicy", "type"));
        assertEquals("Job", app.driver().get("kind"), "the operator resubmits; a Job runs the driver again");
        assertEquals(spec("restartPolicy", "onFailureRetries"), at(app.driver(), "spec", "backoffLimit"));
        assertEquals(spec("timeToLiveSeconds"), at(app.driver(), "spec", "ttlSecondsAfterFinished"));
        assertEquals("Never", string(driverPod(), "spec", "restartPolicy"), "the operator's retries are new pods");
        assertEquals(((List<?>) spec("imagePullSecrets")).get(0), string(driverPod(), "spec", "imagePullSecrets", 0,
                "name"));
        assertEquals(((List<?>) spec("imagePullSecrets")).get(0),
                defaults().getProperty("spark.kubernetes.container.image.pullSecrets"));
    }

    @Test
    void pysparkEtl_memoryOverheadFactor_becomesEachRolesOverheadBySparksRule() throws IOException {
        importAndRender("pyspark-etl");
        // 0.2 x 4g = 819m; the driver: 0.2 x 2g = 409m, so its pod requests 2048 + 409 MiB
        assertEquals("819m", defaults().getProperty("spark.executor.memoryOverhead"));
        assertEquals("2457Mi", string(app.driverContainer(), "resources", "requests", "memory"));
    }

    // ---------------------------------------------------------------- dynamic-monitored

    @Test
    void dynamicMonitored_dynamicAllocation_landsInSparkDefaults() throws IOException {
        importAndRender("dynamic-monitored");
        Properties defaults = defaults();
        assertEquals(String.valueOf(spec("dynamicAllocation", "enabled")),
                defaults.getProperty("spark.dynamicAllocation.enabled"));
        assertEquals(String.valueOf(spec("dynamicAllocation", "initialExecutors")),
                defaults.getProperty("spark.dynamicAllocation.initialExecutors"));
        assertEquals(String.valueOf(spec("dynamicAllocation", "minExecutors")),
                defaults.getProperty("spark.dynamicAllocation.minExecutors"));
        assertEquals(String.valueOf(spec("dynamicAllocation", "maxExecutors")),
                defaults.getProperty("spark.dynamicAllocation.maxExecutors"));
        assertEquals(String.valueOf(spec("dynamicAllocation", "shuffleTrackingEnabled")),
                defaults.getProperty("spark.dynamicAllocation.shuffleTracking.enabled"));
        assertEquals(spec("dynamicAllocation", "shuffleTrackingTimeout") + "ms",
                defaults.getProperty("spark.dynamicAllocation.shuffleTracking.timeout"));
    }

    @Test
    void dynamicMonitored_jmxExporter_runsAsAnAgentOnItsPortWithTheApplicationsConfiguration() throws IOException {
        importAndRender("dynamic-monitored");
        String jar = (String) spec("monitoring", "prometheus", "jmxExporterJar");
        String port = String.valueOf(spec("monitoring", "prometheus", "port"));
        assertTrue(defaults().getProperty("spark.driver.extraJavaOptions").startsWith("-javaagent:" + jar + "=" + port
                + ":"), defaults().getProperty("spark.driver.extraJavaOptions"));
        assertTrue(defaults().getProperty("spark.executor.extraJavaOptions").startsWith("-javaagent:" + jar + "="
                + port + ":"));
        Map<String, Object> metricsPort = named(list(app.driverContainer(), "ports"),
                (String) spec("monitoring", "prometheus", "portName"));
        assertEquals(port, String.valueOf(metricsPort.get("containerPort")));
        assertEquals(port, string(driverPod(), "metadata", "annotations", "prometheus.io/port"));
        assertEquals(port, string(executor(), "metadata", "annotations", "prometheus.io/port"));
        assertEquals(spec("monitoring", "prometheus", "configuration"), app.configMapFile("prometheus.yaml"));
    }

    @Test
    void dynamicMonitored_executorDeleteOnTerminationAndSparkConf_landInSparkDefaults() throws IOException {
        importAndRender("dynamic-monitored");
        assertEquals(String.valueOf(spec("executor", "deleteOnTermination")),
                defaults().getProperty("spark.kubernetes.executor.deleteOnTermination"));
        assertEquals(spec("sparkConf", "spark.streaming.backpressure.enabled"),
                defaults().getProperty("spark.streaming.backpressure.enabled"));
    }

    // ---------------------------------------------------------------- volcano-ui

    @Test
    void volcanoUi_batchSchedulerAndItsOptions_landInThePodsAndThePodGroup() throws IOException {
        importAndRender("volcano-ui");
        assertEquals(spec("batchScheduler"), string(driverPod(), "spec", "schedulerName"));
        assertEquals(spec("batchScheduler"), string(executor(), "spec", "schedulerName"));
        Map<String, Object> podGroup = app.object("podgroup.yaml");
        assertEquals(spec("batchSchedulerOptions", "queue"), string(podGroup, "spec", "queue"));
        assertEquals(spec("batchSchedulerOptions", "priorityClassName"), string(podGroup, "spec", "priorityClassName"));
        assertEquals(spec("batchSchedulerOptions", "resources"), map(podGroup, "spec", "minResources"));
    }

    @Test
    void volcanoUi_driversPriorityClass_landsOnBothPodsAndInTheAppName() throws IOException {
        importAndRender("volcano-ui");
        assertEquals(spec("driver", "priorityClassName"), string(driverPod(), "spec", "priorityClassName"));
        assertEquals(spec("driver", "priorityClassName"), string(executor(), "spec", "priorityClassName"));
        assertEquals(string(application, "metadata", "name") + "-" + spec("driver", "priorityClassName"), app.app());
    }

    @Test
    void volcanoUi_sparkUiOptions_landInTheUiServiceAndIngress() throws IOException {
        importAndRender("volcano-ui");
        Map<String, Object> service = app.uiService();
        assertEquals(spec("sparkUIOptions", "serviceType"), string(service, "spec", "type"));
        assertEquals(spec("sparkUIOptions", "serviceAnnotations", "prometheus.io/scrape"),
                string(service, "metadata", "annotations", "prometheus.io/scrape"));
        assertEquals(spec("sparkUIOptions", "serviceLabels", "exposed"),
                string(service, "metadata", "labels", "exposed"));
        Map<String, Object> ingress = app.ingress().orElseThrow();
        assertEquals(spec("sparkUIOptions", "ingressAnnotations", "kubernetes.io/ingress.class"),
                string(ingress, "spec", "ingressClassName"));
        assertEquals(spec("sparkUIOptions", "ingressAnnotations", "nginx.ingress.kubernetes.io/auth-secret"),
                string(ingress, "metadata", "annotations", "nginx.ingress.kubernetes.io/auth-secret"));
        assertEquals(spec("sparkUIOptions", "ingressTLS", 0, "secretName"), string(ingress, "spec", "tls", 0,
                "secretName"));
        assertEquals(spec("sparkUIOptions", "ingressTLS", 0, "hosts", 0), string(ingress, "spec", "tls", 0, "hosts", 0));
        assertEquals(spec("sparkUIOptions", "ingressTLS", 0, "hosts", 0), string(ingress, "spec", "rules", 0, "host"));
    }

    // ---------------------------------------------------------------- every-role-field

    @Test
    void everyRoleField_driverSizing_landsInTheDriverContainersResourcesAndSparkDefaults() throws IOException {
        importAndRender("every-role-field");
        Map<String, Object> resources = map(app.driverContainer(), "resources");
        assertEquals(spec("driver", "coreRequest"), string(resources, "requests", "cpu"));
        assertEquals(spec("driver", "coreLimit"), string(resources, "limits", "cpu"));
        assertEquals("2560Mi", string(resources, "requests", "memory")); // 2g + the 512m overhead
        assertEquals("4096Mi", string(resources, "limits", "memory")); // memoryLimit 4g
        assertEquals(spec("driver", "memory"), defaults().getProperty("spark.driver.memory"));
        assertEquals(spec("driver", "javaOptions"), defaults().getProperty("spark.driver.extraJavaOptions"));
        assertEquals(spec("driver", "image"), string(app.driverContainer(), "image"));
    }

    @Test
    void everyRoleField_executorSizing_landsInSparkDefaults() throws IOException {
        importAndRender("every-role-field");
        Properties defaults = defaults();
        assertEquals(String.valueOf(spec("executor", "cores")), defaults.getProperty("spark.executor.cores"));
        assertEquals(spec("executor", "coreRequest"), defaults.getProperty("spark.kubernetes.executor.request.cores"));
        assertEquals(spec("executor", "coreLimit"), defaults.getProperty("spark.kubernetes.executor.limit.cores"));
        assertEquals(spec("executor", "memory"), defaults.getProperty("spark.executor.memory"));
        assertEquals(spec("executor", "memoryOverhead"), defaults.getProperty("spark.executor.memoryOverhead"));
        assertEquals(spec("executor", "image"), defaults.getProperty("spark.kubernetes.executor.container.image"));
        assertEquals(spec("executor", "javaOptions"), defaults.getProperty("spark.executor.extraJavaOptions"));
        assertEquals(String.valueOf(spec("executor", "instances")), defaults.getProperty("spark.executor.instances"));
        assertEquals("k8s://" + spec("driver", "kubernetesMaster"), defaults.getProperty("spark.master"));
    }

    @Test
    void everyRoleField_podFields_landInTheDriverPodAndTheExecutorTemplate() throws IOException {
        importAndRender("every-role-field");
        for (String role : List.of("driver", "executor")) {
            Map<String, Object> pod = role.equals("driver") ? driverPod() : executor();
            assertEquals(spec(role, "tolerations", 0, "key"), string(pod, "spec", "tolerations", 0, "key"), role);
            assertEquals(spec(role, "tolerations", 0, "effect"), string(pod, "spec", "tolerations", 0, "effect"), role);
            assertEquals(spec(role, "affinity"), at(pod, "spec", "affinity"), role);
            assertEquals(spec(role, "podSecurityContext"), at(pod, "spec", "securityContext"), role);
            assertEquals(spec(role, "nodeSelector"), at(pod, "spec", "nodeSelector"), role);
            assertEquals(spec(role, "hostNetwork"), at(pod, "spec", "hostNetwork") == null ? false
                    : at(pod, "spec", "hostNetwork"), role);
            assertEquals(spec(role, "dnsConfig"), at(pod, "spec", "dnsConfig"), role);
            assertEquals(spec(role, "hostAliases", 0, "ip"), string(pod, "spec", "hostAliases", 0, "ip"), role);
            assertEquals(spec(role, "hostAliases", 0, "hostnames"), at(pod, "spec", "hostAliases", 0, "hostnames"), role);
            assertEquals(spec(role, "terminationGracePeriodSeconds"), at(pod, "spec", "terminationGracePeriodSeconds"),
                    role);
            assertEquals(spec(role, "schedulerName"), string(pod, "spec", "schedulerName"), role);
            assertEquals(spec(role, "labels", "tier"), string(pod, "metadata", "labels", "tier"), role);
            assertEquals(string(application, "metadata", "labels", "owner"),
                    string(pod, "metadata", "labels", "owner"), role);
            assertEquals(spec(role, "annotations", "example.com/owner"),
                    string(pod, "metadata", "annotations", "example.com/owner"), role);
        }
        assertEquals("ClusterFirstWithHostNet", string(executor(), "spec", "dnsPolicy"));
        assertEquals(spec("executor", "serviceAccount"), string(executor(), "spec", "serviceAccountName"));
    }

    @Test
    void everyRoleField_containerFields_landInTheDriverAndExecutorContainers() throws IOException {
        importAndRender("every-role-field");
        for (String role : List.of("driver", "executor")) {
            Map<String, Object> container = role.equals("driver") ? app.driverContainer() : executorContainer();
            assertEquals(spec(role, "securityContext"), at(container, "securityContext"), role);
            assertEquals(spec(role, "lifecycle"), at(container, "lifecycle"), role);
            assertEquals(spec(role, "envFrom"), at(container, "envFrom"), role);
            assertEquals(spec(role, "env", 0, "value"), string(named(list(container, "env"), "MODE"), "value"), role);
            assertEquals(spec(role, "volumeMounts", 0, "mountPath"),
                    string(named(list(container, "volumeMounts"), "shared"), "mountPath"), role);
        }
        List<Map<String, Object>> env = list(app.driverContainer(), "env");
        assertEquals(spec("driver", "env", 1, "valueFrom"), at(named(env, "DB_PASSWORD"), "valueFrom"));
        assertEquals(spec("driver", "envVars", "LEGACY_FLAG"), string(named(env, "LEGACY_FLAG"), "value"));
        assertEquals(spec("driver", "envSecretKeyRefs", "API_TOKEN", "name"),
                string(named(env, "API_TOKEN"), "valueFrom", "secretKeyRef", "name"));
        assertEquals(spec("driver", "envSecretKeyRefs", "API_TOKEN", "key"),
                string(named(env, "API_TOKEN"), "valueFrom", "secretKeyRef", "key"));
    }

    @Test
    void everyRoleField_initContainersAndSidecars_landInTheDriverPod() throws IOException {
        importAndRender("every-role-field");
        Map<String, Object> init = list(driverPod(), "spec", "initContainers").get(0);
        assertEquals(spec("driver", "initContainers", 0, "name"), init.get("name"));
        assertEquals(spec("driver", "initContainers", 0, "command"), init.get("command"));
        Map<String, Object> sidecar = named(list(driverPod(), "spec", "containers"),
                (String) spec("driver", "sidecars", 0, "name"));
        assertEquals(spec("driver", "sidecars", 0, "image"), sidecar.get("image"));
        assertEquals(spec("driver", "sidecars", 0, "volumeMounts"), sidecar.get("volumeMounts"));
    }

    // ---------------------------------------------------------------- gpu-templates-volumes

    /** The names of the volumes of a pod, and of those each of its containers mounts. */
    private static void everyMountNamesAVolumeOfItsPod(Map<String, Object> pod) {
        List<Object> volumes = list(pod, "spec", "volumes").stream().map(v -> v.get("name")).toList();
        for (String kind : List.of("initContainers", "containers")) {
            for (Map<String, Object> container : pod.get("spec") instanceof Map<?, ?> spec
                    && spec.get(kind) != null ? list(pod, "spec", kind) : List.<Map<String, Object>>of()) {
                for (Map<String, Object> mount : container.get("volumeMounts") != null
                        ? list(container, "volumeMounts") : List.<Map<String, Object>>of()) {
                    assertTrue(volumes.contains(mount.get("name")), container.get("name") + " mounts "
                            + mount.get("name") + ", not among " + volumes);
                }
            }
        }
    }

    @Test
    void gpuTemplatesVolumes_driverVolumeProperties_becomeVolumesOfThePod_thatItsInitContainerMounts()
            throws IOException {
        importAndRender("gpu-templates-volumes");
        everyMountNamesAVolumeOfItsPod(driverPod());
        everyMountNamesAVolumeOfItsPod(executor());
        Map<String, Object> scratch = named(list(driverPod(), "spec", "volumes"), "spark-local-dir-1");
        String prefix = "spark.kubernetes.driver.volumes.persistentVolumeClaim.spark-local-dir-1.";
        assertEquals(spec("sparkConf", prefix + "options.storageClass"),
                at(scratch, "ephemeral", "volumeClaimTemplate", "spec", "storageClassName"));
        assertEquals(spec("sparkConf", prefix + "options.sizeLimit"),
                at(scratch, "ephemeral", "volumeClaimTemplate", "spec", "resources", "requests", "storage"));
        assertEquals(spec("sparkConf", prefix + "mount.path"),
                string(named(list(app.driverContainer(), "volumeMounts"), "spark-local-dir-1"), "mountPath"));
        assertEquals(spec("sparkConf", "spark.kubernetes.driver.volumes.hostPath.models.options.path"),
                string(named(list(driverPod(), "spec", "volumes"), "models"), "hostPath", "path"));
        Map<String, Object> models = named(list(app.driverContainer(), "volumeMounts"), "models");
        assertEquals(Boolean.TRUE, models.get("readOnly"));
        assertEquals("prepare-scratch", string(driverPod(), "spec", "initContainers", 0, "name"));
    }

    @Test
    void gpuTemplatesVolumes_executorVolumeProperties_landInTheTemplate_andOnDemandClaimsStayForSpark()
            throws IOException {
        importAndRender("gpu-templates-volumes");
        assertEquals(spec("sparkConf", "spark.kubernetes.executor.volumes.hostPath.models.options.path"),
                string(named(list(executor(), "spec", "volumes"), "models"), "hostPath", "path"));
        assertEquals(spec("sparkConf", "spark.kubernetes.executor.volumes.hostPath.models.mount.path"),
                string(named(list(executorContainer(), "volumeMounts"), "models"), "mountPath"));
        String prefix = "spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1.";
        for (String key : List.of("options.claimName", "options.storageClass", "options.sizeLimit", "mount.path")) {
            assertEquals(spec("sparkConf", prefix + key), defaults().getProperty(prefix + key), key);
        }
        assertEquals(null, defaults().getProperty("spark.kubernetes.driver.volumes.hostPath.models.mount.path"));
    }

    @Test
    void gpuTemplatesVolumes_rolesOwnImages_becomeTheImageAndTheExecutorsImage() throws IOException {
        importAndRender("gpu-templates-volumes");
        assertEquals(spec("driver", "image"), string(app.driverContainer(), "image"));
        assertEquals(spec("driver", "image"), defaults().getProperty("spark.kubernetes.container.image"));
        assertEquals(spec("executor", "image"), defaults().getProperty("spark.kubernetes.executor.container.image"));
    }

    @Test
    void gpuTemplatesVolumes_executorGpu_becomesSparksResourcePropertiesWithTheApplicationsScript()
            throws IOException {
        importAndRender("gpu-templates-volumes");
        Properties defaults = defaults();
        assertEquals(String.valueOf(spec("executor", "gpu", "quantity")),
                defaults.getProperty("spark.executor.resource.gpu.amount"));
        assertEquals("nvidia.com", defaults.getProperty("spark.executor.resource.gpu.vendor"));
        assertEquals(spec("sparkConf", "spark.executor.resource.gpu.discoveryScript"),
                defaults.getProperty("spark.executor.resource.gpu.discoveryScript"));
        assertEquals(spec("sparkConf", "spark.task.resource.gpu.amount"),
                defaults.getProperty("spark.task.resource.gpu.amount"));
    }

    @Test
    void gpuTemplatesVolumes_executorInitContainersAndSidecars_landInTheTemplateAfterTheExecutorsContainer()
            throws IOException {
        importAndRender("gpu-templates-volumes");
        assertEquals(spec("executor", "initContainers", 0, "name"), string(executor(), "spec", "initContainers", 0,
                "name"));
        List<Map<String, Object>> containers = list(executor(), "spec", "containers");
        assertEquals("spark-kubernetes-executor", containers.get(0).get("name"));
        assertEquals(spec("executor", "sidecars", 0, "image"), named(containers, "dcgm-exporter").get("image"));
    }

    @Test
    void gpuTemplatesVolumes_podTemplates_landInTheRolesPods_serviceAccountAndSecurityContextIncluded()
            throws IOException {
        importAndRender("gpu-templates-volumes");
        String driverTemplate = "template";
        assertEquals(spec("driver", driverTemplate, "spec", "serviceAccountName"),
                string(driverPod(), "spec", "serviceAccountName"));
        assertEquals(spec("driver", driverTemplate, "spec", "securityContext"), at(driverPod(), "spec",
                "securityContext"));
        assertEquals(spec("driver", driverTemplate, "spec", "tolerations"), at(driverPod(), "spec", "tolerations"));
        assertEquals(spec("driver", driverTemplate, "metadata", "labels", "team"),
                string(driverPod(), "metadata", "labels", "team"));
        assertEquals(spec("driver", driverTemplate, "metadata", "annotations", "example.com/cost-center"),
                string(driverPod(), "metadata", "annotations", "example.com/cost-center"));
        assertEquals(spec("driver", driverTemplate, "spec", "containers", 0, "env", 0, "value"),
                string(named(list(app.driverContainer(), "env"), "MODEL_DIR"), "value"));
        assertEquals(spec("driver", driverTemplate, "spec", "containers", 1, "image"),
                named(list(driverPod(), "spec", "containers"), "log-shipper").get("image"));
        assertEquals(spec("executor", driverTemplate, "spec", "serviceAccountName"),
                string(executor(), "spec", "serviceAccountName"));
        assertEquals(spec("executor", driverTemplate, "spec", "nodeSelector"), at(executor(), "spec", "nodeSelector"));
        assertEquals(spec("executor", driverTemplate, "spec", "tolerations"), at(executor(), "spec", "tolerations"));
        assertEquals(spec("executor", driverTemplate, "metadata", "labels", "team"),
                string(executor(), "metadata", "labels", "team"));
    }

    @Test
    void gpuTemplatesVolumes_secretKeyRefOpaqueSecretAndPrometheus_landWhereTheDriverAndSparkReadThem()
            throws IOException {
        importAndRender("gpu-templates-volumes");
        Map<String, Object> password = named(list(app.driverContainer(), "env"), "KEYSTORE_PASSWORD");
        assertEquals("keystore", string(password, "valueFrom", "secretKeyRef", "name"));
        assertEquals("password", string(password, "valueFrom", "secretKeyRef", "key"));
        Map<String, Object> secret = list(application, "spec", "driver", "secrets").get(0);
        assertTrue(list(driverPod(), "spec", "volumes").stream()
                .anyMatch(v -> secret.get("name").equals(string(v, "secret", "secretName"))));
        assertEquals("true", defaults().getProperty("spark.ui.prometheus.enabled"));
        assertEquals(spec("sparkConf", "spark.eventLog.enabled"), defaults().getProperty("spark.eventLog.enabled"));
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
