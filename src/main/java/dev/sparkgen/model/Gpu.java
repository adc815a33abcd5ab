package dev.sparkgen.model;

/**
 * GPUs of a role: the Kubernetes extended resource ({@code nvidia.com/gpu}), how many, and the script with which
 * Spark finds them in the container. Spark's own resource name is the part after the slash, its vendor the part
 * before: {@code spark.executor.resource.gpu.vendor nvidia.com} makes Spark request {@code nvidia.com/gpu}.
 */
public record Gpu(String name, long quantity, String discoveryScript) {

    /** The vendor whose discovery script Spark ships ({@code examples/src/main/scripts/getGpusResources.sh}). */
    public static final String NVIDIA = "nvidia.com";

    /** Spark's name of the resource, the part of {@code name} after the slash: {@code gpu}. */
    public String resourceName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** The extended resource's domain, the part of {@code name} before the slash: {@code nvidia.com}. */
    public String vendor() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** The given script, else Spark's own for NVIDIA GPUs in the image; null when there is neither. */
    public String script(String sparkHome) {
        if (discoveryScript != null) {
            return discoveryScript;
        }
        return vendor().equals(NVIDIA) ? sparkHome + "/examples/src/main/scripts/getGpusResources.sh" : null;
    }
}
