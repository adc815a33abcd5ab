package dev.sparkgen.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What spark-gen writes into {@code spark-defaults.conf}, and which properties users may not set themselves:
 * those it derives (the objects depend on them) and those a field of the job sets.
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
        DERIVED.put("spark.kubernetes.driver.pod.name",
                "it names the driver pod spark-gen writes, so that the executors die with it");
        DERIVED.put("spark.driver.host", "it is the headless driver service spark-gen writes");
        DERIVED.put("spark.driver.bindAddress", "the driver binds to its pod IP, from the downward API");
        DERIVED.put("spark.kubernetes.executor.podNamePrefix", "it is the app name: executors are <app>-exec-N");
        DERIVED.put("spark.kubernetes.executor.podTemplateFile",
                "it is the executor pod template spark-gen writes into the ConfigMap");
        DERIVED.put("spark.ui.proxyBase", "it follows the Ingress path (set 'ui.ingress.path')");
        DERIVED.put("spark.ui.proxyRedirectUri", "it follows the Ingress (its path, host and TLS)");
        DERIVED.put("spark.kubernetes.memoryOverheadFactor", "the overhead follows Spark's rule for the job's "
                + "type; set 'executor.memoryOverhead' or 'driver.memoryOverhead' instead");
        DERIVED.put("spark.executor.memoryOverheadFactor", DERIVED.get("spark.kubernetes.memoryOverheadFactor"));
        DERIVED.put("spark.driver.memoryOverheadFactor", DERIVED.get("spark.kubernetes.memoryOverheadFactor"));
        DERIVED.put("spark.kubernetes.authenticate.driver.serviceAccountName",
                "it applies in cluster mode only; set 'serviceAccountName'");
        DERIVED.put("spark.kubernetes.driver.podTemplateFile",
                "it applies in cluster mode only; spark-gen writes the driver pod itself");

        FIELDS.put("spark.executor.instances", "executor.instances");
        FIELDS.put("spark.executor.cores", "executor.cores");
        FIELDS.put("spark.executor.memory", "executor.memory");
        FIELDS.put("spark.executor.memoryOverhead", "executor.memoryOverhead");
        FIELDS.put("spark.kubernetes.executor.limit.cores", "executor.coreLimit");
        FIELDS.put("spark.driver.memory", "driver.memory");
        FIELDS.put("spark.driver.memoryOverhead", "driver.memoryOverhead");
        FIELDS.put("spark.driver.cores", "driver.cores");
        FIELDS.put("spark.kubernetes.driver.limit.cores", "driver.coreLimit");
        FIELDS.put("spark.driver.port", "driver.port");
        FIELDS.put("spark.driver.blockManager.port", "driver.blockManagerPort");
        FIELDS.put("spark.ui.port", "ui.port");
        FIELDS.put("spark.kubernetes.container.image", "image");
        FIELDS.put("spark.kubernetes.executor.container.image", "image");
        FIELDS.put("spark.kubernetes.driver.container.image", "image");
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

        FIELD_PREFIXES.put("spark.hadoop.", "hadoopConf");
        FIELD_PREFIXES.put("spark.kubernetes.executor.label.", "executor.labels");
        FIELD_PREFIXES.put("spark.kubernetes.executor.annotation.", "executor.annotations");
        FIELD_PREFIXES.put("spark.executorEnv.", "executor.env");
        FIELD_PREFIXES.put("spark.kubernetes.driver.label.", "driver.labels");
        FIELD_PREFIXES.put("spark.kubernetes.driver.annotation.", "driver.annotations");
        FIELD_PREFIXES.put("spark.kubernetes.driverEnv.", "driver.env");
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

    /** The properties of {@code spark-defaults.conf}, sorted. */
    static SortedMap<String, String> of(SparkJob job, String app, App.Names names, String driverHost,
                                        String uiPath) {
        SortedMap<String, String> p = new TreeMap<>();
        p.put("spark.master", MASTER);
        p.put("spark.app.name", app);
        p.put("spark.submit.deployMode", "client");
        p.put("spark.kubernetes.namespace", job.namespace());
        p.put("spark.kubernetes.driver.pod.name", names.driverPod());
        p.put("spark.driver.host", driverHost);
        p.put("spark.driver.port", String.valueOf(job.driver().port()));
        p.put("spark.driver.blockManager.port", String.valueOf(job.driver().blockManagerPort()));
        p.put("spark.driver.memory", job.driver().role().memory().text());
        p.put("spark.kubernetes.executor.podNamePrefix", app);
        p.put("spark.kubernetes.executor.podTemplateFile", App.CONF_DIR + "/" + App.TEMPLATE_FILE);
        p.put("spark.kubernetes.container.image", job.image());
        p.put("spark.kubernetes.container.image.pullPolicy", job.imagePullPolicy());
        putList(p, "spark.kubernetes.container.image.pullSecrets", job.imagePullSecrets());
        Role executor = job.executor().role();
        p.put("spark.executor.instances", String.valueOf(job.executor().instances()));
        p.put("spark.executor.cores", String.valueOf(executor.cores()));
        p.put("spark.executor.memory", executor.memory().text());
        if (executor.memoryOverhead() != null) {
            p.put("spark.executor.memoryOverhead", executor.memoryOverhead().text());
        }
        if (!job.type().isJvm()) {
            // Spark sets the non-JVM factor only for its cluster-mode driver; client mode must say it.
            p.put(job.sparkVersion().atLeast(SparkVersion.V3_3) ? "spark.executor.memoryOverheadFactor"
                    : "spark.kubernetes.memoryOverheadFactor", String.valueOf(job.type().overheadFactor()));
        }
        if (executor.coreLimit() != null) {
            p.put("spark.kubernetes.executor.limit.cores", executor.coreLimit());
        }
        p.put("spark.ui.port", String.valueOf(job.ui().port()));
        if (uiPath != null) {
            p.put("spark.ui.proxyBase", uiPath);
        }
        String redirect = redirectUri(job, uiPath);
        if (redirect != null) {
            p.put("spark.ui.proxyRedirectUri", redirect);
        }
        putList(p, "spark.jars", job.deps().jars());
        putList(p, "spark.files", job.deps().files());
        putList(p, "spark.submit.pyFiles", job.deps().pyFiles());
        putList(p, "spark.jars.packages", job.deps().packages());
        putList(p, "spark.jars.repositories", job.deps().repositories());
        putList(p, "spark.jars.excludes", job.deps().excludePackages());
        if (!job.deps().packages().isEmpty()) {
            p.put("spark.jars.ivy", App.IVY_DIR);
        }
        job.hadoopConf().forEach((k, v) -> p.put("spark.hadoop." + k, v));
        p.putAll(job.sparkConf());
        return p;
    }

    /**
     * Where the UI's redirects (from / to /jobs/) send the browser. Spark leaves the proxy base out of them
     * unless this is set; with TLS the external origin also gets the scheme right.
     */
    private static String redirectUri(SparkJob job, String uiPath) {
        var ingress = job.ui().ingress();
        if (ingress.enabled() && ingress.host() != null && ingress.tlsSecretName() != null) {
            return "https://" + ingress.host();
        }
        return uiPath != null ? "/" : null;
    }

    private static void putList(Map<String, String> p, String key, java.util.List<String> values) {
        if (!values.isEmpty()) {
            p.put(key, String.join(",", values));
        }
    }
}
