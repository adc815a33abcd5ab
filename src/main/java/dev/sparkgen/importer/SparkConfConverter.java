package dev.sparkgen.importer;

import static dev.sparkgen.importer.Conversion.absent;
import static dev.sparkgen.importer.Conversion.entries;
import static dev.sparkgen.importer.Conversion.map;
import static dev.sparkgen.importer.Conversion.string;
import static dev.sparkgen.importer.Conversion.textOf;

import dev.sparkgen.model.SparkProperties;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.rules.ClusterModeProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code spec.sparkConf} into the job. spark-gen refuses a property that a field sets, or that it derives itself,
 * so each such property moves into its field (unless the SparkApplication sets that field too: the field wins,
 * as it does under the operator, whose own --conf come after sparkConf), or is reported. The rest stays in
 * {@code sparkConf}.
 */
final class SparkConfConverter {

    private enum Type { INT, BOOL, TEXT, MEMORY, LIST, MILLISECONDS }

    private record Target(String path, Type type) {
    }

    private static final Map<String, Target> FIELDS = new LinkedHashMap<>();
    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();
    private static final Pattern TIME = Pattern.compile("([0-9]+)(ms|s|m|min|h|d)?");

    static {
        field("spark.executor.instances", "executor.instances", Type.INT);
        field("spark.executor.cores", "executor.cores", Type.INT);
        field("spark.driver.cores", "driver.cores", Type.INT);
        field("spark.executor.memory", "executor.memory", Type.MEMORY);
        field("spark.driver.memory", "driver.memory", Type.MEMORY);
        field("spark.executor.memoryOverhead", "executor.memoryOverhead", Type.MEMORY);
        field("spark.driver.memoryOverhead", "driver.memoryOverhead", Type.MEMORY);
        field("spark.kubernetes.executor.limit.cores", "executor.coreLimit", Type.TEXT);
        field("spark.kubernetes.executor.request.cores", "executor.coreRequest", Type.TEXT);
        field("spark.kubernetes.driver.limit.cores", "driver.coreLimit", Type.TEXT);
        field("spark.kubernetes.driver.request.cores", "driver.coreRequest", Type.TEXT);
        field("spark.executor.extraJavaOptions", "executor.javaOptions", Type.TEXT);
        field("spark.driver.extraJavaOptions", "driver.javaOptions", Type.TEXT);
        field("spark.kubernetes.executor.deleteOnTermination", "executor.deleteOnTermination", Type.BOOL);
        field("spark.kubernetes.authenticate.executor.serviceAccountName", "executor.serviceAccount", Type.TEXT);
        field("spark.kubernetes.authenticate.driver.serviceAccountName", "serviceAccountName", Type.TEXT);
        field("spark.driver.port", "driver.port", Type.INT);
        field("spark.driver.blockManager.port", "driver.blockManagerPort", Type.INT);
        field("spark.ui.port", "ui.port", Type.INT);
        field("spark.ui.killEnabled", "ui.killEnabled", Type.BOOL);
        field("spark.kubernetes.container.image", "image", Type.TEXT);
        field("spark.kubernetes.executor.container.image", "executor.image", Type.TEXT);
        field("spark.kubernetes.driver.container.image", "driver.image", Type.TEXT);
        field("spark.kubernetes.container.image.pullPolicy", "imagePullPolicy", Type.TEXT);
        field("spark.kubernetes.container.image.pullSecrets", "imagePullSecrets", Type.LIST);
        field("spark.kubernetes.scheduler.name", "schedulerName", Type.TEXT);
        field("spark.kubernetes.executor.scheduler.name", "schedulerName", Type.TEXT);
        field("spark.kubernetes.driver.scheduler.name", "schedulerName", Type.TEXT);
        field("spark.jars", "deps.jars", Type.LIST);
        field("spark.files", "deps.files", Type.LIST);
        field("spark.submit.pyFiles", "deps.pyFiles", Type.LIST);
        field("spark.jars.packages", "deps.packages", Type.LIST);
        field("spark.jars.repositories", "deps.repositories", Type.LIST);
        field("spark.jars.excludes", "deps.excludePackages", Type.LIST);
        field("spark.archives", "deps.archives", Type.LIST);
        field("spark.dynamicAllocation.enabled", "dynamicAllocation.enabled", Type.BOOL);
        field("spark.dynamicAllocation.initialExecutors", "dynamicAllocation.initialExecutors", Type.INT);
        field("spark.dynamicAllocation.minExecutors", "dynamicAllocation.minExecutors", Type.INT);
        field("spark.dynamicAllocation.maxExecutors", "dynamicAllocation.maxExecutors", Type.INT);
        field("spark.dynamicAllocation.shuffleTracking.enabled", "dynamicAllocation.shuffleTrackingEnabled", Type.BOOL);
        field("spark.dynamicAllocation.shuffleTracking.timeout", "dynamicAllocation.shuffleTrackingTimeout",
                Type.MILLISECONDS);
        PREFIXES.put("spark.hadoop.", "hadoopConf");
        PREFIXES.put("spark.kubernetes.executor.label.", "executor.labels");
        PREFIXES.put("spark.kubernetes.driver.label.", "driver.labels");
        PREFIXES.put("spark.kubernetes.executor.annotation.", "executor.annotations");
        PREFIXES.put("spark.kubernetes.driver.annotation.", "driver.annotations");
        PREFIXES.put("spark.kubernetes.executor.node.selector.", "executor.nodeSelector");
        PREFIXES.put("spark.kubernetes.node.selector.", "driver.nodeSelector executor.nodeSelector");
        PREFIXES.put("spark.kubernetes.driver.node.selector.", "driver.nodeSelector");
        PREFIXES.put("spark.executorEnv.", "executor.env");
        PREFIXES.put("spark.kubernetes.driverEnv.", "driver.env");
        PREFIXES.put("spark.kubernetes.executor.secrets.", "executor.secrets");
        PREFIXES.put("spark.kubernetes.driver.secrets.", "driver.secrets");
    }

    private static void field(String key, String path, Type type) {
        FIELDS.put(key, new Target(path, type));
    }

    private final Conversion c;

    SparkConfConverter(Conversion c) {
        this.c = c;
    }

    void convert(Node sparkConf) {
        Draft kept = c.job.object("sparkConf", sparkConf.origin());
        Set<String> done = new HashSet<>(new VolumeConverter(c).convert(entries(sparkConf), kept));
        done.addAll(new ResourceConverter(c).convert(entries(sparkConf)));
        entries(sparkConf).forEach((key, value) -> {
            if (absent(value) || done.contains(key)) {
                return;
            }
            String where = "sparkConf " + key;
            Target target = FIELDS.get(key);
            if (clusterMode(where, key, value, kept)) {
                return;
            } else if (target != null) {
                move(where, target, value);
            } else if (prefixed(where, key, value)) {
                return;
            } else if (!key.startsWith("spark.")) {
                c.warn(value, where + " is not carried over: spark-submit ignores properties that do not start "
                        + "with 'spark.'", null);
            } else if (SparkProperties.DERIVED.containsKey(key)) {
                c.warn(value, where + " is not carried over: " + SparkProperties.DERIVED.get(key),
                        key.equals("spark.kubernetes.driver.pod.name") ? "spark-gen names the driver pod <app>-driver"
                                : null);
            } else if (SparkProperties.fieldOf(key) != null) {
                c.warn(value, where + " is not carried over: spark-gen sets this family of properties from '"
                        + SparkProperties.fieldOf(key) + "' only, and refuses them in sparkConf", "express it through "
                        + "that field where it can; otherwise Spark's default applies");
            } else {
                kept.put(key, value);
            }
        });
    }

    /**
     * A property that takes effect only when Spark builds the driver pod (cluster mode): converted where client
     * mode has an equivalent, reported otherwise. True when it was one.
     */
    private boolean clusterMode(String where, String key, Node value, Draft kept) {
        String instead = ClusterModeProperties.instead(key);
        String text = textOf(value);
        if (instead == null || FIELDS.containsKey(key) || key.startsWith("spark.kubernetes.driver.node.selector.")) {
            return key.equals("spark.ui.prometheus.enabled") && prometheus(where, value);
        }
        String authenticate = "spark.kubernetes.authenticate.driver.";
        if (key.startsWith("spark.kubernetes.driver.secretKeyRef.") && text != null && text.indexOf(':') > 0) {
            String name = key.substring("spark.kubernetes.driver.secretKeyRef.".length());
            Node ref = map(value.origin(), "secretKeyRef", map(value.origin(),
                    "name", string(value.origin(), text.substring(0, text.indexOf(':'))),
                    "key", string(value.origin(), text.substring(text.indexOf(':') + 1))));
            Draft driver = c.job.object("driver", value.origin());
            boolean put = driver.node("env") instanceof ListNode
                    ? appendItem(driver, "env", map(value.origin(), "name", string(value.origin(), name),
                    "valueFrom", ref), name)
                    : driver.object("env", value.origin()).putIfAbsent(name, map(value.origin(), "valueFrom", ref));
            if (put) {
                c.note("driver.env", "with " + key + " from sparkConf (cluster mode only)");
            } else {
                c.warn(value, where + " is not carried over: the SparkApplication sets the driver's " + name
                        + " too, and that wins", null);
            }
        } else if (key.equals("spark.kubernetes.driver.master") && text != null) {
            kept.put("spark.master", string(value.origin(), text.startsWith("k8s://") ? text : "k8s://" + text));
            c.note("sparkConf", "spark.master from " + key + ", where the driver in client mode reaches the API "
                    + "server");
        } else if (key.startsWith(authenticate) && text != null) {
            String file = key.substring(authenticate.length()).replace("mounted.", "");
            kept.putIfAbsent("spark.kubernetes.authenticate." + file, value);
            c.note("sparkConf", "spark.kubernetes.authenticate." + file + " from " + key + " (cluster mode only)");
            if (!key.contains(".mounted.") && !file.equals("oauthToken")) {
                c.warn(value, where + " is carried over as spark.kubernetes.authenticate." + file + ", client "
                        + "mode's name, but the file is now read in the driver pod: the operator uploaded it from "
                        + "where it ran", "mount it at that path in the driver pod (driver.secrets)");
            }
        } else {
            c.warn(value, where + " is not carried over: it takes effect only in cluster mode, when Spark builds "
                    + "the driver pod, and client mode ignores it", instead);
        }
        return true;
    }

    /**
     * Spark's executor metrics on the driver's UI port: monitoring.exposeExecutorMetrics without the JMX exporter
     * sets exactly this property. True when it was handled.
     */
    private boolean prometheus(String where, Node value) {
        String text = textOf(value);
        boolean jmx = c.job.has("monitoring") && c.job.object("monitoring", value.origin()).has("prometheus")
                && c.job.object("monitoring", value.origin()).object("prometheus", value.origin()).has("jmxExporterJar");
        if (!"true".equalsIgnoreCase(text == null ? "" : text.trim()) || jmx) {
            c.warn(value, where + " " + text + " is not carried over: " + (jmx ? "with the JMX exporter, "
                    + "monitoring.exposeExecutorMetrics runs the exporter in the executors instead"
                    : "spark-gen sets it only through monitoring.exposeExecutorMetrics, to true"),
                    jmx ? "the executors' metrics are then scraped from each executor pod" : "Spark's default applies");
            return true;
        }
        Draft monitoring = c.job.object("monitoring", value.origin());
        if (monitoring.putIfAbsent("exposeExecutorMetrics", new Scalar(value.origin(), "true", true))) {
            c.note("monitoring.exposeExecutorMetrics", "from " + where);
        } else if (!"true".equals(textOf(monitoring.node("exposeExecutorMetrics")))) {
            c.warn(value, where + " is not carried over: spec.monitoring.exposeExecutorMetrics is false, and wins",
                    "Spark's executor metrics are then not served on the driver's UI port");
        }
        return true;
    }

    private void move(String where, Target target, Node value) {
        List<String> path = Arrays.asList(target.path().split("\\."));
        Draft parent = c.job;
        for (String key : path.subList(0, path.size() - 1)) {
            parent = parent.object(key, value.origin());
        }
        String last = path.get(path.size() - 1);
        if (parent.has(last)) {
            c.warn(value, where + " is not carried over: the SparkApplication's field for it ('" + target.path()
                    + "' here) wins, as under the operator", "remove one of them");
            return;
        }
        Node converted = convert(value, target.type());
        if (converted == null) {
            c.warn(value, where + " '" + textOf(value) + "' is not carried over: '" + target.path() + "' takes "
                    + describe(target.type()), null);
            return;
        }
        parent.put(last, converted);
        c.note(target.path(), "from " + where);
    }

    private static Node convert(Node value, Type type) {
        String text = textOf(value);
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        return switch (type) {
            case TEXT -> string(value.origin(), text);
            case MEMORY -> trimmed.matches("[0-9]+") ? string(value.origin(), trimmed + "m")
                    : trimmed.matches("[0-9]+([kKmMgGtT][bB]?)") ? string(value.origin(), trimmed) : null;
            case INT -> trimmed.matches("[0-9]{1,9}") ? new Scalar(value.origin(), trimmed, Long.parseLong(trimmed))
                    : null;
            case BOOL -> trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")
                    ? new Scalar(value.origin(), trimmed.toLowerCase(java.util.Locale.ROOT),
                    Boolean.parseBoolean(trimmed)) : null;
            case LIST -> {
                List<Node> items = new ArrayList<>();
                for (String item : trimmed.split(",")) {
                    if (!item.trim().isEmpty()) {
                        items.add(string(value.origin(), item.trim()));
                    }
                }
                yield new ListNode(value.origin(), items);
            }
            case MILLISECONDS -> {
                Matcher time = TIME.matcher(trimmed);
                if (!time.matches()) {
                    yield null;
                }
                long n = Long.parseLong(time.group(1));
                long ms = switch (time.group(2) == null ? "ms" : time.group(2)) {
                    case "s" -> n * 1000;
                    case "m", "min" -> n * 60_000;
                    case "h" -> n * 3_600_000;
                    case "d" -> n * 86_400_000;
                    default -> n;
                };
                yield new Scalar(value.origin(), String.valueOf(ms), ms);
            }
        };
    }

    private static String describe(Type type) {
        return switch (type) {
            case INT -> "a whole number";
            case BOOL -> "true or false";
            case MEMORY -> "a memory size such as 512m or 2g";
            case MILLISECONDS -> "a duration such as 60s or 600000 (milliseconds)";
            default -> "text";
        };
    }

    /** A property of a family a field holds (labels, env, node selector, secrets, Hadoop): into that field. */
    private boolean prefixed(String where, String key, Node value) {
        for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
            if (!key.startsWith(prefix.getKey()) || key.length() == prefix.getKey().length()) {
                continue;
            }
            String name = key.substring(prefix.getKey().length());
            for (String field : prefix.getValue().split(" ")) {
                String[] path = field.split("\\.");
                Draft parent = path.length == 1 ? c.job : c.job.object(path[0], value.origin());
                String last = path[path.length - 1];
                boolean put;
                if (last.equals("secrets")) {
                    put = appendItem(parent, last, map(value.origin(), "name", string(value.origin(), name),
                            "path", string(value.origin(), textOf(value))), name);
                } else if (last.equals("env") && parent.node("env") instanceof ListNode) {
                    put = appendItem(parent, last, map(value.origin(), "name", string(value.origin(), name),
                            "value", value), name);
                } else {
                    put = parent.object(last, value.origin()).putIfAbsent(name, value instanceof Scalar s
                            && !last.equals("env") && !last.equals("hadoopConf") ? string(s.origin(), s.text()) : value);
                }
                if (put) {
                    c.note(field, "with " + prefix.getKey() + "* from sparkConf");
                } else {
                    c.warn(value, where + " is not carried over into " + field + ": the SparkApplication sets '"
                            + name + "' there too, and that wins", null);
                }
            }
            return true;
        }
        return false;
    }

    /** Appends to a list field unless an item of that name is there already; true when appended. */
    private static boolean appendItem(Draft parent, String key, Node item, String name) {
        List<Node> items = new ArrayList<>(Conversion.items(parent.node(key)));
        boolean taken = items.stream().anyMatch(existing -> existing instanceof dev.sparkgen.source.MapNode map
                && name.equals(textOf(map.get("name"))));
        if (taken) {
            return false;
        }
        items.add(item);
        parent.put(key, new ListNode(item.origin(), items));
        return true;
    }
}
