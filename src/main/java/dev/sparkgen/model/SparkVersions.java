package dev.sparkgen.model;

import java.util.Map;

/**
 * The Spark release that introduced each property spark-gen knows to be newer than Spark 3.0, from Spark's own
 * config definitions ({@code .version()}): an older Spark ignores such a key without a word, so spark-gen warns.
 */
public final class SparkVersions {

    private static final Map<String, SparkVersion> SINCE = Map.ofEntries(
            Map.entry("spark.archives", v(3, 1)),
            Map.entry("spark.kubernetes.configMap.maxSize", v(3, 1)),
            Map.entry("spark.kubernetes.authenticate.executor.serviceAccountName", v(3, 1)),
            Map.entry("spark.kubernetes.executor.checkAllContainers", v(3, 1)),
            Map.entry("spark.kubernetes.executor.missingPodDetectDelta", new SparkVersion(3, 1, 1)),
            Map.entry("spark.kubernetes.allocation.driver.readinessTimeout", new SparkVersion(3, 1, 3)),
            Map.entry("spark.kubernetes.executor.disableConfigMap", v(3, 2)),
            Map.entry("spark.kubernetes.driver.service.deleteOnTermination", v(3, 2)),
            Map.entry("spark.kubernetes.trust.certificates", v(3, 2)),
            Map.entry("spark.kubernetes.driver.ownPersistentVolumeClaim", v(3, 2)),
            Map.entry("spark.kubernetes.driver.reusePersistentVolumeClaim", v(3, 2)),
            Map.entry("spark.executor.memoryOverheadFactor", v(3, 3)),
            Map.entry("spark.driver.memoryOverheadFactor", v(3, 3)),
            Map.entry("spark.kubernetes.scheduler.name", v(3, 3)),
            Map.entry("spark.kubernetes.driver.scheduler.name", v(3, 3)),
            Map.entry("spark.executor.minMemoryOverhead", v(4, 0)),
            Map.entry("spark.driver.minMemoryOverhead", v(4, 0)));

    private SparkVersions() {
    }

    private static SparkVersion v(int major, int minor) {
        return new SparkVersion(major, minor, 0);
    }

    /** The release that introduced a property, or null when it is older than 3.0 or unknown to spark-gen. */
    public static SparkVersion since(String key) {
        return SINCE.get(key);
    }
}
