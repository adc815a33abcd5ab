package dev.sparkgen.model;

/** The driver pod: its role, and the two ports executors connect to. */
public record Driver(Role role, int port, int blockManagerPort) {
}
