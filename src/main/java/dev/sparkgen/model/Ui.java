package dev.sparkgen.model;

import java.util.SortedMap;

/**
 * The Spark UI: its port, whether it offers kill links (off unless asked for: they are GET requests that anyone
 * who reaches the UI can follow), its service, and its Ingress.
 */
public record Ui(int port, boolean killEnabled, String serviceType, Integer nodePort,
                 SortedMap<String, String> serviceAnnotations, SortedMap<String, String> serviceLabels,
                 Ingress ingress) {

    /**
     * The UI's Ingress as written; {@code urlFormat} is the Spark Operator's format, which {@link Derive} turns
     * into a host and a path.
     */
    public record Ingress(boolean enabled, String className, String host, String path, String urlFormat,
                          String tlsSecretName, SortedMap<String, String> annotations) {
    }
}
