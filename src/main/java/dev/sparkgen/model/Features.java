package dev.sparkgen.model;

import java.util.SortedMap;

/**
 * The job-wide features beside the pods (dynamic allocation, monitoring, batch scheduling, network policy), as
 * the job turns them on; named apart from {@code SparkGen.Options}, which are a run's command-line options.
 */
public final class Features {

    private Features() {
    }

    /** Dynamic allocation; null fields are Spark's defaults. */
    public record DynamicAllocation(boolean enabled, Integer initialExecutors, Integer minExecutors,
                                    Integer maxExecutors, boolean shuffleTracking, Long shuffleTrackingTimeout) {
    }

    /** Prometheus metrics: Spark's servlet, or the JMX exporter when {@code jmxExporterJar} is set. */
    public record Monitoring(boolean exposeDriverMetrics, boolean exposeExecutorMetrics, String jmxExporterJar,
                             int port, String portName, String configuration, String configFile) {

        public boolean enabled() {
            return exposeDriverMetrics || exposeExecutorMetrics;
        }

        public boolean jmxExporter() {
            return enabled() && jmxExporterJar != null;
        }
    }

    /** A batch scheduler's options: queue, priority class and PodGroup resources (all may be null). */
    public record BatchScheduler(String queue, String priorityClassName, SortedMap<String, String> resources) {
    }

    /** The NetworkPolicy: whether to write it, and where the ingress controller runs. */
    public record NetworkPolicy(boolean create, String ingressControllerNamespace) {
    }
}
