package dev.sparkgen.render;

import dev.sparkgen.model.Access;
import dev.sparkgen.model.App;
import dev.sparkgen.model.ContainerSettings;
import dev.sparkgen.model.Derive;
import dev.sparkgen.model.EnvVar;
import dev.sparkgen.model.Mount;
import dev.sparkgen.model.NodeAffinity;
import dev.sparkgen.model.Options;
import dev.sparkgen.model.PodSettings;
import dev.sparkgen.model.Role;
import dev.sparkgen.model.SparkJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the templates see: an app laid out as maps, lists and raw strings, in the shape of the objects.
 * Values stay raw here; the templates' filters encode them. Building it decides nothing: every name, size,
 * route and property comes from the {@link App}; this only puts each where Kubernetes expects it.
 */
final class View {

    static final String CONF_VOLUME = "spark-conf";
    static final String SCRATCH_VOLUME = "spark-scratch";
    static final String HADOOP_VOLUME = "hadoop-conf";
    static final String METRICS_VOLUME = "spark-metrics";
    /** Env vars spark-gen sets in the driver container; the args refer to the last two. */
    static final String BIND_ADDRESS_VAR = "SPARK_DRIVER_BIND_ADDRESS";
    static final String NAMESPACE_VAR = "SPARK_NAMESPACE";
    static final String RPC_PORT = "driver-rpc-port";
    static final String BLOCK_MANAGER_PORT = "blockmanager";
    static final String UI_PORT = "spark-ui";
    static final Map<String, String> SYNC_BEFORE_THE_POD = Map.of("argocd.argoproj.io/sync-wave", "-1");

    private View() {
    }

    /** One argument of the driver's command; a literal one is escaped against Kubernetes' $(VAR) expansion. */
    static Map<String, Object> arg(String text, boolean literal) {
        return Map.of("text", text, "literal", literal);
    }

    static Map<String, Object> of(App app, IngressApi api, String source) {
        SparkJob job = app.job();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("source", source.replaceAll("[^A-Za-z0-9._-]", "_"));
        view.put("app", app.name());
        view.put("namespace", job.namespace());
        App.Names n = app.names();
        view.put("names", Map.of("pod", n.driverPod(), "cm", n.configMap(), "driverSvc", n.driverService(),
                "uiSvc", n.uiService(), "ingress", n.ingress(), "serviceAccount", n.serviceAccount(),
                "podGroup", n.podGroup(), "driverPolicy", n.driverPolicy(), "executorPolicy", n.executorPolicy()));
        view.put("labels", app.labels());
        view.put("imagePullPolicy", job.imagePullPolicy());
        view.put("syncBeforePod", SYNC_BEFORE_THE_POD);
        view.put("selector", app.selector());
        view.put("pod", driver(app));
        view.put("executor", executor(app));
        view.put("sparkDefaults", app.sparkDefaults());
        view.put("sparkEnv", job.sparkEnv());
        view.put("driverPorts", List.of(
                servicePort(RPC_PORT, job.driver().port(), null),
                servicePort(BLOCK_MANAGER_PORT, job.driver().blockManagerPort(), null)));
        SortedMap<String, String> uiLabels = new TreeMap<>(job.ui().serviceLabels());
        uiLabels.putAll(app.labels());
        view.put("uiService", Map.of("type", job.ui().serviceType(), "labels", uiLabels,
                "annotations", job.ui().serviceAnnotations(),
                "ports", List.of(servicePort(UI_PORT, job.ui().port(), job.ui().nodePort()))));
        view.put("ingress", ingress(app, api));
        view.put("rbac", Map.of("rules", Access.DRIVER_RULES));
        App.PodGroup group = app.podGroup();
        view.put("podGroup", group == null ? Map.of() : Map.of("queue", group.queue(),
                "priorityClassName", orEmpty(group.priorityClassName()), "minResources", group.minResources()));
        view.put("networkPolicy", Map.of("driverSelector", Access.pods(app, "driver"),
                "executorSelector", Access.pods(app, "executor"),
                "driverIngress", Access.driverIngress(app), "executorIngress", Access.executorIngress(app)));
        view.put("resources", resources(app));
        return view;
    }

    /** The files the kustomization lists: the contract's five (four without an Ingress), then further objects. */
    static List<String> resources(App app) {
        SparkJob job = app.job();
        List<String> files = new ArrayList<>(List.of("driver-pod.yaml", "configmap.yaml", "driver-svc.yaml",
                "ui-svc.yaml"));
        if (app.route().enabled()) {
            files.add("ui-ingress.yaml");
        }
        if (job.rbac()) {
            files.add("rbac.yaml");
        }
        if (app.podGroup() != null) {
            files.add("podgroup.yaml");
        }
        if (job.networkPolicy().create()) {
            files.add("networkpolicy.yaml");
        }
        if (traefikStripsPrefix(app)) {
            files.add("traefik-middleware.yaml");
        }
        return files;
    }

    /** Traefik strips a path prefix with a Middleware of its own: spark-gen writes one for path routing. */
    static boolean traefikStripsPrefix(App app) {
        return app.pathRouted() && "traefik".equals(app.route().className());
    }

    // ---------------------------------------------------------------- the driver pod

    private static Map<String, Object> driver(App app) {
        SparkJob job = app.job();
        Role role = job.driver().role();
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("labels", app.driverLabels());
        pod.put("annotations", app.driverAnnotations());
        Map<String, Object> fields = podFields(role, job, app.serviceAccount());
        fields.put("restartPolicy", job.restartPolicy());
        if (!job.imagePullSecrets().isEmpty()) {
            fields.put("imagePullSecrets", job.imagePullSecrets().stream().map(name -> Map.of("name", name)).toList());
        }
        if (!job.driver().initContainers().isEmpty()) {
            fields.put("initContainers", job.driver().initContainers());
        }
        pod.put("fields", fields);
        pod.put("image", role.image() != null ? role.image() : job.image());
        pod.put("args", args(app));
        List<Map<String, Object>> env = new ArrayList<>();
        env.add(envValue("SPARK_HOME", job.sparkHome()));
        env.add(envValue("SPARK_CONF_DIR", App.CONF_DIR));
        env.add(envValue("SPARK_LOCAL_DIRS", App.LOCAL_DIRS));
        env.add(envFrom(BIND_ADDRESS_VAR, Map.of("fieldRef", Map.of("fieldPath", "status.podIP"))));
        env.add(envFrom(NAMESPACE_VAR, Map.of("fieldRef", Map.of("fieldPath", "metadata.namespace"))));
        env.addAll(commonEnv(job, role));
        pod.put("env", env);
        List<Map<String, Object>> ports = new ArrayList<>(List.of(containerPort(RPC_PORT, job.driver().port()),
                containerPort(BLOCK_MANAGER_PORT, job.driver().blockManagerPort()),
                containerPort(UI_PORT, job.ui().port())));
        Options.Monitoring monitoring = job.monitoring();
        if (monitoring.jmxExporter() && monitoring.exposeDriverMetrics()) {
            ports.add(containerPort(monitoring.portName(), monitoring.port()));
        }
        pod.put("ports", ports);
        Map<String, Object> requests = new TreeMap<>();
        requests.put("cpu", Derive.cpuRequest(role));
        requests.put("memory", app.driverSizing().podMiB() + "Mi");
        Map<String, Object> limits = new TreeMap<>();
        limits.put("memory", (job.driver().memoryLimit() != null ? job.driver().memoryLimit().mebibytes()
                : app.driverSizing().podMiB()) + "Mi");
        if (role.coreLimit() != null) {
            limits.put("cpu", role.coreLimit());
        }
        if (role.gpu() != null) {
            limits.put(role.gpu().name(), role.gpu().quantity());
        }
        pod.put("resources", Map.of("requests", requests, "limits", limits));
        List<Object> mounts = new ArrayList<>();
        mounts.add(mount(CONF_VOLUME, App.CONF_DIR, true));
        mounts.add(mount(SCRATCH_VOLUME, App.SCRATCH_DIR, false));
        mounts.addAll(roleMounts(job, role, "driver"));
        pod.put("volumeMounts", mounts);
        pod.put("containerFields", containerFields(role.container()));
        pod.put("sidecars", job.driver().sidecars());

        List<Object> volumes = new ArrayList<>();
        volumes.add(Map.of("name", CONF_VOLUME, "configMap", Map.of("name", app.names().configMap())));
        if (job.sparkConfigMap() != null) {
            volumes.set(0, Map.of("name", CONF_VOLUME, "projected", Map.of("sources", List.of(
                    Map.of("configMap", Map.of("name", app.names().configMap())),
                    Map.of("configMap", Map.of("name", job.sparkConfigMap()))))));
        }
        volumes.add(Map.of("name", SCRATCH_VOLUME, "emptyDir", Map.of()));
        volumes.addAll(roleVolumes(app, role, mounted(mounts, job.driver().initContainers(),
                job.driver().sidecars())));
        pod.put("volumes", volumes);
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

    // ---------------------------------------------------------------- the executor pod template

    private static Map<String, Object> executor(App app) {
        SparkJob job = app.job();
        Role role = job.executor().role();
        Map<String, Object> executor = new LinkedHashMap<>();
        executor.put("labels", app.executorLabels());
        executor.put("annotations", app.executorAnnotations());
        Map<String, Object> fields = podFields(role, job, job.executor().serviceAccount());
        List<Object> mounts = roleMounts(job, role, "executor");
        List<Object> volumes = roleVolumes(app, role, mounted(mounts, job.executor().initContainers(),
                job.executor().sidecars()));
        if (!volumes.isEmpty()) {
            fields.put("volumes", volumes);
        }
        if (!job.executor().initContainers().isEmpty()) {
            fields.put("initContainers", job.executor().initContainers());
        }
        executor.put("sidecars", job.executor().sidecars());
        executor.put("fields", fields);
        Map<String, Object> container = containerFields(role.container());
        executor.put("env", commonEnv(job, role));
        if (!mounts.isEmpty()) {
            container.put("volumeMounts", mounts);
        }
        Options.Monitoring monitoring = job.monitoring();
        if (monitoring.jmxExporter() && monitoring.exposeExecutorMetrics()) {
            container.put("ports", List.of(containerPort(monitoring.portName(), monitoring.port())));
        }
        executor.put("container", container);
        return executor;
    }

    // ---------------------------------------------------------------- shared by both pods

    /** Pod-level settings of a role: scheduling, placement, identity, security, DNS. */
    private static Map<String, Object> podFields(Role role, SparkJob job, String serviceAccount) {
        PodSettings settings = role.pod();
        Map<String, Object> fields = new TreeMap<>();
        put(fields, "priorityClassName", job.priorityClassName());
        put(fields, "schedulerName", job.schedulerName());
        put(fields, "serviceAccountName", serviceAccount);
        put(fields, "affinity", affinity(role.nodeAffinity(), settings.affinity()));
        put(fields, "nodeSelector", settings.nodeSelector());
        put(fields, "tolerations", settings.tolerations());
        put(fields, "securityContext", settings.securityContext());
        if (Boolean.TRUE.equals(settings.hostNetwork())) {
            fields.put("hostNetwork", true);
            fields.put("dnsPolicy", "ClusterFirstWithHostNet");
        }
        put(fields, "dnsConfig", settings.dnsConfig());
        put(fields, "hostAliases", settings.hostAliases());
        put(fields, "terminationGracePeriodSeconds", settings.terminationGracePeriodSeconds());
        return fields;
    }

    /** Container-level settings of a role that are passed through as they are. */
    private static Map<String, Object> containerFields(ContainerSettings container) {
        Map<String, Object> fields = new TreeMap<>();
        put(fields, "envFrom", container.envFrom());
        put(fields, "securityContext", container.securityContext());
        put(fields, "lifecycle", container.lifecycle());
        return fields;
    }

    /** A role's env: its own (values literal), then what Secrets and a Hadoop ConfigMap set. */
    private static List<Map<String, Object>> commonEnv(SparkJob job, Role role) {
        List<Map<String, Object>> env = new ArrayList<>();
        for (EnvVar var : role.container().env()) {
            env.add(var.valueFrom() != null ? envFrom(var.name(), var.valueFrom()) : envValue(var.name(), var.value()));
        }
        for (Mount secret : role.secrets()) {
            if (secret.type().equals("GCPServiceAccount")) {
                env.add(envValue("GOOGLE_APPLICATION_CREDENTIALS", secret.path() + "/key.json"));
            } else if (secret.type().equals("HadoopDelegationToken")) {
                env.add(envValue("HADOOP_TOKEN_FILE_LOCATION", secret.path() + "/hadoop.token"));
            }
        }
        if (job.hadoopConfigMap() != null) {
            env.add(envValue("HADOOP_CONF_DIR", App.HADOOP_CONF_DIR));
        }
        return env;
    }

    /** A role's mounts: its own volumeMounts, its Secrets and ConfigMaps, the Hadoop and metrics config. */
    private static List<Object> roleMounts(SparkJob job, Role role, String which) {
        List<Object> mounts = new ArrayList<>();
        if (role.container().volumeMounts() != null) {
            mounts.addAll(role.container().volumeMounts());
        }
        for (int i = 0; i < role.secrets().size(); i++) {
            mounts.add(mount(volumeName("secret", i), role.secrets().get(i).path(), true));
        }
        for (int i = 0; i < role.configMaps().size(); i++) {
            mounts.add(mount(volumeName("configmap", i), role.configMaps().get(i).path(), true));
        }
        if (job.hadoopConfigMap() != null) {
            mounts.add(mount(HADOOP_VOLUME, App.HADOOP_CONF_DIR, true));
        }
        Options.Monitoring monitoring = job.monitoring();
        if (which.equals("executor") && monitoring.jmxExporter() && monitoring.exposeExecutorMetrics()
                && monitoring.configFile() == null) {
            mounts.add(mount(METRICS_VOLUME, App.EXECUTOR_METRICS_DIR, true));
        }
        return mounts;
    }

    /** The volumes behind a role's mounts: those of 'volumes' it mounts, its Secrets, ConfigMaps and the rest. */
    private static List<Object> roleVolumes(App app, Role role, Set<String> mounted) {
        SparkJob job = app.job();
        List<Object> volumes = new ArrayList<>();
        for (Object volume : job.volumes()) {
            if (volume instanceof Map<?, ?> map && mounted.contains(String.valueOf(map.get("name")))) {
                volumes.add(volume);
            }
        }
        for (int i = 0; i < role.secrets().size(); i++) {
            volumes.add(Map.of("name", volumeName("secret", i), "secret",
                    Map.of("secretName", role.secrets().get(i).name())));
        }
        for (int i = 0; i < role.configMaps().size(); i++) {
            volumes.add(Map.of("name", volumeName("configmap", i), "configMap",
                    Map.of("name", role.configMaps().get(i).name())));
        }
        if (job.hadoopConfigMap() != null) {
            volumes.add(Map.of("name", HADOOP_VOLUME, "configMap", Map.of("name", job.hadoopConfigMap())));
        }
        if (mounted.contains(METRICS_VOLUME)) {
            volumes.add(Map.of("name", METRICS_VOLUME, "configMap", Map.of("name", app.names().configMap(),
                    "items", List.of(Map.of("key", App.METRICS_FILE, "path", App.METRICS_FILE)))));
        }
        return volumes;
    }

    /** The names of the volumes a pod's containers mount. */
    @SuppressWarnings("unchecked")
    private static Set<String> mounted(List<Object> mounts, List<Object> initContainers, List<Object> sidecars) {
        Set<String> names = new LinkedHashSet<>();
        mounts.forEach(m -> names.add(String.valueOf(((Map<String, Object>) m).get("name"))));
        for (List<Object> containers : List.of(initContainers, sidecars)) {
            for (Object container : containers) {
                Object list = ((Map<String, Object>) container).get("volumeMounts");
                if (list instanceof List<?> items) {
                    items.forEach(m -> names.add(String.valueOf(((Map<String, Object>) m).get("name"))));
                }
            }
        }
        return names;
    }

    /** The names spark-gen gives the volumes of a role's Secrets and ConfigMaps. */
    static String volumeName(String kind, int index) {
        return kind + "-" + index;
    }

    /** The short node affinity and the full one, as one Kubernetes affinity (rules refuse both at once). */
    private static Map<String, Object> affinity(NodeAffinity nodeAffinity, Map<String, Object> affinity) {
        if (nodeAffinity == null) {
            return affinity;
        }
        Map<String, Object> combined = affinity == null ? new TreeMap<>() : new TreeMap<>(affinity);
        Map<String, Object> expression = Map.of("key", nodeAffinity.key(), "operator", "In",
                "values", nodeAffinity.values());
        combined.put("nodeAffinity", Map.of("requiredDuringSchedulingIgnoredDuringExecution",
                Map.of("nodeSelectorTerms", List.of(Map.of("matchExpressions", List.of(expression))))));
        return combined;
    }

    // ---------------------------------------------------------------- the UI

    private static Map<String, Object> ingress(App app, IngressApi api) {
        var ingress = app.job().ui().ingress();
        App.Route route = app.route();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("apiVersion", api.apiVersion());
        SortedMap<String, String> annotations = new TreeMap<>(ingress.annotations());
        boolean traefik = "traefik".equals(route.className());
        if (app.pathRouted() && !traefik) {
            annotations.put("nginx.ingress.kubernetes.io/rewrite-target", "/$2");
        }
        if (traefikStripsPrefix(app)) {
            annotations.put("traefik.ingress.kubernetes.io/router.middlewares",
                    app.job().namespace() + "-" + middleware(app) + "@kubernetescrd");
        }
        if (!api.classField()) {
            annotations.put(IngressApi.CLASS_ANNOTATION, route.className());
        }
        view.put("annotations", annotations);
        view.put("className", api.classField() ? route.className() : "");
        view.put("host", orEmpty(route.host()));
        boolean regex = app.pathRouted() && !traefik;
        view.put("path", !app.pathRouted() ? "/" : regex ? route.path() + "(/|$)(.*)" : route.path());
        view.put("pathType", !api.pathType() ? "" : regex ? "ImplementationSpecific" : "Prefix");
        view.put("serviceBackend", api.serviceBackend());
        view.put("tls", ingress.tlsSecretName() == null || route.host() == null ? List.of()
                : List.of(Map.of("hosts", List.of(route.host()), "secretName", ingress.tlsSecretName())));
        view.put("middleware", middleware(app));
        view.put("prefix", orEmpty(route.path()));
        return view;
    }

    static String middleware(App app) {
        return app.name() + "-strip-prefix";
    }

    // ---------------------------------------------------------------- small shapes

    private static void put(Map<String, Object> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    /** Templates fail on an unknown (null) value, so that a typo in one cannot pass: absent is empty. */
    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static Map<String, Object> envValue(String name, String value) {
        return Map.of("name", name, "value", value, "valueFrom", Map.of());
    }

    private static Map<String, Object> envFrom(String name, Map<String, Object> source) {
        return Map.of("name", name, "value", "", "valueFrom", source);
    }

    private static Map<String, Object> mount(String name, String path, boolean readOnly) {
        Map<String, Object> mount = new TreeMap<>();
        mount.put("name", name);
        mount.put("mountPath", path);
        if (readOnly) {
            mount.put("readOnly", true);
        }
        return mount;
    }

    private static Map<String, Object> containerPort(String name, int port) {
        return Map.of("name", name, "containerPort", port, "protocol", "TCP");
    }

    private static Map<String, Object> servicePort(String name, int port, Integer nodePort) {
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
}
