package dev.sparkgen.model;

/**
 * The executors Spark creates from the pod template. {@code instances} is the schema's default when the job does
 * not give it ({@code instancesGiven} false: under dynamic allocation Spark then starts from its own numbers);
 * {@code deleteOnTermination} null leaves Spark's default.
 */
public record Executor(Role role, int instances, boolean instancesGiven, String serviceAccount,
                       Boolean deleteOnTermination) {
}
