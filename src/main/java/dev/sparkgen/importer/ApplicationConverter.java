package dev.sparkgen.importer;

import static dev.sparkgen.importer.Conversion.absent;
import static dev.sparkgen.importer.Conversion.clean;
import static dev.sparkgen.importer.Conversion.entries;
import static dev.sparkgen.importer.Conversion.string;
import static dev.sparkgen.importer.Conversion.text;
import static dev.sparkgen.importer.Conversion.textOf;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts a SparkApplication (sparkoperator.k8s.io/v1beta2) into a spark-gen job, field by field: each field
 * either lands in the job (under the same name where spark-gen has it), or is reported as a warning that says
 * why it is not carried over. No field is dropped silently; an unknown one is a warning too.
 */
public final class ApplicationConverter {

    static final String API_VERSION = "sparkoperator.k8s.io/v1beta2";

    private static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec", "status");
    private static final Set<String> METADATA = Set.of("name", "namespace", "labels", "annotations");
    /** Metadata the API server sets on an object read back from a cluster. */
    private static final Set<String> SERVER_METADATA = Set.of("uid", "resourceVersion", "generation",
            "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink",
            "finalizers", "ownerReferences", "generateName");
    private static final List<String> SPEC = List.of("type", "sparkVersion", "mode", "proxyUser", "image",
            "imagePullPolicy", "imagePullSecrets", "mainClass", "mainApplicationFile", "arguments", "sparkConf",
            "hadoopConf", "sparkConfigMap", "hadoopConfigMap", "volumes", "driver", "executor", "deps",
            "restartPolicy", "nodeSelector", "failureRetries", "retryInterval", "pythonVersion",
            "memoryOverheadFactor", "monitoring", "batchScheduler", "timeToLiveSeconds", "batchSchedulerOptions",
            "sparkUIOptions", "driverIngressOptions", "dynamicAllocation", "initContainerImage");
    private static final Pattern VERSION = Pattern.compile("^([0-9]+\\.[0-9]+(\\.[0-9]+)?)");

    private final Conversion c;
    private final RunConverter runs;
    /** metadata.labels: the operator puts them on the driver and the executors. */
    private Node metadataLabels;

    private ApplicationConverter(String display, Origin origin) {
        this.c = new Conversion(display, origin);
        this.runs = new RunConverter(c);
    }

    /** What a conversion gives: the job (null when the document is no SparkApplication), problems, comments. */
    public record Result(MapNode job, List<dev.sparkgen.problem.Problem> problems, Map<String, String> notes) {
    }

    /** Converts one SparkApplication document, read from {@code display}. */
    public static Result convert(MapNode document, String display) {
        ApplicationConverter converter = new ApplicationConverter(display, document.origin());
        boolean converted = converter.document(document);
        MapNode job = converted ? converter.c.job.build(SchemaOrder.job().root()) : null;
        return new Result(job, converter.c.problems.all(), converter.c.notes);
    }

    private boolean document(MapNode document) {
        String kind = textOf(document.get("kind"));
        Node kindNode = document.get("kind") != null ? document.get("kind") : document;
        MapNode spec;
        if ("SparkApplication".equals(kind)) {
            spec = document.get("spec") instanceof MapNode m ? m : null;
        } else if ("ScheduledSparkApplication".equals(kind)) {
            spec = scheduled(document);
        } else {
            c.problems.error(kindNode.origin(), kind == null ? "this is not a SparkApplication: it has no 'kind'"
                    : "this is a " + kind + ", not a SparkApplication", "List".equals(kind)
                    ? "import one SparkApplication per file: split the list" : "spark-gen import reads one "
                    + "SparkApplication (apiVersion " + API_VERSION + ")");
            return false;
        }
        if (spec == null) {
            c.problems.error(kindNode.origin(), "the SparkApplication has no 'spec' mapping", null);
            return false;
        }
        String apiVersion = textOf(document.get("apiVersion"));
        if (!API_VERSION.equals(apiVersion)) {
            c.warn(document.get("apiVersion") != null ? document.get("apiVersion") : kindNode, "apiVersion is '"
                    + apiVersion + "': converted as " + API_VERSION, "fields that " + API_VERSION
                    + " renamed or dropped are reported below");
        }
        c.job.put("apiVersion", string(kindNode.origin(), "spark-gen/v1"));
        c.job.put("kind", string(kindNode.origin(), "SparkJob"));
        document.entries().forEach((key, value) -> {
            switch (key) {
                case "apiVersion", "kind", "spec" -> {
                }
                case "metadata" -> {
                    if (c.isMapping("metadata", value)) {
                        metadata(value);
                    }
                }
                case "status" -> c.warn(value, "status is the operator's record of past runs: ignored", null);
                default -> c.unknown(key, value, key, TOP);
            }
        });
        if (document.get("metadata") == null) {
            c.problems.error(kindNode.origin(), "the SparkApplication has no metadata.name",
                    "spark-gen derives every object name from it");
        }
        spec(spec);
        return true;
    }

    /** A ScheduledSparkApplication's template is a SparkApplication spec; its schedule makes the job a CronJob. */
    private MapNode scheduled(MapNode document) {
        MapNode spec = document.get("spec") instanceof MapNode m ? m : null;
        if (spec == null) {
            return null;
        }
        runs.scheduled(spec);
        return spec.get("template") instanceof MapNode template ? template : null;
    }

    private void metadata(Node node) {
        entries(node).forEach((key, value) -> {
            if (absent(value)) {
                return;
            }
            switch (key) {
                case "name" -> c.job.put("name", text(value));
                case "namespace" -> c.job.put("namespace", text(value));
                case "labels" -> metadataLabels = value;
                case "annotations" -> c.warn(value, "metadata.annotations annotate the SparkApplication object, "
                        + "which spark-gen does not write: not carried over", "the operator does not put them on "
                        + "the pods either; for annotations on the pods, use driver.annotations and "
                        + "executor.annotations");
                default -> {
                    if (SERVER_METADATA.contains(key)) {
                        c.warn(value, "metadata." + key + (key.equals("generateName")
                                ? " is not carried over" : " is set by the API server: ignored"),
                                key.equals("generateName") ? "spark-gen derives every name from metadata.name"
                                        : null);
                    } else {
                        c.unknown("metadata." + key, value, key, METADATA);
                    }
                }
            }
        });
        if (node instanceof MapNode metadata && metadata.get("namespace") == null) {
            c.warn(node, "metadata.namespace is not set: the operator used the namespace it was applied to; "
                    + "the job renders into 'default'", "set 'namespace', or let a Kustomize overlay set it");
        }
    }

    private void spec(MapNode spec) {
        RoleConverter roles = new RoleConverter(c);
        spec.entries().forEach((key, value) -> {
            if (absent(value)) {
                return;
            }
            String path = "spec." + key;
            switch (key) {
                case "type", "image", "imagePullPolicy", "mainClass", "mainApplicationFile", "sparkConfigMap",
                        "hadoopConfigMap" -> c.job.put(key, text(value));
                case "imagePullSecrets", "arguments" -> c.job.put(key, textList(value));
                case "hadoopConf", "volumes" -> c.job.put(key, clean(value));
                case "sparkVersion" -> sparkVersion(value);
                case "mode" -> c.warn(value, "spec.mode " + textOf(value) + " is not carried over: spark-gen runs "
                        + "spark-submit in client mode inside the driver pod it writes", "that is the design: the "
                        + "application runs the same, its driver in that pod");
                case "proxyUser" -> c.warn(value, "spec.proxyUser is not carried over: spark-gen's spark-submit "
                        + "has no --proxy-user", "impersonation needs Hadoop security; run as the image's user, or "
                        + "set HADOOP_USER_NAME in driver.env and executor.env where simple authentication allows it");
                case "driver", "executor", "sparkConf", "nodeSelector", "memoryOverheadFactor" -> {
                } // below, once the fields they fill or yield to are known
                case "deps" -> {
                    if (c.isMapping(path, value)) {
                        deps(value);
                    }
                }
                case "restartPolicy" -> runs.restartPolicy(value);
                case "failureRetries", "retryInterval" -> c.warn(value, path + " is not carried over: the operator "
                        + "resubmits a failed application", "run.kind Job with run.onFailureRetries runs the driver "
                        + "again in a new pod when it fails");
                case "pythonVersion" -> c.warn(value, "spec.pythonVersion is not carried over: Spark 3 dropped "
                        + "spark.kubernetes.pyspark.pythonVersion and runs the image's python3",
                        "set PYSPARK_PYTHON in driver.env and executor.env to pick another interpreter");
                case "monitoring" -> {
                    if (c.isMapping(path, value)) {
                        monitoring(value);
                    }
                }
                case "batchScheduler" -> batchScheduler(value);
                case "timeToLiveSeconds" -> runs.timeToLive(value);
                case "batchSchedulerOptions" -> {
                    if (c.isMapping(path, value)) {
                        batchSchedulerOptions(value);
                    }
                }
                case "sparkUIOptions" -> {
                    if (c.isMapping(path, value)) {
                        UiConverter.convert(c, value);
                    }
                }
                case "driverIngressOptions" -> c.warn(value, "spec.driverIngressOptions is not carried over: "
                        + "spark-gen exposes the Spark UI only", "write a Service and an Ingress for other driver "
                        + "ports beside the rendered ones (select the labels app-name and spark-role: driver)");
                case "dynamicAllocation" -> copyKnown(path, value, c.isMapping(path, value)
                        ? c.job.object("dynamicAllocation", value.origin()) : new Draft(value.origin()), List.of("enabled", "initialExecutors", "minExecutors", "maxExecutors",
                        "shuffleTrackingEnabled", "shuffleTrackingTimeout"));
                case "initContainerImage" -> c.warn(value, "spec.initContainerImage is not carried over: Spark 3 "
                        + "downloads dependencies itself, without an init-container", null);
                default -> c.unknown(path, value, key, SPEC);
            }
        });
        roles.convert(spec, metadataLabels, spec.get("nodeSelector"));
        if (!c.job.has("image")) {
            rolesImages(spec);
        }
        Node factor = spec.get("memoryOverheadFactor");
        if (!absent(factor)) {
            roles.memoryOverheadFactor(factor);
        }
        if (c.isMapping("spec.sparkConf", spec.get("sparkConf"))) {
            new SparkConfConverter(c).convert(spec.get("sparkConf"));
        }
    }

    /**
     * Without spec.image the operator runs each role's own image. The job's image is the driver's (the driver
     * role keeps none of its own); the executors keep theirs, or run the driver's when they have none.
     */
    private void rolesImages(MapNode spec) {
        Draft driver = c.job.object("driver", spec.origin());
        Draft executor = c.job.object("executor", spec.origin());
        Node image = driver.node("image") != null ? driver.node("image") : executor.node("image");
        if (image == null) {
            return; // the schema says 'image' is missing
        }
        c.job.put("image", image);
        c.note("image", "from spec." + (driver.node("image") != null ? "driver" : "executor") + ".image, as the "
                + "SparkApplication has no spec.image");
        driver.remove("image");
        if (executor.node("image") != null
                && java.util.Objects.equals(textOf(executor.node("image")), textOf(image))) {
            executor.remove("image");
        }
        if (executor.node("image") == null && ((MapNode) spec).find("executor", "image") == null) {
            c.warn(image, "spec.driver.image is carried over as image, which the executors run too: the "
                    + "SparkApplication gives them no image", "set executor.image if they need another");
        } else if (driver.node("image") == null && spec.find("driver", "image") == null) {
            c.warn(image, "spec.executor.image is carried over as image, which the driver runs too: the "
                    + "SparkApplication gives it no image", "set driver.image if it needs another");
        }
    }

    private void sparkVersion(Node value) {
        String version = textOf(value);
        Matcher matcher = version == null ? null : VERSION.matcher(version);
        if (matcher != null && matcher.find() && !matcher.group(1).equals(version)) {
            c.job.put("sparkVersion", string(value.origin(), matcher.group(1)));
            c.warn(value, "spec.sparkVersion '" + version + "' is carried over as " + matcher.group(1),
                    "spark-gen reads the release number only");
        } else {
            c.job.put("sparkVersion", text(value));
        }
    }

    private void deps(Node value) {
        Draft deps = c.job.object("deps", value.origin());
        List<String> lists = List.of("jars", "files", "pyFiles", "packages", "repositories", "excludePackages",
                "archives");
        entries(value).forEach((key, item) -> {
            if (absent(item)) {
                return;
            }
            if (lists.contains(key)) {
                deps.put(key, textList(item));
            } else if (Set.of("jarsDownloadDir", "filesDownloadDir", "downloadTimeout", "maxSimultaneousDownloads")
                    .contains(key)) {
                c.warn(item, "spec.deps." + key + " is not carried over: it set up the operator's download "
                        + "init-container, which Spark 3 does not use", "Spark downloads remote dependencies "
                        + "into the driver's working directory itself");
            } else {
                c.unknown("spec.deps." + key, item, key, lists);
            }
        });
    }

    private void monitoring(Node value) {
        Draft monitoring = c.job.object("monitoring", value.origin());
        entries(value).forEach((key, item) -> {
            if (absent(item)) {
                return;
            }
            switch (key) {
                case "exposeDriverMetrics", "exposeExecutorMetrics" -> monitoring.put(key, item);
                case "metricsProperties", "metricsPropertiesFile" -> c.warn(item, "spec.monitoring." + key
                        + " is not carried over: spark-gen configures the metrics system itself (Spark's "
                        + "Prometheus servlet, or the JMX exporter)", "for more sinks, set spark.metrics.conf.* "
                        + "properties in sparkConf, or ship a metrics.properties in sparkConfigMap");
                case "prometheus" -> {
                    if (c.isMapping("spec.monitoring.prometheus", item)) {
                        prometheus(item, monitoring.object("prometheus", item.origin()));
                    }
                }
                default -> c.unknown("spec.monitoring." + key, item, key, List.of("exposeDriverMetrics",
                        "exposeExecutorMetrics", "metricsProperties", "metricsPropertiesFile", "prometheus"));
            }
        });
    }

    private void prometheus(Node value, Draft prometheus) {
        Map<String, Node> entries = entries(value);
        entries.forEach((key, item) -> {
            if (absent(item)) {
                return;
            }
            switch (key) {
                case "jmxExporterJar", "portName", "configFile" -> prometheus.put(key, text(item));
                case "port" -> prometheus.put(key, item);
                case "configuration" -> {
                    if (absent(entries.get("configFile"))) {
                        prometheus.put(key, text(item));
                    } else {
                        c.warn(item, "spec.monitoring.prometheus.configuration is not carried over: configFile "
                                + "takes precedence, as in the operator", null);
                    }
                }
                default -> c.unknown("spec.monitoring.prometheus." + key, item, key, List.of("jmxExporterJar",
                        "port", "portName", "configFile", "configuration"));
            }
        });
    }

    private void batchScheduler(Node value) {
        c.job.put("schedulerName", text(value));
        c.note("schedulerName", "from spec.batchScheduler");
        c.warn(value, "spec.batchScheduler " + textOf(value) + " is carried over as schedulerName: "
                + textOf(value), "volcano".equals(textOf(value)) ? "spark-gen writes the PodGroup itself"
                : "yunikorn".equals(textOf(value)) ? "spark-gen sets the queue label and application id itself"
                : "spark-gen writes what volcano and yunikorn need; check what this scheduler needs");
    }

    private void batchSchedulerOptions(Node value) {
        Draft options = c.job.object("batchSchedulerOptions", value.origin());
        entries(value).forEach((key, item) -> {
            if (absent(item)) {
                return;
            }
            switch (key) {
                case "queue", "priorityClassName" -> options.put(key, text(item));
                case "resources" -> {
                    if (!c.isMapping("spec.batchSchedulerOptions.resources", item)) {
                        return;
                    }
                    Draft resources = options.object("resources", item.origin());
                    entries(item).forEach((name, quantity) -> resources.put(name, text(quantity)));
                }
                default -> c.unknown("spec.batchSchedulerOptions." + key, item, key,
                        List.of("queue", "priorityClassName", "resources"));
            }
        });
    }

    /** Copies the keys spark-gen has under the same names; the others are unknown. */
    private void copyKnown(String path, Node value, Draft into, List<String> known) {
        entries(value).forEach((key, item) -> {
            if (absent(item)) {
                return;
            }
            if (known.contains(key)) {
                into.put(key, item);
            } else {
                c.unknown(path + "." + key, item, key, known);
            }
        });
    }

    /** A list of strings: numbers and booleans kept as written, as the schema's text takes them. */
    static Node textList(Node value) {
        return clean(value);
    }
}
