package dev.sparkgen.render;

import dev.sparkgen.model.App;
import dev.sparkgen.model.NodeAffinity;
import dev.sparkgen.model.Role;
import dev.sparkgen.model.SparkJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the templates see: an app laid out as maps, lists and raw strings, in the shape of the objects.
 * Values stay raw here; the templates' filters encode them. Building it decides nothing: every name, size and
 * property comes from the {@link App}.
 */
final class View {

    static final String CONTAINER = "spark-kubernetes-driver";
    static final String CONF_VOLUME = "spark-conf";
    static final String SCRATCH_VOLUME = "spark-scratch";
    /** Env vars spark-gen sets in the driver container; the args refer to the last two. */
    static final String BIND_ADDRESS_VAR = "SPARK_DRIVER_BIND_ADDRESS";
    static final String NAMESPACE_VAR = "SPARK_NAMESPACE";
    static final List<String> DRIVER_ENV = List.of("SPARK_HOME", "SPARK_CONF_DIR", "SPARK_LOCAL_DIRS",
            BIND_ADDRESS_VAR, NAMESPACE_VAR);
    static final String RPC_PORT = "driver-rpc-port";
    static final String BLOCK_MANAGER_PORT = "blockmanager";
    static final String UI_PORT = "spark-ui";

    private View() {
    }

    /** One argument of the driver's command; a literal one is escaped against Kubernetes' $(VAR) expansion. */
    static Map<String, Object> arg(String text, boolean literal) {
        return Map.of("text", text, "literal", literal);
    }

    static Map<String, Object> of(App app, IngressApi api, String source) {
        SparkJob job = app.job();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("source", source);
        view.put("app", app.name());
        view.put("namespace", job.namespace());
        view.put("names", Map.of("pod", app.names().driverPod(), "cm", app.names().configMap(),
                "driverSvc", app.names().driverService(), "uiSvc", app.names().uiService(),
                "ingress", app.names().ingress()));
        view.put("labels", app.labels());
        view.put("selector", app.selector());
        view.put("image", job.image());
        view.put("imagePullPolicy", job.imagePullPolicy());
        view.put("priorityClassName", orEmpty(job.priorityClassName()));
        view.put("schedulerName", orEmpty(job.schedulerName()));
        view.put("pod", pod(app));
        view.put("executor", executor(app));
        view.put("sparkDefaults", app.sparkDefaults());
        view.put("sparkEnv", job.sparkEnv());
        view.put("driverPorts", List.of(
                port(RPC_PORT, job.driver().port(), null),
                port(BLOCK_MANAGER_PORT, job.driver().blockManagerPort(), null)));
        view.put("uiService", Map.of("type", job.ui().serviceType(),
                "ports", List.of(port(UI_PORT, job.ui().port(), job.ui().nodePort()))));
        view.put("ingress", ingress(app, api));
        view.put("resources", resources(app));
        return view;
    }

    /** The files the kustomization lists, in the contract's order. */
    static List<String> resources(App app) {
        List<String> files = new ArrayList<>(List.of("driver-pod.yaml", "configmap.yaml", "driver-svc.yaml",
                "ui-svc.yaml"));
        if (app.job().ui().ingress().enabled()) {
            files.add("ui-ingress.yaml");
        }
        return files;
    }

    private static Map<String, Object> pod(App app) {
        SparkJob job = app.job();
        Role role = job.driver().role();
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("labels", app.driverLabels());
        pod.put("annotations", role.annotations());
        pod.put("restartPolicy", job.restartPolicy());
        pod.put("serviceAccountName", orEmpty(job.serviceAccountName()));
        pod.put("affinity", affinity(role.nodeAffinity()));
        pod.put("imagePullSecrets", job.imagePullSecrets().stream().map(name -> Map.of("name", name)).toList());
        pod.put("args", args(app));
        pod.put("env", driverEnv(app));
        pod.put("ports", List.of(port(RPC_PORT, job.driver().port(), null),
                port(BLOCK_MANAGER_PORT, job.driver().blockManagerPort(), null),
                port(UI_PORT, job.ui().port(), null)));
        Map<String, Object> requests = new TreeMap<>();
        requests.put("cpu", String.valueOf(role.cores()));
        requests.put("memory", app.driverSizing().podMiB() + "Mi");
        Map<String, Object> limits = new TreeMap<>();
        limits.put("memory", app.driverSizing().podMiB() + "Mi");
        if (role.coreLimit() != null) {
            limits.put("cpu", role.coreLimit());
        }
        pod.put("resources", Map.of("requests", requests, "limits", limits));
        pod.put("volumeMounts", List.of(
                Map.of("name", CONF_VOLUME, "mountPath", App.CONF_DIR, "readOnly", true),
                Map.of("name", SCRATCH_VOLUME, "mountPath", App.SCRATCH_DIR)));
        pod.put("volumes", List.of(
                Map.of("name", CONF_VOLUME, "configMap", Map.of("name", app.names().configMap())),
                Map.of("name", SCRATCH_VOLUME, "emptyDir", Map.of())));
        return pod;
    }

    /**
     * spark-submit in client mode. What depends on the pod at run time comes from the downward API: the bind
     * address (the pod IP) and the namespace, so that a kustomize overlay that moves the objects to another
     * namespace keeps them working.
     */
    private static List<Map<String, Object>> args(App app) {
        SparkJob job = app.job();
        List<Map<String, Object>> args = new ArrayList<>();
        args.add(arg(job.sparkHome() + "/bin/spark-submit", true));
        args.add(arg("--conf", false));
        args.add(arg("spark.driver.bindAddress=$(" + BIND_ADDRESS_VAR + ")", false));
        args.add(arg("--conf", false));
        args.add(arg("spark.kubernetes.namespace=$(" + NAMESPACE_VAR + ")", false));
        args.add(arg("--conf", false));
        args.add(arg("spark.driver.host=" + app.names().driverService() + ".$(" + NAMESPACE_VAR + ").svc", false));
        if (job.type().isJvm() && job.mainClass() != null) {
            args.add(arg("--class", false));
            args.add(arg(job.mainClass(), true));
        }
        args.add(arg(job.mainApplicationFile(), true));
        job.arguments().forEach(a -> args.add(arg(a, true)));
        return args;
    }

    private static List<Map<String, Object>> driverEnv(App app) {
        SparkJob job = app.job();
        List<Map<String, Object>> env = new ArrayList<>();
        env.add(envValue("SPARK_HOME", job.sparkHome()));
        env.add(envValue("SPARK_CONF_DIR", App.CONF_DIR));
        env.add(envValue("SPARK_LOCAL_DIRS", App.LOCAL_DIRS));
        env.add(envField(BIND_ADDRESS_VAR, "status.podIP"));
        env.add(envField(NAMESPACE_VAR, "metadata.namespace"));
        job.driver().role().env().forEach((name, value) -> env.add(envValue(name, value)));
        return env;
    }

    static List<Map<String, Object>> userEnv(SortedMap<String, String> env) {
        List<Map<String, Object>> list = new ArrayList<>();
        env.forEach((name, value) -> list.add(envValue(name, value)));
        return list;
    }

    private static Map<String, Object> envValue(String name, String value) {
        return Map.of("name", name, "value", value, "fieldPath", "");
    }

    /** A variable from the downward API. */
    private static Map<String, Object> envField(String name, String fieldPath) {
        return Map.of("name", name, "value", "", "fieldPath", fieldPath);
    }

    private static Map<String, Object> executor(App app) {
        SparkJob job = app.job();
        Role role = job.executor().role();
        Map<String, Object> executor = new LinkedHashMap<>();
        executor.put("labels", app.executorLabels());
        executor.put("annotations", role.annotations());
        executor.put("affinity", affinity(role.nodeAffinity()));
        executor.put("env", userEnv(role.env()));
        return executor;
    }

    private static Map<String, Object> affinity(NodeAffinity affinity) {
        if (affinity == null) {
            return Map.of();
        }
        Map<String, Object> expression = Map.of("key", affinity.key(), "operator", "In", "values", affinity.values());
        return Map.of("nodeAffinity", Map.of("requiredDuringSchedulingIgnoredDuringExecution",
                Map.of("nodeSelectorTerms", List.of(Map.of("matchExpressions", List.of(expression))))));
    }

    /** Templates fail on an unknown (null) value, so that a typo in one cannot pass: absent is empty. */
    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Map<String, Object> port(String name, int port, Integer nodePort) {
        Map<String, Object> map = new TreeMap<>();
        map.put("name", name);
        map.put("port", port);
        map.put("targetPort", port);
        map.put("protocol", "TCP");
        if (nodePort != null) {
            map.put("nodePort", nodePort);
        }
        return map;
    }

    private static Map<String, Object> ingress(App app, IngressApi api) {
        var ingress = app.job().ui().ingress();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("apiVersion", api.apiVersion());
        SortedMap<String, String> annotations = new TreeMap<>(ingress.annotations());
        if (app.pathRouted()) {
            annotations.put("nginx.ingress.kubernetes.io/rewrite-target", "/$2");
        }
        if (!api.classField()) {
            annotations.put(IngressApi.CLASS_ANNOTATION, ingress.className());
        }
        view.put("annotations", annotations);
        view.put("className", api.classField() ? ingress.className() : "");
        view.put("host", orEmpty(ingress.host()));
        view.put("path", app.pathRouted() ? app.uiPath() + "(/|$)(.*)" : "/");
        view.put("pathType", !api.pathType() ? "" : app.pathRouted() ? "ImplementationSpecific" : "Prefix");
        view.put("serviceBackend", api.serviceBackend());
        view.put("tls", ingress.tlsSecretName() == null ? List.of()
                : List.of(Map.of("hosts", List.of(ingress.host()), "secretName", ingress.tlsSecretName())));
        return view;
    }
}
