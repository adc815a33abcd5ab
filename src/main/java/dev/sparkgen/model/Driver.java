package dev.sparkgen.model;

import java.util.List;

/** The driver pod: its role, the two ports executors connect to, and what only the driver has. */
public record Driver(Role role, int port, int blockManagerPort, Memory memoryLimit, List<Object> initContainers,
                     List<Object> sidecars) {

    public Driver {
        initContainers = List.copyOf(initContainers);
        sidecars = List.copyOf(sidecars);
    }
}
