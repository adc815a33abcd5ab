package dev.sparkgen.model;

import java.util.List;
import java.util.Map;

/** What a role sets on its Spark container: its env, mounts, security context and hooks (null when unset). */
public record ContainerSettings(List<EnvVar> env, List<Object> envFrom, List<Object> volumeMounts,
                                Map<String, Object> securityContext, Map<String, Object> lifecycle) {
}
