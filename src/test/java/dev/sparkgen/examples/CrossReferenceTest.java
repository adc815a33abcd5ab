package dev.sparkgen.examples;

import static dev.sparkgen.testing.KubeYaml.at;
import static dev.sparkgen.testing.KubeYaml.list;
import static dev.sparkgen.testing.KubeYaml.map;
import static dev.sparkgen.testing.KubeYaml.string;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.RenderedApp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The objects of each {@code out/<stem>/} refer to each other correctly: selectors, names, namespace, ports, mount
 * paths and Ingress routes agree with each other and with spark-defaults.conf. (The command line's overrides of
 * the file: {@link DriverCommandLineTest}.)
 */
class CrossReferenceTest {

    private static final Pattern PATH_ROUTE = Pattern.compile("(/.+)\\(/\\|\\$\\)\\(\\.\\*\\)");

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void objectNames_deriveFromTheAppName(String stem) {
        RenderedApp app = RenderedApp.load(stem);
        String name = app.app();

        assertAll(
                () -> assertEquals("CronJob".equals(app.driver().get("kind")) ? name : name + "-driver",
                        string(app.driver(), "metadata", "name"), "the Pod, the Job or the CronJob"),
                () -> assertEquals(name + "-cm", string(app.configMap(), "metadata", "name")),
                () -> assertEquals(name + "-driver-svc", string(app.driverService(), "metadata", "name")),
                () -> assertEquals(name + "-ui-svc", string(app.uiService(), "metadata", "name")),
                () -> app.ingress().ifPresent(ingress ->
                        assertEquals(name + "-ui-ingress", string(ingress, "metadata", "name"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void everyObject_sharesOneNamespaceAndCarriesTheAppNameLabel(String stem) {
        RenderedApp app = RenderedApp.load(stem);
        String namespace = string(app.pod(), "metadata", "namespace");

        assertNotNull(namespace, "the driver pod names its namespace");
        for (Map<String, Object> object : app.objects()) {
            String what = object.get("kind") + " " + string(object, "metadata", "name");
            assertEquals(namespace, string(object, "metadata", "namespace"), what);
            assertEquals(app.app(), string(object, "metadata", "labels", "app-name"), what);
        }
        assertEquals(app.app(), string(app.executorTemplate(), "metadata", "labels", "app-name"), "executor template");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void bothServices_selectTheDriverPodAndNoExecutorPod(String stem) {
        RenderedApp app = RenderedApp.load(stem);
        Map<String, Object> driverLabels = map(app.pod(), "metadata", "labels");
        Map<String, Object> executorLabels = new HashMap<>(map(app.executorTemplate(), "metadata", "labels"));
        executorLabels.put("spark-role", "executor"); // Spark labels every executor pod so

        for (Map<String, Object> service : List.of(app.driverService(), app.uiService())) {
            Map<String, Object> selector = map(service, "spec", "selector");
            String name = string(service, "metadata", "name");
            assertFalse(selector.isEmpty(), name + " selects nothing");
            assertTrue(driverLabels.entrySet().containsAll(selector.entrySet()), name + " misses the driver pod");
            assertFalse(executorLabels.entrySet().containsAll(selector.entrySet()), name + " selects executors too");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void driverService_isHeadlessAndPublishesNotReadyAddresses(String stem) {
        Map<String, Object> service = RenderedApp.load(stem).driverService();

        assertEquals("None", string(service, "spec", "clusterIP"));
        assertEquals(Boolean.TRUE, at(service, "spec", "publishNotReadyAddresses"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void sparkDefaults_runClientModeOnKubernetesForThisPodItsPrefixAndItsImage(String stem) {
        RenderedApp app = RenderedApp.load(stem);
        Properties conf = app.effectiveConf();
        String podName = string(app.pod(), "metadata", "name");
        String executorImage = conf.getProperty("spark.kubernetes.executor.container.image",
                conf.getProperty("spark.kubernetes.container.image"));

        assertAll(
                () -> assertEquals("client", conf.getProperty("spark.submit.deployMode")),
                () -> assertTrue(conf.getProperty("spark.master", "").startsWith("k8s://"), conf.getProperty("spark.master")),
                () -> assertEquals(podName, conf.getProperty("spark.kubernetes.driver.pod.name")),
                () -> assertEquals("Pod".equals(app.driver().get("kind")) ? app.app() : podName,
                        conf.getProperty("spark.kubernetes.executor.podNamePrefix"), "a Pod's are <app>-exec-N; "
                                + "a Job's pod names its own, unique per attempt"),
                () -> assertEquals(string(app.driverContainer(), "image"), executorImage),
                () -> assertEquals(string(app.pod(), "metadata", "namespace"), conf.getProperty("spark.kubernetes.namespace")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void sparkDriverHost_isTheHeadlessServiceFullyQualified(String stem) {
        RenderedApp app = RenderedApp.load(stem);
        String namespace = string(app.pod(), "metadata", "namespace");

        assertEquals(string(app.driverService(), "metadata", "name") + "." + namespace + ".svc",
                app.sparkDefaults().getProperty("spark.driver.host"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void executorTemplateAndSparkConf_areWhereTheConfigMapIsMounted(String stem) {
        RenderedApp app = RenderedApp.load(stem);
        String configMap = string(app.configMap(), "metadata", "name");
        List<Map<String, Object>> volumes = list(app.pod(), "spec", "volumes").stream()
                .filter(volume -> configMap.equals(string(volume, "configMap", "name")))
                .toList();
        assertEquals(1, volumes.size(), "volumes mounting " + configMap);
        assertNull(at(volumes.get(0), "configMap", "items"), "the volume holds every key of the ConfigMap");
        List<Map<String, Object>> mounts = list(app.driverContainer(), "volumeMounts").stream()
                .filter(mount -> string(volumes.get(0), "name").equals(string(mount, "name")))
                .toList();
        assertEquals(1, mounts.size(), "mounts of the ConfigMap volume");
        assertNull(at(mounts.get(0), "subPath"));
        String mountPath = string(mounts.get(0), "mountPath");

        assertEquals(mountPath + "/executor-pod-template.yaml",
                app.sparkDefaults().getProperty("spark.kubernetes.executor.podTemplateFile"));
        assertEquals(mountPath, app.driverEnv().get("SPARK_CONF_DIR"), "SPARK_CONF_DIR, where spark-submit reads the conf");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void driverAndBlockManagerPorts_agreeAcrossConfContainerAndHeadlessService(String stem) {
        RenderedApp app = RenderedApp.load(stem);

        for (String key : List.of("spark.driver.port", "spark.driver.blockManager.port")) {
            int port = Integer.parseInt(app.sparkDefaults().getProperty(key));
            Map<String, Object> containerPort = containerPort(app, "containerPort", port);
            assertNotNull(containerPort, key + " " + port + " is no port of the driver container");
            assertTrue(list(app.driverService(), "spec", "ports").stream().anyMatch(servicePort ->
                            Integer.valueOf(port).equals(at(servicePort, "port")) && reaches(servicePort, containerPort)),
                    key + " " + port + " is no port of the headless service that reaches the container");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void uiServiceAndIngress_reachTheSparkUiContainerPortAtSparkUiPort(String stem) {
        RenderedApp app = RenderedApp.load(stem);
        Map<String, Object> sparkUi = containerPort(app, "name", "spark-ui");
        assertNotNull(sparkUi, "the driver container has no port named spark-ui");
        assertEquals(app.sparkDefaults().getProperty("spark.ui.port", "4040"), string(sparkUi, "containerPort"));
        List<Map<String, Object>> uiPorts = list(app.uiService(), "spec", "ports").stream()
                .filter(port -> reaches(port, sparkUi))
                .toList();
        assertFalse(uiPorts.isEmpty(), "no port of the UI service reaches spark-ui");

        app.ingress().ifPresent(ingress -> {
            for (Map<String, Object> backend : backends(ingress)) {
                assertEquals(string(app.uiService(), "metadata", "name"), string(backend, "service", "name"));
                Map<String, Object> port = map(backend, "service", "port");
                assertTrue(uiPorts.stream().anyMatch(uiPort -> port.containsKey("name")
                        ? Objects.equals(port.get("name"), uiPort.get("name"))
                        : Objects.equals(port.get("number"), uiPort.get("port"))), "the backend port " + port);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void ingressRoutes_byPathUnderTheProxyBase_onAnyHostOrOne_orByAWholeHostWithoutOne(String stem) {
        RenderedApp app = RenderedApp.load(stem);
        String proxyBase = app.sparkDefaults().getProperty("spark.ui.proxyBase");
        if (app.ingress().isEmpty()) {
            assertNull(proxyBase, "no Ingress, no proxy base");
            return;
        }
        Map<String, Object> ingress = app.ingress().get();
        String rewrite = string(map(ingress, "metadata", "annotations"), "nginx.ingress.kubernetes.io/rewrite-target");

        for (Map<String, Object> rule : list(ingress, "spec", "rules")) {
            for (Map<String, Object> path : list(rule, "http", "paths")) {
                if ("/".equals(path.get("path"))) {
                    assertTrue(rule.get("host") != null, "the root of any host is no route for one app");
                    assertNull(proxyBase, "host routing needs no spark.ui.proxyBase");
                    assertNull(rewrite, "host routing needs no rewrite");
                } else {
                    Matcher route = PATH_ROUTE.matcher(string(path, "path"));
                    assertTrue(route.matches(), "path " + path.get("path") + " is not <prefix>(/|$)(.*)");
                    assertEquals(route.group(1), proxyBase, "spark.ui.proxyBase");
                    assertEquals("/$2", rewrite, "the nginx rewrite-target");
                    assertEquals("ImplementationSpecific", string(path, "pathType"));
                }
            }
        }
    }

    private static List<Map<String, Object>> backends(Map<String, Object> ingress) {
        List<Map<String, Object>> backends = new ArrayList<>();
        if (at(ingress, "spec", "defaultBackend") != null) {
            backends.add(map(ingress, "spec", "defaultBackend"));
        }
        list(ingress, "spec", "rules").forEach(rule ->
                list(rule, "http", "paths").forEach(path -> backends.add(map(path, "backend"))));
        assertFalse(backends.isEmpty(), "the Ingress routes nowhere");
        return backends;
    }

    /** A port of the driver container whose field has a value, or null. */
    private static Map<String, Object> containerPort(RenderedApp app, String field, Object value) {
        return list(app.driverContainer(), "ports").stream()
                .filter(port -> value.equals(port.get(field)))
                .findFirst().orElse(null);
    }

    /** Whether a Service port's targetPort (a number, a name, or absent: its port) is the container port. */
    private static boolean reaches(Map<String, Object> servicePort, Map<String, Object> containerPort) {
        Object target = servicePort.getOrDefault("targetPort", servicePort.get("port"));
        return target.equals(containerPort.get("containerPort")) || target.equals(containerPort.get("name"));
    }
}
