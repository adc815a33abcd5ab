package dev.sparkgen.model;

import java.util.Map;

/**
 * One environment variable: a literal {@code value} (a '$(VAR)' in it is not expanded), or {@code valueFrom} a
 * Secret's or ConfigMap's key or a field of the pod (exactly one of them is set).
 */
public record EnvVar(String name, String value, Map<String, Object> valueFrom) {
}
