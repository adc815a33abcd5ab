package dev.sparkgen.importer;

import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Scalar;

/**
 * Recognises a Spark Operator SparkApplication given where a job belongs, so that {@code render} and
 * {@code validate} say, in one problem, to convert it, instead of listing every key a job does not have.
 */
public final class SparkApplicationFile {

    private SparkApplicationFile() {
    }

    /** True for {@code kind: SparkApplication} (or {@code ScheduledSparkApplication}) of the operator's API group. */
    public static boolean is(MapNode document) {
        return document.get("kind") instanceof Scalar kind
                && (kind.text().equals("SparkApplication") || kind.text().equals("ScheduledSparkApplication"))
                && document.get("apiVersion") instanceof Scalar api && api.text().startsWith("sparkoperator.k8s.io/");
    }

    /** The command that converts the file, as the user named it: {@code spark-gen import app.yaml -o app-job.yaml}. */
    public static String importCommand(String file) {
        String base = file.replaceFirst("\\.ya?ml$", "");
        return "spark-gen import " + file + " -o " + base + "-job.yaml";
    }
}
