package dev.sparkgen.model;

import java.util.Map;
import java.util.SortedMap;

/**
 * A job with everything derived from it, each computed once, here: the app name and the object names, the
 * labels and annotations, the pods' memory after Spark's overhead rule, the UI route, the Spark properties and
 * the further objects (RBAC, PodGroup, NetworkPolicy). Templates and rules read these; none of them computes a
 * name or a policy of its own.
 */
public record App(
        SparkJob job,
        String name,
        Names names,
        SortedMap<String, String> labels,
        SortedMap<String, String> driverLabels,
        SortedMap<String, String> executorLabels,
        SortedMap<String, String> driverAnnotations,
        SortedMap<String, String> executorAnnotations,
        SortedMap<String, String> selector,
        Sizing driverSizing,
        Sizing executorSizing,
        int executorInstances,
        Route route,
        String serviceAccount,
        PodGroup podGroup,
        SortedMap<String, String> sparkDefaults,
        Map<String, String> generatedBy) {

    /** Where the ConfigMap is mounted in the driver: SPARK_CONF_DIR. */
    public static final String CONF_DIR = "/etc/spark/conf";
    /** The driver's scratch volume: SPARK_LOCAL_DIRS and the Ivy cache live under it. */
    public static final String SCRATCH_DIR = "/var/data";
    public static final String LOCAL_DIRS = SCRATCH_DIR + "/spark-local";
    public static final String IVY_DIR = SCRATCH_DIR + "/ivy";
    public static final String TEMPLATE_FILE = "executor-pod-template.yaml";
    /** The JMX exporter's configuration, a further key of the ConfigMap, where executors mount it. */
    public static final String METRICS_FILE = "prometheus.yaml";
    public static final String EXECUTOR_METRICS_DIR = "/etc/spark/metrics";
    public static final String HADOOP_CONF_DIR = "/etc/hadoop/conf";

    /** The names of the objects, all {@code <app>} plus a suffix. */
    public record Names(String driverPod, String configMap, String driverService, String uiService, String ingress,
                        String serviceAccount, String podGroup, String driverPolicy, String executorPolicy) {

        static Names of(String app) {
            return new Names(app + "-driver", app + "-cm", app + "-driver-svc", app + "-ui-svc", app + "-ui-ingress",
                    app + "-driver", app + "-pg", app + "-driver", app + "-executors");
        }

        /**
         * spark.driver.host: the headless Service's name in {@code namespace}, which is the namespace itself or,
         * on the driver's command line, a reference to it that Kubernetes expands in the pod.
         */
        public String driverHost(String namespace) {
            return driverService + "." + namespace + ".svc";
        }
    }

    /**
     * A pod's memory as Spark sizes it: the JVM heap plus the overhead, the overhead given or
     * max(384 MiB, factor x heap), the factor 0.1 for JVM jobs and 0.4 for Python and R.
     */
    public record Sizing(long heapMiB, long overheadMiB, boolean overheadGiven, double factor) {

        public static final long MIN_OVERHEAD_MIB = 384;

        static Sizing of(Memory heap, Memory overhead, double factor) {
            long derived = Math.max(MIN_OVERHEAD_MIB, (long) (factor * heap.mebibytes()));
            return new Sizing(heap.mebibytes(), overhead != null ? overhead.mebibytes() : derived, overhead != null,
                    factor);
        }

        public long podMiB() {
            return heapMiB + overheadMiB;
        }
    }

    /**
     * Where the UI is served: on {@code host} (null: any host), under {@code path} (null: at the root, which
     * needs a host). {@code className} picks the controller's way to strip the path.
     */
    public record Route(boolean enabled, String host, String path, String className) {

        public boolean pathRouted() {
            return enabled && path != null;
        }
    }

    /**
     * The Volcano PodGroup spark-gen writes, since in client mode Spark's own Volcano step never runs: one
     * member (only the running driver creates the executors), and room for the whole job.
     */
    public record PodGroup(String queue, String priorityClassName, SortedMap<String, String> minResources) {
    }

    /** The UI's path prefix behind the Ingress, or null when it is served at a host's root or has no Ingress. */
    public String uiPath() {
        return route.pathRouted() ? route.path() : null;
    }

    /** True when the UI is served under a path (and Spark must know it as spark.ui.proxyBase). */
    public boolean pathRouted() {
        return route.pathRouted();
    }

    /**
     * The name of the object that runs the driver: the Pod or the Job {@code <app>-driver}, or the CronJob
     * {@code <app>} (the API server takes at most 52 characters for a CronJob, 11 fewer than for a Job).
     */
    public String driverObject() {
        return job.run().kind() == Run.Kind.CronJob ? name : names.driverPod();
    }
}
