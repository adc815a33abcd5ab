package dev.sparkgen.model;

/** The executors Spark creates from the pod template. */
public record Executor(Role role, int instances) {
}
