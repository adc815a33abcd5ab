package dev.sparkgen.rules;

import dev.sparkgen.model.App;
import dev.sparkgen.model.Derive;
import dev.sparkgen.model.SparkJob;
import dev.sparkgen.model.SparkProperties;
import dev.sparkgen.model.SparkVersion;
import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.KeyPath;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks the schema cannot make: across fields, and against what Spark and Kubernetes will do with the
 * derived objects. Each rule adds its problems at the place the offending value was written.
 */
public final class Rules {

    /** Spark 3.3.0 refuses an executor pod name prefix longer than this; later releases take up to 237. */
    public static final int MAX_APP_NAME = 47;
    /** Spark refuses an executor heap under 450 MiB (1.5 x its 300 MiB reserve). */
    public static final long MIN_EXECUTOR_HEAP_MIB = 450;
    /** The driver JVM's usable heap must pass the same 450 MiB check; 512m is the smallest size that does. */
    public static final long MIN_DRIVER_HEAP_MIB = 512;

    /** Env vars spark-gen sets in the driver container. */
    public static final Set<String> DRIVER_ENV = Set.of("SPARK_HOME", "SPARK_CONF_DIR", "SPARK_LOCAL_DIRS",
            "SPARK_DRIVER_BIND_ADDRESS", "SPARK_NAMESPACE");
    /** Env vars Spark sets in every executor container. */
    public static final Set<String> EXECUTOR_ENV = Set.of("SPARK_DRIVER_URL", "SPARK_EXECUTOR_CORES",
            "SPARK_EXECUTOR_MEMORY", "SPARK_APPLICATION_ID", "SPARK_CONF_DIR", "SPARK_EXECUTOR_ID",
            "SPARK_EXECUTOR_POD_IP", "SPARK_EXECUTOR_POD_NAME", "SPARK_LOCAL_DIRS", "SPARK_USER",
            "SPARK_RESOURCE_PROFILE_ID", "SPARK_CLASSPATH", "SPARK_EXECUTOR_DIRS");
    /** Labels Spark itself puts on the pods it creates. */
    public static final Set<String> SPARK_LABELS = Set.of("spark-app-selector", "spark-exec-id", "spark-app-name",
            "spark-version", "spark-exec-resourceprofile-id");

    private static final Pattern SPARK_REFERENCE = Pattern.compile("\\$\\{(env:|system:|spark\\.)");

    private final App app;
    private final SparkJob job;
    private final MapNode document;
    private final Problems problems;

    private Rules(App app, MapNode document, Problems problems) {
        this.app = app;
        this.job = app.job();
        this.document = document;
        this.problems = problems;
    }

    /** Checks an app derived from {@code document} (the merged values, whose nodes know their origins). */
    public static void check(App app, MapNode document, Problems problems) {
        Rules rules = new Rules(app, document, problems);
        rules.appNameFits();
        rules.sparkVersionSupported();
        rules.mainClassMatchesType();
        rules.sparkConfKeysAreFree();
        rules.propertyValuesSurviveSpark();
        rules.labelsAreFree();
        rules.envIsFree();
        rules.portsDiffer();
        rules.heapIsLargeEnough();
        rules.ingressIsConsistent();
    }

    private Origin at(Object... path) {
        KeyPath keyPath = new KeyPath(List.of(path));
        Node node = keyPath.find(document);
        return (node != null ? node : keyPath.findNearest(document)).origin();
    }

    /** The app name is the executor pod name prefix, and the base of every object name. */
    void appNameFits() {
        int length = app.name().length();
        if (length > MAX_APP_NAME) {
            String parts = "name '" + job.name() + "'"
                    + (job.priorityClassName() != null ? " + '-" + job.priorityClassName() + "'" : "")
                    + (job.nameSuffix().isEmpty() ? "" : " + '" + job.nameSuffix() + "'");
            problems.error(at("name"), "the app name '" + app.name() + "' (" + parts + ") is " + length
                            + " characters long, more than " + MAX_APP_NAME,
                    "it is the executor pod name prefix, which Spark 3.3 limits to " + MAX_APP_NAME
                            + " characters: shorten name, priorityClassName or nameSuffix");
        }
    }

    void sparkVersionSupported() {
        if (!job.sparkVersion().atLeast(SparkVersion.OLDEST)) {
            problems.error(at("sparkVersion"), "Spark " + job.sparkVersion() + " is not supported",
                    "spark-gen writes for Spark 3.0 and later (pod templates came with 3.0)");
        }
    }

    void mainClassMatchesType() {
        if (job.type().isJvm() && job.mainClass() == null) {
            problems.error(at(document.get("type") != null ? "type" : "mainApplicationFile"),
                    "a " + job.type().label() + " application needs 'mainClass'",
                    "e.g. mainClass: org.apache.spark.examples.SparkPi");
        } else if (!job.type().isJvm() && job.mainClass() != null) {
            problems.warning(at("mainClass"), "'mainClass' is ignored for a " + job.type().label() + " application",
                    "remove it, or set 'type' if the main file is a jar");
        }
    }

    void sparkConfKeysAreFree() {
        for (String key : job.sparkConf().keySet()) {
            String reason = SparkProperties.DERIVED.get(key);
            if (reason != null) {
                problems.error(at("sparkConf", key), "sparkConf key '" + key + "' is set by spark-gen", reason);
                continue;
            }
            String field = SparkProperties.fieldOf(key);
            if (field != null) {
                problems.error(at("sparkConf", key), "sparkConf key '" + key + "' duplicates a field",
                        "set '" + field + "' instead");
            }
        }
    }

    /** Spark trims property values and expands ${...} references in them: say so where it changes a value. */
    void propertyValuesSurviveSpark() {
        Map<String, Map<String, String>> sources = Map.of("sparkConf", job.sparkConf(), "hadoopConf", job.hadoopConf());
        sources.forEach((field, values) -> values.forEach((key, value) -> {
            if (!value.equals(value.trim())) {
                problems.warning(at(field, key), field + " value of '" + key + "' starts or ends with blanks",
                        "Spark trims property values, so they are lost");
            }
            if (SPARK_REFERENCE.matcher(value).find()) {
                problems.warning(at(field, key), field + " value of '" + key + "' holds a ${...} reference",
                        "Spark replaces ${env:X}, ${system:X} and ${spark.x} in property values when it reads them");
            }
        }));
    }

    void labelsAreFree() {
        for (String role : List.of("driver", "executor")) {
            Map<String, String> labels = role.equals("driver") ? job.driver().role().labels()
                    : job.executor().role().labels();
            for (String key : labels.keySet()) {
                if (app.labels().containsKey(key) || key.equals(Derive.ROLE_LABEL)
                        || key.equals("app.kubernetes.io/component")) {
                    problems.error(at(role, "labels", key), "label '" + key + "' is set by spark-gen",
                            "the services select the driver by app-name and spark-role; choose another key");
                } else if (SPARK_LABELS.contains(key)) {
                    problems.error(at(role, "labels", key), "label '" + key + "' is set by Spark on its pods",
                            "choose another key");
                }
            }
        }
    }

    void envIsFree() {
        for (String name : job.driver().role().env().keySet()) {
            if (DRIVER_ENV.contains(name)) {
                problems.error(at("driver", "env", name), "driver env '" + name + "' is set by spark-gen",
                        name.equals("SPARK_HOME") ? "set 'sparkHome' instead" : "choose another name");
            }
        }
        for (String name : job.executor().role().env().keySet()) {
            if (EXECUTOR_ENV.contains(name)) {
                problems.error(at("executor", "env", name), "executor env '" + name + "' is set by Spark",
                        "Spark sets it in every executor; choose another name");
            }
        }
    }

    void portsDiffer() {
        int rpc = job.driver().port();
        int blockManager = job.driver().blockManagerPort();
        int ui = job.ui().port();
        List<Object> rpcKey = List.of("driver", "port");
        List<Object> blockManagerKey = List.of("driver", "blockManagerPort");
        List<Object> uiKey = List.of("ui", "port");
        if (rpc == blockManager) {
            problems.error(written(blockManagerKey, rpcKey), "driver.blockManagerPort is driver.port (" + rpc + ")",
                    "the driver listens on both: give them different ports");
        }
        if (ui == rpc || ui == blockManager) {
            problems.error(written(uiKey, ui == rpc ? rpcKey : blockManagerKey), "ui.port " + ui
                    + " is also a driver port", "the driver listens on all three: give them different ports");
        }
    }

    /** The first of these keys the user wrote (a default has no place), else where the first would go. */
    @SafeVarargs
    private Origin written(List<Object>... keys) {
        for (List<Object> key : keys) {
            Node node = new KeyPath(key).find(document);
            if (node != null) {
                return node.origin();
            }
        }
        return at(keys[0].toArray());
    }

    void heapIsLargeEnough() {
        long executor = job.executor().role().memory().mebibytes();
        if (executor < MIN_EXECUTOR_HEAP_MIB) {
            problems.error(at("executor", "memory"), "executor.memory " + job.executor().role().memory().text()
                    + " is less than Spark's minimum of 450m", "Spark refuses to start such an executor");
        }
        long driver = job.driver().role().memory().mebibytes();
        if (driver < MIN_DRIVER_HEAP_MIB) {
            problems.error(at("driver", "memory"), "driver.memory " + job.driver().role().memory().text()
                    + " is less than 512m", "Spark refuses to start with a heap under about 450 MiB");
        }
    }

    void ingressIsConsistent() {
        var ui = job.ui();
        var ingress = ui.ingress();
        if (ui.nodePort() != null && !ui.serviceType().equals("NodePort")) {
            problems.error(at("ui", "service", "nodePort"), "ui.service.nodePort needs ui.service.type NodePort", null);
        }
        if (!ingress.enabled()) {
            return;
        }
        if (ingress.tlsSecretName() != null && ingress.host() == null) {
            problems.error(at("ui", "ingress", "tls"), "TLS needs a host", "set 'ui.ingress.host'");
        }
        if (app.pathRouted() && ui.serviceType().equals("NodePort")) {
            problems.warning(at("ui", "service", "type"), "the UI is served under the path " + app.uiPath()
                            + ", so through the node port its links (which carry that path) break",
                    "set 'ui.ingress.host' for host-based routing, or use the Ingress only");
        }
        String rewrite = "nginx.ingress.kubernetes.io/rewrite-target";
        if (app.pathRouted() && ingress.annotations().containsKey(rewrite)) {
            problems.error(at("ui", "ingress", "annotations", rewrite), "annotation '" + rewrite
                    + "' is set by spark-gen", "path-based routing rewrites to the UI's root (/$2)");
        }
        if (ingress.annotations().containsKey("kubernetes.io/ingress.class")) {
            problems.error(at("ui", "ingress", "annotations", "kubernetes.io/ingress.class"),
                    "annotation 'kubernetes.io/ingress.class' is set by spark-gen", "set 'ui.ingress.className'");
        }
    }
}
