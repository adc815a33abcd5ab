package dev.sparkgen.model;

/** A Spark release, compared by number: where Spark's behaviour or property names changed. */
public record SparkVersion(int major, int minor, int patch) implements Comparable<SparkVersion> {

    /** The newest release spark-gen knows: the default when a job names none. */
    public static final SparkVersion NEWEST = new SparkVersion(4, 2, 0);
    /** The oldest release spark-gen writes for. */
    public static final SparkVersion OLDEST = new SparkVersion(3, 0, 0);
    /** spark.executor.memoryOverheadFactor replaced spark.kubernetes.memoryOverheadFactor. */
    public static final SparkVersion V3_3 = new SparkVersion(3, 3, 0);

    public static SparkVersion parse(String text) {
        String[] parts = text.split("\\.");
        return new SparkVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
    }

    public boolean atLeast(SparkVersion other) {
        return compareTo(other) >= 0;
    }

    /** By number (written out, as {@code Origin}'s order is: no serializable lambdas on a cold run). */
    @Override
    public int compareTo(SparkVersion other) {
        return major != other.major ? Integer.compare(major, other.major)
                : minor != other.minor ? Integer.compare(minor, other.minor) : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
