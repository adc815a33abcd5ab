package dev.sparkgen.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What spark-gen writes into {@code spark-defaults.conf}, which field each property comes from, and which
 * properties users may not set themselves: those it derives (the objects depend on them) and those a field of
 * the job sets.
 */
public final class SparkProperties {

    /** The API server as seen from inside the cluster. */
    public static final String MASTER = "k8s://https://kubernetes.default.svc";

    /** Derived properties, and why a user may not set them. */
    public static final Map<String, String> DERIVED = new LinkedHashMap<>();
    /** Properties a field sets: property, field. */
    public static final Map<String, String> FIELDS = new LinkedHashMap<>();
    /** Families of properties a field sets: prefix, field. */
    public static final Map<String, String> FIELD_PREFIXES = new LinkedHashMap<>();

    static {
        DERIVED.put("spark.submit.deployMode", "spark-submit runs in client mode inside the driver pod");
        DERIVED.put("spark.kubernetes.namespace", "it is the 'namespace' field, passed at run time from the pod");
        DERIVED.put("spark.kubernetes.driver.pod.name", "it names the pod that runs the driver (a Job's from the "
                + "downward API), so that the executors die with it");
        DERIVED.put("spark.driver.host", "it is the headless driver service spark-gen writes (with a CronJob's "
                + "Replace, the driver pod's own IP)");
        DERIVED.put("spark.driver.bindAddress", "the driver binds to its pod IP, from the downward API");
        DERIVED.put("spark.kubernetes.executor.podNamePrefix", "spark-gen names the executors: <app>-exec-N for a "
                + "Pod driver, a name unique to each attempt for a Job or CronJob, so that a retry never collides");
        DERIVED.put("spark.kubernetes.executor.podTemplateFile",
                "it is the executor pod template spark-gen writes into the ConfigMap");
        DERIVED.put("spark.ui.proxyBase", "it follows the Ingress path (set 'ui.ingress.path')");
        DERIVED.put("spark.ui.proxyRedirectUri", "it follows the Ingress (its path, host and TLS)");
        String overhead = "the overhead follows Spark's rule for the job's type; set 'executor.memoryOverhead' or "
                + "'driver.memoryOverhead' instead";
        DERIVED.put("spark.kubernetes.memoryOverheadFactor", overhead);
        DERIVED.put("spark.executor.memoryOverheadFactor", overhead);
        DERIVED.put("spark.driver.memoryOverheadFactor", overhead);
        DERIVED.put("spark.kubernetes.authenticate.driver.serviceAccountName",
                "it applies in cluster mode only; set 'serviceAccountName'");
        DERIVED.put("spark.kubernetes.driver.podTemplateFile",
                "it applies in cluster mode only; spark-gen writes the driver pod itself");
        DERIVED.put("spark.jars.ivy", "it is the driver's scratch volume when deps.packages is used");

        FIELDS.put("spark.executor.instances", "executor.instances");
        FIELDS.put("spark.executor.cores", "executor.cores");
        FIELDS.put("spark.executor.memory", "executor.memory");
        FIELDS.put("spark.executor.memoryOverhead", "executor.memoryOverhead");
        FIELDS.put("spark.kubernetes.executor.limit.cores", "executor.coreLimit");
        FIELDS.put("spark.kubernetes.executor.request.cores", "executor.coreRequest");
        FIELDS.put("spark.executor.extraJavaOptions", "executor.javaOptions");
        FIELDS.put("spark.kubernetes.executor.deleteOnTermination", "executor.deleteOnTermination");
        FIELDS.put("spark.kubernetes.authenticate.executor.serviceAccountName", "executor.serviceAccount");
        FIELDS.put("spark.driver.memory", "driver.memory");
        FIELDS.put("spark.driver.memoryOverhead", "driver.memoryOverhead");
        FIELDS.put("spark.driver.cores", "driver.cores");
        FIELDS.put("spark.kubernetes.driver.limit.cores", "driver.coreLimit");
        FIELDS.put("spark.kubernetes.driver.request.cores", "driver.coreRequest");
        FIELDS.put("spark.driver.extraJavaOptions", "driver.javaOptions");
        FIELDS.put("spark.driver.port", "driver.port");
        FIELDS.put("spark.driver.blockManager.port", "driver.blockManagerPort");
        FIELDS.put("spark.ui.port", "ui.port");
        FIELDS.put("spark.ui.killEnabled", "ui.killEnabled");
        FIELDS.put("spark.kubernetes.container.image", "image");
        FIELDS.put("spark.kubernetes.executor.container.image", "executor.image");
        FIELDS.put("spark.kubernetes.driver.container.image", "driver.image");
        FIELDS.put("spark.kubernetes.container.image.pullPolicy", "imagePullPolicy");
        FIELDS.put("spark.kubernetes.container.image.pullSecrets", "imagePullSecrets");
        FIELDS.put("spark.kubernetes.scheduler.name", "schedulerName");
        FIELDS.put("spark.kubernetes.executor.scheduler.name", "schedulerName");
        FIELDS.put("spark.jars", "deps.jars");
        FIELDS.put("spark.files", "deps.files");
        FIELDS.put("spark.submit.pyFiles", "deps.pyFiles");
        FIELDS.put("spark.jars.packages", "deps.packages");
        FIELDS.put("spark.jars.repositories", "deps.repositories");
        FIELDS.put("spark.jars.excludes", "deps.excludePackages");
        FIELDS.put("spark.archives", "deps.archives");
        FIELDS.put("spark.ui.prometheus.enabled", "monitoring.exposeExecutorMetrics");
        FIELDS.put("spark.dynamicAllocation.enabled", "dynamicAllocation.enabled");
        FIELDS.put("spark.dynamicAllocation.initialExecutors", "dynamicAllocation.initialExecutors");
        FIELDS.put("spark.dynamicAllocation.minExecutors", "dynamicAllocation.minExecutors");
        FIELDS.put("spark.dynamicAllocation.maxExecutors", "dynamicAllocation.maxExecutors");
        FIELDS.put("spark.dynamicAllocation.shuffleTracking.enabled", "dynamicAllocation.shuffleTrackingEnabled");
        FIELDS.put("spark.dynamicAllocation.shuffleTracking.timeout", "dynamicAllocation.shuffleTrackingTimeout");

        FIELD_PREFIXES.put("spark.hadoop.", "hadoopConf");
        FIELD_PREFIXES.put("spark.kubernetes.executor.label.", "executor.labels");
        FIELD_PREFIXES.put("spark.kubernetes.executor.annotation.", "executor.annotations");
        FIELD_PREFIXES.put("spark.executorEnv.", "executor.env");
        FIELD_PREFIXES.put("spark.kubernetes.executor.secrets.", "executor.secrets");
        FIELD_PREFIXES.put("spark.kubernetes.executor.volumes.", "volumes and executor.volumeMounts");
        FIELD_PREFIXES.put("spark.kubernetes.executor.node.selector.", "executor.nodeSelector");
        FIELD_PREFIXES.put("spark.kubernetes.node.selector.", "executor.nodeSelector");
        FIELD_PREFIXES.put("spark.kubernetes.driver.label.", "driver.labels");
        FIELD_PREFIXES.put("spark.kubernetes.driver.annotation.", "driver.annotations");
        FIELD_PREFIXES.put("spark.kubernetes.driverEnv.", "driver.env");
        FIELD_PREFIXES.put("spark.kubernetes.driver.secrets.", "driver.secrets");
    }

    private SparkProperties() {
    }

    /** The field that sets this property (directly or by its prefix), or null. */
    public static String fieldOf(String key) {
        String field = FIELDS.get(key);
        if (field != null) {
            return field;
        }
        for (Map.Entry<String, String> prefix : FIELD_PREFIXES.entrySet()) {
            if (key.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return null;
    }

    /**
     * The properties of {@code spark-defaults.conf}, sorted, and for each generated one the field it comes from
     * (a path such as {@code executor.instances}; {@code name} and {@code namespace} for the derived ones).
     */
    record Generated(SortedMap<String, String> values, Map<String, String> owners) {

        void put(String key, String value, String owner) {
            values.put(key, value);
            owners.put(key, owner);
        }

        void putList(String key, List<String> list, String owner) {
            if (!list.isEmpty()) {
                put(key, String.join(",", list), owner);
            }
        }
    }

    static Generated of(SparkJob job, String app, App.Names names, App.Route route) {
        Generated p = new Generated(new TreeMap<>(), new LinkedHashMap<>());
        p.put("spark.master", MASTER, "spark-gen");
        p.put("spark.app.name", app, "spark-gen");
        p.put("spark.submit.deployMode", "client", "spark-gen");
        p.put("spark.kubernetes.namespace", job.namespace(), "namespace");
        Run run = job.run();
        // A Job's controller names the driver pod, and Replace may overlap two drivers: the command line passes
        // these from the downward API instead (the pod's name, its IP).
        if (!run.byController()) {
            p.put("spark.kubernetes.driver.pod.name", names.driverPod(), "name");
        }
        if (!run.driverReachedAtPodIp()) {
            p.put("spark.driver.host", names.driverHost(job.namespace()), "name");
        }
        p.put("spark.driver.port", String.valueOf(job.driver().port()), "driver.port");
        p.put("spark.driver.blockManager.port", String.valueOf(job.driver().blockManagerPort()), "driver.blockManagerPort");
        p.put("spark.driver.memory", job.driver().role().memory().text(), "driver.memory");
        if (!run.byController()) {
            p.put("spark.kubernetes.executor.podNamePrefix", app, "name");
        }
        p.put("spark.kubernetes.executor.podTemplateFile", App.CONF_DIR + "/" + App.TEMPLATE_FILE, "spark-gen");
        p.put("spark.kubernetes.container.image", job.image(), "image");
        if (job.executor().role().image() != null) {
            p.put("spark.kubernetes.executor.container.image", job.executor().role().image(), "executor.image");
        }
        p.put("spark.kubernetes.container.image.pullPolicy", job.imagePullPolicy(), "imagePullPolicy");
        p.putList("spark.kubernetes.container.image.pullSecrets", job.imagePullSecrets(), "imagePullSecrets");
        Role executor = job.executor().role();
        if (job.executor().instancesGiven() || !job.dynamicAllocation().enabled()) {
            p.put("spark.executor.instances", String.valueOf(job.executor().instances()), "executor.instances");
        }
        p.put("spark.executor.cores", String.valueOf(executor.cores()), "executor.cores");
        p.put("spark.executor.memory", executor.memory().text(), "executor.memory");
        if (executor.memoryOverhead() != null) {
            p.put("spark.executor.memoryOverhead", executor.memoryOverhead().text(), "executor.memoryOverhead");
        }
        if (!job.type().isJvm()) {
            // Spark sets the non-JVM factor only for its cluster-mode driver; client mode must say it.
            p.put(job.sparkVersion().atLeast(SparkVersion.V3_3) ? "spark.executor.memoryOverheadFactor"
                    : "spark.kubernetes.memoryOverheadFactor", String.valueOf(job.type().overheadFactor()), "type");
        }
        if (executor.coreLimit() != null) {
            p.put("spark.kubernetes.executor.limit.cores", executor.coreLimit(), "executor.coreLimit");
        }
        if (executor.coreRequest() != null) {
            p.put("spark.kubernetes.executor.request.cores", executor.coreRequest(), "executor.coreRequest");
        }
        if (job.executor().deleteOnTermination() != null) {
            p.put("spark.kubernetes.executor.deleteOnTermination", String.valueOf(job.executor().deleteOnTermination()),
                    "executor.deleteOnTermination");
        }
        javaOptions(p, job);
        p.put("spark.ui.port", String.valueOf(job.ui().port()), "ui.port");
        p.put("spark.ui.killEnabled", String.valueOf(job.ui().killEnabled()), "ui.killEnabled");
        if (route.pathRouted()) {
            p.put("spark.ui.proxyBase", route.path(), "ui.ingress");
        }
        String redirect = redirectUri(job, route);
        if (redirect != null) {
            p.put("spark.ui.proxyRedirectUri", redirect, "ui.ingress");
        }
        Deps deps = job.deps();
        p.putList("spark.jars", deps.jars(), "deps.jars");
        p.putList("spark.files", deps.files(), "deps.files");
        p.putList("spark.submit.pyFiles", deps.pyFiles(), "deps.pyFiles");
        p.putList("spark.jars.packages", deps.packages(), "deps.packages");
        p.putList("spark.jars.repositories", deps.repositories(), "deps.repositories");
        p.putList("spark.jars.excludes", deps.excludePackages(), "deps.excludePackages");
        p.putList("spark.archives", deps.archives(), "deps.archives");
        if (!deps.packages().isEmpty()) {
            p.put("spark.jars.ivy", App.IVY_DIR, "deps.packages");
        }
        dynamicAllocation(p, job.dynamicAllocation());
        monitoring(p, job.monitoring());
        gpu(p, "driver", job.driver().role().gpu(), job.sparkHome());
        gpu(p, "executor", job.executor().role().gpu(), job.sparkHome());
        job.hadoopConf().forEach((k, v) -> p.put("spark.hadoop." + k, v, "hadoopConf"));
        // the user's own properties win: those that collide with generated ones are refused by the rules
        p.values().putAll(job.sparkConf());
        return p;
    }

    private static void javaOptions(Generated p, SparkJob job) {
        Options.Monitoring monitoring = job.monitoring();
        String agent = monitoring.jmxExporter() ? "-javaagent:" + monitoring.jmxExporterJar() + "=" + monitoring.port()
                + ":" : null;
        String driverAgent = agent == null ? null : agent + (monitoring.configFile() != null ? monitoring.configFile()
                : App.CONF_DIR + "/" + App.METRICS_FILE);
        String executorAgent = agent == null || !monitoring.exposeExecutorMetrics() ? null
                : agent + (monitoring.configFile() != null ? monitoring.configFile()
                : App.EXECUTOR_METRICS_DIR + "/" + App.METRICS_FILE);
        put(p, "spark.driver.extraJavaOptions", job.driver().role().javaOptions(),
                monitoring.exposeDriverMetrics() ? driverAgent : null, "driver.javaOptions");
        put(p, "spark.executor.extraJavaOptions", job.executor().role().javaOptions(), executorAgent,
                "executor.javaOptions");
    }

    private static void put(Generated p, String key, String options, String agent, String owner) {
        String value = options == null ? agent : agent == null ? options : options + " " + agent;
        if (value != null) {
            p.put(key, value, options != null ? owner : "monitoring");
        }
    }

    /**
     * Spark's resource scheduling: how many GPUs a role has and the script that finds them (Spark refuses to start
     * a role that has a resource without one). The executors' vendor makes Spark put the extended resource on
     * their pods; the driver's pod is spark-gen's, whose container gets the limit from the view.
     */
    private static void gpu(Generated p, String role, Gpu gpu, String sparkHome) {
        if (gpu == null) {
            return;
        }
        String prefix = "spark." + role + ".resource." + gpu.resourceName() + ".";
        String owner = role + ".gpu";
        p.put(prefix + "amount", String.valueOf(gpu.quantity()), owner);
        if (gpu.script(sparkHome) != null) {
            p.put(prefix + "discoveryScript", gpu.script(sparkHome), owner);
        }
        if (role.equals("executor")) {
            p.put(prefix + "vendor", gpu.vendor(), owner);
        }
    }

    /** On Kubernetes there is no external shuffle service: dynamic allocation needs shuffle tracking. */
    private static void dynamicAllocation(Generated p, Options.DynamicAllocation dynamic) {
        if (!dynamic.enabled()) {
            return;
        }
        String owner = "dynamicAllocation.";
        p.put("spark.dynamicAllocation.enabled", "true", owner + "enabled");
        p.put("spark.dynamicAllocation.shuffleTracking.enabled", String.valueOf(dynamic.shuffleTracking()),
                owner + "shuffleTrackingEnabled");
        if (dynamic.shuffleTrackingTimeout() != null) {
            p.put("spark.dynamicAllocation.shuffleTracking.timeout", dynamic.shuffleTrackingTimeout() + "ms",
                    owner + "shuffleTrackingTimeout");
        }
        if (dynamic.initialExecutors() != null) {
            p.put("spark.dynamicAllocation.initialExecutors", String.valueOf(dynamic.initialExecutors()),
                    owner + "initialExecutors");
        }
        if (dynamic.minExecutors() != null) {
            p.put("spark.dynamicAllocation.minExecutors", String.valueOf(dynamic.minExecutors()), owner + "minExecutors");
        }
        if (dynamic.maxExecutors() != null) {
            p.put("spark.dynamicAllocation.maxExecutors", String.valueOf(dynamic.maxExecutors()), owner + "maxExecutors");
        }
    }

    /**
     * Spark's own Prometheus endpoints (3.0 and later), on the UI's port: the driver's metrics through the
     * PrometheusServlet sink, the executors' through the driver's /metrics/executors/prometheus.
     */
    private static void monitoring(Generated p, Options.Monitoring monitoring) {
        if (monitoring.jmxExporter()) {
            return;
        }
        if (monitoring.exposeDriverMetrics()) {
            p.put("spark.metrics.conf.*.sink.prometheusServlet.class",
                    "org.apache.spark.metrics.sink.PrometheusServlet", "monitoring.exposeDriverMetrics");
            p.put("spark.metrics.conf.*.sink.prometheusServlet.path", "/metrics/prometheus",
                    "monitoring.exposeDriverMetrics");
        }
        if (monitoring.exposeExecutorMetrics()) {
            p.put("spark.ui.prometheus.enabled", "true", "monitoring.exposeExecutorMetrics");
        }
    }

    /**
     * Where the UI's redirects (from / to /jobs/) send the browser. Spark leaves the proxy base out of them
     * unless this is set; with TLS the external origin also gets the scheme right.
     */
    private static String redirectUri(SparkJob job, App.Route route) {
        if (route.enabled() && route.host() != null && job.ui().ingress().tlsSecretName() != null) {
            return "https://" + route.host();
        }
        return route.pathRouted() ? "/" : null;
    }
}
