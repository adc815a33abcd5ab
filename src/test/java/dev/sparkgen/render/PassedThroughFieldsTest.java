package dev.sparkgen.render;

import static dev.sparkgen.testing.KubeYaml.at;
import static dev.sparkgen.testing.KubeYaml.list;
import static dev.sparkgen.testing.KubeYaml.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.KubeYaml;
import dev.sparkgen.testing.RenderedApp;
import dev.sparkgen.testing.SparkGenCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fields no example shows, each rendered through the command line and found where the README says it lands;
 * and the "restricted" profile meeting the Pod Security Standards' restricted level.
 */
class PassedThroughFieldsTest {

    @TempDir
    Path cwd;

    private RenderedApp render(String more) throws IOException {
        Files.writeString(cwd.resolve("job.yaml"), "apiVersion: spark-gen/v1\nkind: SparkJob\nname: pt\n"
                + "namespace: data\nimage: repo/spark:3.5.1\nsparkVersion: 3.5.1\n"
                + "mainApplicationFile: local:///opt/app.jar\nmainClass: com.example.Main\n" + more);
        SparkGenCli.Result result = SparkGenCli.runIn(cwd, "render", "job.yaml", "-o", "out");
        assertEquals(0, result.exitCode(), result.err());
        return RenderedApp.load("pt", cwd.resolve("out"));
    }

    @Test
    void sparkAndHadoopConfigMaps_areMountedBesideSparkGensAndAtHadoopConfDir() throws IOException {
        RenderedApp app = render("sparkConfigMap: team-log4j\nhadoopConfigMap: hadoop-site\n");

        Map<String, Object> conf = volume(app.pod(), "spark-conf");
        assertEquals(List.of("pt-cm", "team-log4j"), list(conf, "projected", "sources").stream()
                .map(s -> string(s, "configMap", "name")).toList());
        assertEquals("hadoop-site", string(volume(app.pod(), "hadoop-conf"), "configMap", "name"));
        assertTrue(env(app.driverContainer()).contains("HADOOP_CONF_DIR=/etc/hadoop/conf"));
        Map<String, Object> executor = first(list(app.executorTemplate(), "spec", "containers"));
        assertTrue(env(executor).contains("HADOOP_CONF_DIR=/etc/hadoop/conf"));
        assertEquals("hadoop-site", string(first(list(app.executorTemplate(), "spec", "volumes")), "configMap", "name"));
    }

    @Test
    void secretsAndConfigMapsByNameAndPath_becomeVolumesAndMounts_perRole() throws IOException {
        RenderedApp app = render("driver:\n  configMaps: [{name: lookup, path: /etc/lookup}]\n"
                + "executor:\n  secrets: [{name: creds, path: /etc/creds, secretType: HadoopDelegationToken}]\n");

        assertEquals("lookup", string(volume(app.pod(), "configmap-0"), "configMap", "name"));
        assertTrue(mounts(app.driverContainer()).contains("configmap-0=/etc/lookup"));
        Map<String, Object> template = app.executorTemplate();
        assertEquals("creds", string(first(list(template, "spec", "volumes")), "secret", "secretName"));
        Map<String, Object> executor = first(list(template, "spec", "containers"));
        assertTrue(mounts(executor).contains("secret-0=/etc/creds"));
        assertTrue(env(executor).contains("HADOOP_TOKEN_FILE_LOCATION=/etc/creds/hadoop.token"));
    }

    @Test
    void podLevelSettings_landInBothPods() throws IOException {
        RenderedApp app = render("driver:\n  hostNetwork: true\n  coreRequest: 250m\n  image: repo/driver:1\n"
                + "  nodeSelector: {disk: ssd}\nexecutor:\n  image: repo/executor:1\n  coreRequest: 750m\n"
                + "  dnsConfig: {nameservers: [10.0.0.10]}\n  hostAliases: [{ip: 10.0.0.5, hostnames: [db]}]\n"
                + "  terminationGracePeriodSeconds: 5\n  lifecycle: {preStop: {exec: {command: [sleep, '5']}}}\n");

        assertEquals(true, at(app.pod(), "spec", "hostNetwork"));
        assertEquals("ClusterFirstWithHostNet", string(app.pod(), "spec", "dnsPolicy"));
        assertEquals("ssd", string(app.pod(), "spec", "nodeSelector", "disk"));
        assertEquals("250m", string(app.driverContainer(), "resources", "requests", "cpu"));
        assertEquals("repo/driver:1", string(app.driverContainer(), "image"));
        Map<String, Object> template = app.executorTemplate();
        assertEquals(List.of("10.0.0.10"), at(template, "spec", "dnsConfig", "nameservers"));
        assertEquals(5, at(template, "spec", "terminationGracePeriodSeconds"));
        assertEquals("db", ((List<?>) at(first(list(template, "spec", "hostAliases")), "hostnames")).get(0));
        assertTrue(at(first(list(template, "spec", "containers")), "lifecycle", "preStop") != null);
        assertEquals("repo/executor:1", app.sparkDefaults().getProperty("spark.kubernetes.executor.container.image"));
        assertEquals("750m", app.sparkDefaults().getProperty("spark.kubernetes.executor.request.cores"));
    }

    @Test
    void traefikWithPathRouting_stripsThePrefixWithAMiddleware() throws IOException {
        RenderedApp app = render("ui:\n  ingress:\n    className: traefik\n");

        Map<String, Object> ingress = app.ingress().orElseThrow();
        Map<String, Object> path = first(list(first(list(ingress, "spec", "rules")), "http", "paths"));
        assertEquals("/pt", string(path, "path"));
        assertEquals("Prefix", string(path, "pathType"));
        assertEquals("data-pt-strip-prefix@kubernetescrd",
                string(ingress, "metadata", "annotations", "traefik.ingress.kubernetes.io/router.middlewares"));
        Map<String, Object> middleware = KubeYaml.parse(Files.readString(cwd.resolve("out/traefik-middleware.yaml")));
        assertEquals("pt-strip-prefix", string(middleware, "metadata", "name"));
        assertEquals(List.of("/pt"), at(middleware, "spec", "stripPrefix", "prefixes"));
        assertEquals("/pt", app.sparkDefaults().getProperty("spark.ui.proxyBase"));
        assertTrue(Files.readString(cwd.resolve("out/kustomization.yaml")).contains("- traefik-middleware.yaml\n"));
    }

    /** The restricted level's rules, for the driver pod and the executor template (Kubernetes' pod-security docs). */
    @Test
    void restrictedProfile_meetsTheRestrictedPodSecurityStandard() throws IOException {
        RenderedApp app = render("profiles: [restricted]\nvolumes: [{name: data, persistentVolumeClaim: {claimName: d}}]\n"
                + "driver:\n  volumeMounts: [{name: data, mountPath: /data}]\n");

        for (Map<String, Object> pod : List.of(app.pod(), app.executorTemplate())) {
            Map<String, Object> podContext = KubeYaml.map(pod, "spec", "securityContext");
            assertEquals(true, podContext.get("runAsNonRoot"));
            assertEquals("RuntimeDefault", string(podContext, "seccompProfile", "type"));
            assertTrue(!Integer.valueOf(0).equals(podContext.get("runAsUser")));
            for (Map<String, Object> container : list(pod, "spec", "containers")) {
                Map<String, Object> context = KubeYaml.map(container, "securityContext");
                assertEquals(false, context.get("allowPrivilegeEscalation"));
                assertEquals(List.of("ALL"), at(context, "capabilities", "drop"));
                assertTrue(at(context, "capabilities", "add") == null);
                assertTrue(!Boolean.TRUE.equals(context.get("privileged")));
            }
            assertTrue(at(pod, "spec", "hostNetwork") == null && at(pod, "spec", "hostPID") == null);
            Object volumes = at(pod, "spec", "volumes");
            for (Object volume : volumes == null ? List.of() : (List<?>) volumes) {
                Map<?, ?> map = (Map<?, ?>) volume;
                assertTrue(map.keySet().stream().allMatch(k -> k.equals("name") || List.of("configMap", "emptyDir",
                        "projected", "secret", "downwardAPI", "persistentVolumeClaim", "ephemeral", "csi").contains(k)),
                        "a volume type the restricted level refuses: " + map.keySet());
            }
        }
    }

    private static Map<String, Object> first(List<Map<String, Object>> list) {
        return list.get(0);
    }

    private static Map<String, Object> volume(Map<String, Object> pod, String name) {
        return list(pod, "spec", "volumes").stream().filter(v -> name.equals(v.get("name"))).findFirst().orElseThrow();
    }

    private static List<String> env(Map<String, Object> container) {
        return list(container, "env").stream().map(e -> e.get("name") + "=" + e.get("value")).toList();
    }

    private static List<String> mounts(Map<String, Object> container) {
        return list(container, "volumeMounts").stream().map(m -> m.get("name") + "=" + m.get("mountPath")).toList();
    }
}
