package dev.sparkgen.model;

import java.util.SortedMap;

/**
 * A job with everything derived from it, each computed once, here: the app name and the object names, the
 * labels, the pods' memory after Spark's overhead rule, the UI route, and the Spark properties. Templates and
 * rules read these; none of them computes a name or a policy of its own.
 */
public record App(
        SparkJob job,
        String name,
        Names names,
        SortedMap<String, String> labels,
        SortedMap<String, String> driverLabels,
        SortedMap<String, String> executorLabels,
        SortedMap<String, String> selector,
        Sizing driverSizing,
        Sizing executorSizing,
        String uiPath,
        String driverHost,
        SortedMap<String, String> sparkDefaults) {

    /** Where the ConfigMap is mounted in the driver: SPARK_CONF_DIR. */
    public static final String CONF_DIR = "/etc/spark/conf";
    /** The driver's scratch volume: SPARK_LOCAL_DIRS and the Ivy cache live under it. */
    public static final String SCRATCH_DIR = "/var/data";
    public static final String LOCAL_DIRS = SCRATCH_DIR + "/spark-local";
    public static final String IVY_DIR = SCRATCH_DIR + "/ivy";
    public static final String TEMPLATE_FILE = "executor-pod-template.yaml";

    /** The names of the objects, all {@code <app>} plus a suffix. */
    public record Names(String driverPod, String configMap, String driverService, String uiService, String ingress) {

        static Names of(String app) {
            return new Names(app + "-driver", app + "-cm", app + "-driver-svc", app + "-ui-svc", app + "-ui-ingress");
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

    /** True when the UI is served under a path (and Spark must know it as spark.ui.proxyBase). */
    public boolean pathRouted() {
        return uiPath != null;
    }
}
