package dev.sparkgen.rules;

import dev.sparkgen.model.SparkProperties;
import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.MapNode;

/**
 * The sparkConf keys a job may not set, judged by the key alone: spark-gen derives the property, or a field sets
 * it. Nothing else in the job changes that verdict, so {@code validate} reports these even when the schema found
 * errors elsewhere and the other rules, which read the bound job, cannot run yet.
 */
public final class SparkConfKeys {

    private static final String EXECUTOR_VOLUMES = "spark.kubernetes.executor.volumes.";

    private SparkConfKeys() {
    }

    /** Checks the keys of the document's {@code sparkConf}, if it is a mapping. */
    public static void check(MapNode document, Problems problems) {
        if (document.get("sparkConf") instanceof MapNode conf) {
            // an executor volume may be a claim Spark makes per pod, which has no field: only Rules, with the
            // bound values, can tell
            conf.entries().forEach((key, value) -> report(key,
                    key.startsWith(EXECUTOR_VOLUMES) ? null : SparkProperties.fieldOf(key), value.origin(), problems));
        }
    }

    /** Whether {@link #report} finds a problem with the key: it is derived, or a field sets it. */
    static boolean refuses(String key, String field) {
        return field != null || SparkProperties.DERIVED.containsKey(key);
    }

    /** The problem of one key, if any: {@code field} is the field that sets the property (null: none). */
    static void report(String key, String field, Origin at, Problems problems) {
        String reason = SparkProperties.DERIVED.get(key);
        if (reason != null) {
            problems.error(at, "sparkConf key '" + key + "' is set by spark-gen", reason);
        } else if (field != null) {
            problems.error(at, "sparkConf key '" + key + "' duplicates a field", "set '" + field + "' instead");
        }
    }
}
