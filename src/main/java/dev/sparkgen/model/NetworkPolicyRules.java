package dev.sparkgen.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NetworkPolicies' ingress rules: exactly the traffic a job needs to reach its driver and its executors,
 * and the selectors of its pods, as Kubernetes-shaped plain data.
 */
public final class NetworkPolicyRules {

    private NetworkPolicyRules() {
    }

    /**
     * What reaches the driver: the executors, on its RPC and block manager ports; the ingress controller's
     * namespace, on the UI port (anyone, through a NodePort); Prometheus, from any namespace, on the metrics port.
     */
    public static List<Map<String, Object>> driverIngress(App app) {
        SparkJob job = app.job();
        List<Map<String, Object>> rules = new java.util.ArrayList<>();
        rules.add(from(List.of(pods(app, "executor")), job.driver().port(), job.driver().blockManagerPort()));
        if (job.ui().serviceType().equals("NodePort")) {
            rules.add(from(null, job.ui().port()));
        } else if (app.route().enabled()) {
            Map<String, Object> controller = Map.of("namespaceSelector", Map.of("matchLabels",
                    Map.of("kubernetes.io/metadata.name", job.networkPolicy().ingressControllerNamespace())));
            rules.add(from(List.of(controller), job.ui().port()));
        }
        Features.Monitoring monitoring = job.monitoring();
        if (!monitoring.jmxExporter() && monitoring.enabled()) {
            rules.add(from(List.of(Map.of("namespaceSelector", Map.of())), job.ui().port()));
        } else if (monitoring.jmxExporter() && monitoring.exposeDriverMetrics()) {
            rules.add(from(List.of(Map.of("namespaceSelector", Map.of())), monitoring.port()));
        }
        return rules;
    }

    /** What reaches an executor: the driver and the other executors, on any port (theirs are random). */
    public static List<Map<String, Object>> executorIngress(App app) {
        List<Map<String, Object>> rules = new java.util.ArrayList<>();
        Map<String, Object> sameApp = Map.of("podSelector", Map.of("matchLabels", Map.of(Derive.APP_LABEL, app.name())));
        rules.add(Map.of("from", List.of(sameApp)));
        Features.Monitoring monitoring = app.job().monitoring();
        if (monitoring.jmxExporter() && monitoring.exposeExecutorMetrics()) {
            rules.add(from(List.of(Map.of("namespaceSelector", Map.of())), monitoring.port()));
        }
        return rules;
    }

    /** The labels that select an app's pods of a role (those Spark and spark-gen put on them). */
    public static Map<String, Object> pods(App app, String role) {
        return Map.of("podSelector", Map.of("matchLabels", Map.of(Derive.APP_LABEL, app.name(), Derive.ROLE_LABEL, role)));
    }

    private static Map<String, Object> from(List<Map<String, Object>> peers, int... ports) {
        Map<String, Object> rule = new LinkedHashMap<>();
        if (peers != null) {
            rule.put("from", peers);
        }
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (int port : ports) {
            list.add(Map.of("port", port, "protocol", "TCP"));
        }
        rule.put("ports", list);
        return rule;
    }
}
