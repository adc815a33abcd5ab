package dev.sparkgen.model;

import java.util.List;

/**
 * The executors Spark creates from the pod template. {@code instances} is the schema's default when the job does
 * not give it ({@code instancesGiven} false: under dynamic allocation Spark then starts from its own numbers);
 * {@code deleteOnTermination} null leaves Spark's default. The template carries the init containers, and the
 * sidecars after the executor's own container, which Spark takes as the first.
 */
public record Executor(Role role, int instances, boolean instancesGiven, String serviceAccount,
                       Boolean deleteOnTermination, List<Object> initContainers, List<Object> sidecars) {

    public Executor {
        initContainers = List.copyOf(initContainers);
        sidecars = List.copyOf(sidecars);
    }
}
