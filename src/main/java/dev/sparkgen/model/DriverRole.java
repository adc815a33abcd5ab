package dev.sparkgen.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver's Role: exactly the API calls Spark's scheduler backend makes in client mode, as the Role's
 * Kubernetes-shaped rules.
 */
public final class DriverRole {

    /**
     * The verbs Spark's client-mode scheduler backend uses, from Spark 3.0 to 4.x: it creates, watches, lists,
     * gets, patches and deletes its executor pods (one by one, and by label since 3.4, which needs
     * deletecollection); creates and deletes a ConfigMap for them (3.1 and later); deletes services it labelled
     * (3.2 and later; Spark's RBAC guide asks for the usual verbs on services); and creates on-demand
     * PersistentVolumeClaims. Nothing on secrets, nothing cluster-wide.
     */
    public static final List<Map<String, Object>> RULES = List.of(
            rule("pods", "create", "delete", "deletecollection", "get", "list", "patch", "watch"),
            rule("configmaps", "create", "delete", "deletecollection", "get", "list", "watch"),
            rule("services", "create", "delete", "deletecollection", "get", "list", "watch"),
            rule("persistentvolumeclaims", "create", "delete", "deletecollection", "get", "list", "watch"));

    private DriverRole() {
    }

    private static Map<String, Object> rule(String resource, String... verbs) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("apiGroups", List.of(""));
        rule.put("resources", List.of(resource));
        rule.put("verbs", List.of(verbs));
        return rule;
    }
}
