package dev.sparkgen.render;

import static dev.sparkgen.model.PodNames.BIND_ADDRESS_VAR;
import static dev.sparkgen.model.PodNames.CONFIG_MAP_VOLUMES;
import static dev.sparkgen.model.PodNames.CONF_VOLUME;
import static dev.sparkgen.model.PodNames.HADOOP_VOLUME;
import static dev.sparkgen.model.PodNames.METRICS_VOLUME;
import static dev.sparkgen.model.PodNames.NAMESPACE_VAR;
import static dev.sparkgen.model.PodNames.POD_NAME_VAR;
import static dev.sparkgen.model.PodNames.SCRATCH_VOLUME;
import static dev.sparkgen.model.PodNames.SECRET_VOLUMES;
import static dev.sparkgen.model.PodNames.volumeName;

import dev.sparkgen.model.App;
import dev.sparkgen.model.ContainerSettings;
import dev.sparkgen.model.Derive;
import dev.sparkgen.model.EnvVar;
import dev.sparkgen.model.Features;
import dev.sparkgen.model.Mount;
import dev.sparkgen.model.NodeAffinity;
import dev.sparkgen.model.PodNames;
import dev.sparkgen.model.PodSettings;
import dev.sparkgen.model.Role;
import dev.sparkgen.model.Run;
import dev.sparkgen.model.SparkJob;
import dev.sparkgen.render.View.Arg;
import dev.sparkgen.render.View.Env;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The two pods of an app, the driver pod and the executors' template: spark-submit's command line, the env,
 * ports, resources, mounts and volumes spark-gen gives them, and each role's passed-through settings. The one
 * place that knows how a role becomes a pod; a driver in another wrapper (a Job, a CronJob) reuses its spec.
 */
final class Pods {

    static final String RPC_PORT = "driver-rpc-port";
    static final String BLOCK_MANAGER_PORT = "blockmanager";
    static final String UI_PORT = "spark-ui";

    private Pods() {
    }

    // ---------------------------------------------------------------- the driver pod

    static View.DriverPod driver(App app) {
        SparkJob job = app.job();
        Role role = job.driver().role();
        Map<String, Object> spec = podFields(role, job, app.serviceAccount());
        spec.put("restartPolicy", job.restartPolicy());
        if (!job.imagePullSecrets().isEmpty()) {
            List<Object> secrets = new ArrayList<>();
            for (String name : job.imagePullSecrets()) {
                secrets.add(Map.of("name", name));
            }
            spec.put("imagePullSecrets", List.copyOf(secrets));
        }
        if (!job.driver().initContainers().isEmpty()) {
            spec.put("initContainers", job.driver().initContainers());
        }
        List<Env> env = new ArrayList<>();
        env.add(Env.literal(PodNames.HOME_VAR, job.sparkHome()));
        env.add(Env.literal(PodNames.CONF_DIR_VAR, App.CONF_DIR));
        env.add(Env.literal(PodNames.LOCAL_DIRS_VAR, App.LOCAL_DIRS));
        env.add(Env.from(BIND_ADDRESS_VAR, Map.of("fieldRef", Map.of("fieldPath", "status.podIP"))));
        env.add(Env.from(NAMESPACE_VAR, Map.of("fieldRef", Map.of("fieldPath", "metadata.namespace"))));
        if (job.run().byController()) {
            env.add(Env.from(POD_NAME_VAR, Map.of("fieldRef", Map.of("fieldPath", "metadata.name"))));
        }
        env.addAll(commonEnv(job, role));
        List<View.Port> ports = new ArrayList<>(List.of(new View.Port(RPC_PORT, job.driver().port()),
                new View.Port(BLOCK_MANAGER_PORT, job.driver().blockManagerPort()),
                new View.Port(UI_PORT, job.ui().port())));
        Features.Monitoring monitoring = job.monitoring();
        if (monitoring.jmxExporter() && monitoring.exposeDriverMetrics()) {
            ports.add(new View.Port(monitoring.portName(), monitoring.port()));
        }
        long podMiB = app.driverSizing().podMiB();
        View.Resources resources = new View.Resources(Derive.cpuRequest(role), podMiB + "Mi",
                role.coreLimit() != null ? role.coreLimit() : "",
                (job.driver().memoryLimit() != null ? job.driver().memoryLimit().mebibytes() : podMiB) + "Mi",
                role.gpu() != null ? role.gpu().name() : "", role.gpu() != null ? role.gpu().quantity() : 0);
        List<Object> mounts = new ArrayList<>();
        mounts.add(mount(CONF_VOLUME, App.CONF_DIR, true));
        mounts.add(mount(SCRATCH_VOLUME, App.SCRATCH_DIR, false));
        mounts.addAll(roleMounts(job, role, false));

        List<Object> volumes = new ArrayList<>();
        if (job.sparkConfigMap() != null) {
            volumes.add(Map.of("name", CONF_VOLUME, "projected", Map.of("sources", List.of(
                    Map.of("configMap", Map.of("name", app.names().configMap())),
                    Map.of("configMap", Map.of("name", job.sparkConfigMap()))))));
        } else {
            volumes.add(Map.of("name", CONF_VOLUME, "configMap", Map.of("name", app.names().configMap())));
        }
        volumes.add(Map.of("name", SCRATCH_VOLUME, "emptyDir", Map.of()));
        volumes.addAll(roleVolumes(app, role, mounted(mounts, job.driver().initContainers(),
                job.driver().sidecars())));
        return new View.DriverPod(app.driverLabels(), app.driverAnnotations(), spec,
                role.image() != null ? role.image() : job.image(), job.imagePullPolicy(), args(app), env, ports,
                resources, mounts, containerFields(role.container()),
                job.driver().sidecars(), volumes);
    }

    /**
     * spark-submit in client mode. What depends on the pod at run time comes from the downward API: the bind
     * address (the pod IP) and the namespace, so that a kustomize overlay that moves the objects to another
     * namespace keeps them working.
     */
    private static List<Arg> args(App app) {
        SparkJob job = app.job();
        List<Arg> args = new ArrayList<>();
        args.add(new Arg(job.sparkHome() + "/bin/spark-submit", true));
        args.add(new Arg("--conf", false));
        args.add(new Arg("spark.driver.bindAddress=$(" + BIND_ADDRESS_VAR + ")", false));
        args.add(new Arg("--conf", false));
        args.add(new Arg("spark.kubernetes.namespace=$(" + NAMESPACE_VAR + ")", false));
        args.add(new Arg("--conf", false));
        Run run = job.run();
        args.add(new Arg("spark.driver.host=" + (run.driverReachedAtPodIp() ? "$(" + BIND_ADDRESS_VAR + ")"
                : app.names().driverHost("$(" + NAMESPACE_VAR + ")")), false));
        if (run.byController()) {
            // The executors' owner is the pod the Job controller named; with Never each attempt is a new pod, so
            // executors named after it never collide with a failed attempt's (OnFailure keeps the pod: Spark
            // then makes a prefix of its own for each spark-submit).
            args.add(new Arg("--conf", false));
            args.add(new Arg("spark.kubernetes.driver.pod.name=$(" + POD_NAME_VAR + ")", false));
            if (job.restartPolicy().equals("Never")) {
                args.add(new Arg("--conf", false));
                args.add(new Arg("spark.kubernetes.executor.podNamePrefix=$(" + POD_NAME_VAR + ")", false));
            }
        }
        if (job.type().isJvm() && job.mainClass() != null) {
            args.add(new Arg("--class", false));
            args.add(new Arg(job.mainClass(), true));
        }
        args.add(new Arg(job.mainApplicationFile(), true));
        for (String argument : job.arguments()) {
            args.add(new Arg(argument, true));
        }
        return args;
    }

    // ---------------------------------------------------------------- the executor pod template

    static View.ExecutorTemplate executor(App app) {
        SparkJob job = app.job();
        Role role = job.executor().role();
        Map<String, Object> spec = podFields(role, job, job.executor().serviceAccount());
        List<Object> mounts = roleMounts(job, role, true);
        List<Object> volumes = roleVolumes(app, role, mounted(mounts, job.executor().initContainers(),
                job.executor().sidecars()));
        if (!volumes.isEmpty()) {
            spec.put("volumes", volumes);
        }
        if (!job.executor().initContainers().isEmpty()) {
            spec.put("initContainers", job.executor().initContainers());
        }
        Map<String, Object> container = containerFields(role.container());
        if (!mounts.isEmpty()) {
            container.put("volumeMounts", mounts);
        }
        Features.Monitoring monitoring = job.monitoring();
        if (monitoring.jmxExporter() && monitoring.exposeExecutorMetrics()) {
            container.put("ports", List.of(containerPort(monitoring.portName(), monitoring.port())));
        }
        return new View.ExecutorTemplate(app.executorLabels(), app.executorAnnotations(), spec, container,
                commonEnv(job, role), job.executor().sidecars());
    }

    // ---------------------------------------------------------------- shared by both pods

    /**
     * Pod-level settings of a role: scheduling, placement, identity, security, DNS. A pod on the host's network
     * gets the DNS policy that still resolves cluster names (Kubernetes' default would use the node's resolver,
     * and the executors could not find the driver's Service).
     */
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
    private static List<Env> commonEnv(SparkJob job, Role role) {
        List<Env> env = new ArrayList<>();
        for (EnvVar var : role.container().env()) {
            env.add(var.valueFrom() != null ? Env.from(var.name(), var.valueFrom()) : Env.literal(var.name(), var.value()));
        }
        for (Mount secret : role.secrets()) {
            if (secret.type().equals("GCPServiceAccount")) {
                env.add(Env.literal("GOOGLE_APPLICATION_CREDENTIALS", secret.path() + "/key.json"));
            } else if (secret.type().equals("HadoopDelegationToken")) {
                env.add(Env.literal("HADOOP_TOKEN_FILE_LOCATION", secret.path() + "/hadoop.token"));
            }
        }
        if (job.hadoopConfigMap() != null) {
            env.add(Env.literal("HADOOP_CONF_DIR", App.HADOOP_CONF_DIR));
        }
        return env;
    }

    /** A role's mounts: its own volumeMounts, its Secrets and ConfigMaps, the Hadoop and metrics config. */
    private static List<Object> roleMounts(SparkJob job, Role role, boolean executor) {
        List<Object> mounts = new ArrayList<>();
        if (role.container().volumeMounts() != null) {
            mounts.addAll(role.container().volumeMounts());
        }
        for (int i = 0; i < role.secrets().size(); i++) {
            mounts.add(mount(volumeName(SECRET_VOLUMES, i), role.secrets().get(i).path(), true));
        }
        for (int i = 0; i < role.configMaps().size(); i++) {
            mounts.add(mount(volumeName(CONFIG_MAP_VOLUMES, i), role.configMaps().get(i).path(), true));
        }
        if (job.hadoopConfigMap() != null) {
            mounts.add(mount(HADOOP_VOLUME, App.HADOOP_CONF_DIR, true));
        }
        Features.Monitoring monitoring = job.monitoring();
        if (executor && monitoring.jmxExporter() && monitoring.exposeExecutorMetrics()
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
            volumes.add(Map.of("name", volumeName(SECRET_VOLUMES, i), "secret",
                    Map.of("secretName", role.secrets().get(i).name())));
        }
        for (int i = 0; i < role.configMaps().size(); i++) {
            volumes.add(Map.of("name", volumeName(CONFIG_MAP_VOLUMES, i), "configMap",
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

    /** The names of the volumes a pod's containers mount (volumeMounts are schema-checked mappings). */
    private static Set<String> mounted(List<Object> mounts, List<Object> initContainers, List<Object> sidecars) {
        Set<String> names = new LinkedHashSet<>();
        addNames(names, mounts);
        for (List<Object> containers : List.of(initContainers, sidecars)) {
            for (Object container : containers) {
                if (((Map<?, ?>) container).get("volumeMounts") instanceof List<?> items) {
                    addNames(names, items);
                }
            }
        }
        return names;
    }

    private static void addNames(Set<String> names, List<?> mounts) {
        for (Object mount : mounts) {
            names.add(String.valueOf(((Map<?, ?>) mount).get("name")));
        }
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

    // ---------------------------------------------------------------- small Kubernetes shapes

    private static void put(Map<String, Object> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
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
}
