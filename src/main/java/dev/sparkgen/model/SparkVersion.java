package dev.sparkgen.model;

import java.util.Comparator;

/** A Spark release, compared by number: where Spark's behaviour or property names changed. */
public record SparkVersion(int major, int minor, int patch) implements Comparable<SparkVersion> {

    /** The newest release spark-gen knows: the default when a job names none. */
    public static final SparkVersion NEWEST = new SparkVersion(4, 2, 0);
    /** The oldest release spark-gen writes for. */
    public static final SparkVersion OLDEST = new SparkVersion(3, 0, 0);
    /** spark.executor.memoryOverheadFactor replaced spark.kubernetes.memoryOverheadFactor. */
    public static final SparkVersion V3_3 = new SparkVersion(3, 3, 0);

    private static final Comparator<SparkVersion> ORDER = Comparator.comparingInt(SparkVersion::major)
            .thenComparingInt(SparkVersion::minor).thenComparingInt(SparkVersion::patch);

    public static SparkVersion parse(String text) {
        String[] parts = text.split("\\.");
        return new SparkVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
    }

    public boolean atLeast(SparkVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(SparkVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
