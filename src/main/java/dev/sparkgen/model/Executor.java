package dev.sparkgen.model;

/**
 * The executors Spark creates from the pod template. {@code instances} is null when unset (2, or dynamic
 * allocation's initial number); {@code deleteOnTermination} null leaves Spark's default.
 */
public record Executor(Role role, Integer instances, String serviceAccount, Boolean deleteOnTermination) {

    public static final int DEFAULT_INSTANCES = 2;
}
