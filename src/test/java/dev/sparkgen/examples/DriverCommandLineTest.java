package dev.sparkgen.examples;

import static dev.sparkgen.testing.KubeYaml.string;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sparkgen.testing.RenderedApp;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The driver's spark-submit line overrides spark-defaults.conf with values taken at run time from the downward API
 * ({@code $(VAR)} expanded as Kubernetes does): in the rendered namespace they agree with the file, and under a
 * kustomize overlay that moves the pod they follow the pod.
 */
class DriverCommandLineTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void submitConfs_inTheRenderedNamespace_agreeWithSparkDefaults(String stem) {
        RenderedApp app = RenderedApp.load(stem);
        String namespace = string(app.pod(), "metadata", "namespace");
        Properties file = app.sparkDefaults();

        Map<String, String> confs = app.submitConfs(namespace);

        assertAll(
                () -> assertEquals(namespace, confs.get("spark.kubernetes.namespace")),
                () -> assertEquals(file.getProperty("spark.kubernetes.namespace"), confs.get("spark.kubernetes.namespace")),
                () -> assertEquals(file.getProperty("spark.driver.host"), confs.get("spark.driver.host")),
                () -> assertEquals(RenderedApp.SAMPLE_POD_IP, confs.get("spark.driver.bindAddress"),
                        "the driver binds to its pod IP, not to the service name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void submitConfs_underANamespaceOverlay_followThePodsNewNamespace(String stem) {
        RenderedApp app = RenderedApp.load(stem);

        Map<String, String> confs = app.submitConfs("overlaid");

        assertEquals("overlaid", confs.get("spark.kubernetes.namespace"));
        assertEquals(string(app.driverService(), "metadata", "name") + ".overlaid.svc", confs.get("spark.driver.host"));
    }
}
