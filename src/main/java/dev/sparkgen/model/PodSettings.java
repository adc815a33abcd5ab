package dev.sparkgen.model;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a role sets on its pods, the driver pod and the executor template alike: Kubernetes objects passed
 * through as plain maps and lists (schema-checked against Kubernetes' own definitions), or null when unset.
 */
public record PodSettings(SortedMap<String, String> nodeSelector, List<Object> tolerations, Map<String, Object> affinity,
                          Map<String, Object> securityContext, Boolean hostNetwork, Map<String, Object> dnsConfig,
                          List<Object> hostAliases, Long terminationGracePeriodSeconds) {
}
