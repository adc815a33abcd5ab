package dev.sparkgen.model;

import java.util.SortedMap;

/** The Spark UI: its port, its service, and its Ingress. */
public record Ui(int port, String serviceType, Integer nodePort, Ingress ingress) {

    /** The UI's Ingress; {@code host} null means path-based routing under {@code path}. */
    public record Ingress(boolean enabled, String className, String host, String path, String tlsSecretName,
                          SortedMap<String, String> annotations) {
    }
}
