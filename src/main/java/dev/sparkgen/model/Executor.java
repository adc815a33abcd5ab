package dev.sparkgen.model;

import java.util.List;

/**
 * The executors Spark creates from the pod template. {@code instances} is null when unset (2, or dynamic
 * allocation's initial number); {@code deleteOnTermination} null leaves Spark's default. The template carries the
 * init containers, and the sidecars after the executor's own container, which Spark takes as the first.
 */
public record Executor(Role role, Integer instances, String serviceAccount, Boolean deleteOnTermination,
                       List<Object> initContainers, List<Object> sidecars) {

    public static final int DEFAULT_INSTANCES = 2;

    public Executor {
        initContainers = List.copyOf(initContainers);
        sidecars = List.copyOf(sidecars);
    }
}
