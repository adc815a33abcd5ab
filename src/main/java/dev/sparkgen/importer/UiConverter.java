package dev.sparkgen.importer;

import static dev.sparkgen.importer.Conversion.absent;
import static dev.sparkgen.importer.Conversion.entries;
import static dev.sparkgen.importer.Conversion.items;
import static dev.sparkgen.importer.Conversion.string;
import static dev.sparkgen.importer.Conversion.text;
import static dev.sparkgen.importer.Conversion.textOf;

import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import java.util.List;

/**
 * {@code spec.sparkUIOptions} into {@code ui}: the UI service's type, annotations and labels, and the Ingress's
 * annotations and TLS. The operator takes the Ingress's host from its own {@code --ingress-url-format} flag,
 * which no SparkApplication carries; spark-gen's default is path-based routing, {@code /<app>} on any host.
 */
final class UiConverter {

    private static final List<String> KEYS = List.of("servicePort", "servicePortName", "serviceType",
            "serviceAnnotations", "serviceLabels", "ingressAnnotations", "ingressTLS", "ingressURLFormat");
    private static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";
    private static final String REWRITE_ANNOTATION = "nginx.ingress.kubernetes.io/rewrite-target";

    private UiConverter() {
    }

    static void convert(Conversion c, Node options) {
        Draft ui = c.job.object("ui", options.origin());
        MapNode fields = options instanceof MapNode m ? m : new MapNode(options.origin(), java.util.Map.of());
        fields.entries().forEach((key, value) -> {
            if (absent(value)) {
                return;
            }
            String path = "spec.sparkUIOptions." + key;
            switch (key) {
                case "servicePort" -> c.warn(value, path + " is not carried over: spark-gen's UI service listens "
                        + "on the UI's own port, ui.port (spark.ui.port, 4040 by default)", "address the UI "
                        + "through the Ingress, or set ui.port");
                case "servicePortName" -> c.warn(value, path + " is not carried over: spark-gen names the UI "
                        + "service port spark-ui", null);
                case "serviceType" -> {
                    String type = textOf(value);
                    if ("ClusterIP".equals(type) || "NodePort".equals(type)) {
                        ui.object("service", value.origin()).put("type", text(value));
                    } else {
                        c.warn(value, path + " " + type + " is not carried over: spark-gen's UI service is "
                                + "ClusterIP or NodePort", "expose the UI through the Ingress");
                    }
                }
                case "serviceAnnotations", "serviceLabels" -> {
                    if (!c.isMapping(path, value)) {
                        return;
                    }
                    Draft map = ui.object("service", value.origin()).object(key.equals("serviceAnnotations")
                            ? "annotations" : "labels", value.origin());
                    entries(value).forEach((name, item) -> map.put(name, text(item)));
                }
                case "ingressAnnotations" -> {
                    if (c.isMapping(path, value)) {
                        annotations(c, ui, value);
                    }
                }
                case "ingressTLS" -> tls(c, ui, value, fields);
                case "ingressURLFormat" -> ui.object("ingress", value.origin()).put("urlFormat", text(value));
                default -> c.unknown(path, value, key, KEYS);
            }
        });
        if (fields.entries().keySet().stream().anyMatch(key -> key.startsWith("ingress"))
                && absent(fields.get("ingressURLFormat"))) {
            c.warn(options, "the operator's UI Ingress follows its --ingress-url-format flag, which the "
                    + "SparkApplication does not carry: spark-gen serves the UI under /<app> on any host",
                    "set ui.ingress.urlFormat to the operator's format, or ui.ingress.host");
        }
    }

    private static void annotations(Conversion c, Draft ui, Node value) {
        Draft ingress = ui.object("ingress", value.origin());
        Draft annotations = ingress.object("annotations", value.origin());
        entries(value).forEach((name, item) -> {
            if (absent(item)) {
                return;
            }
            if (name.equals(CLASS_ANNOTATION)) {
                ingress.put("className", text(item));
                c.note("ui.ingress.className", "from the annotation " + CLASS_ANNOTATION);
                c.warn(item, "the ingress annotation " + name + " is carried over as ui.ingress.className",
                        "spark-gen writes ingressClassName (or the annotation, for Kubernetes before 1.18)");
            } else if (name.equals(REWRITE_ANNOTATION)) {
                c.warn(item, "the ingress annotation " + name + " is not carried over: spark-gen writes the rewrite "
                        + "its path-based routing needs", null);
            } else {
                annotations.put(name, text(item));
            }
        });
    }

    /** The first TLS entry's secret, and its first host as the UI's host (TLS needs one). */
    private static void tls(Conversion c, Draft ui, Node value, MapNode fields) {
        List<Node> entries = items(value);
        if (entries.isEmpty()) {
            return;
        }
        Node first = entries.get(0);
        if (!c.isMapping("spec.sparkUIOptions.ingressTLS[0]", first)) {
            return;
        }
        Draft ingress = ui.object("ingress", value.origin());
        String secret = textOf(((MapNode) first).get("secretName"));
        List<Node> hosts = items(((MapNode) first).get("hosts"));
        String host = hosts.isEmpty() ? null : textOf(hosts.get(0));
        boolean urlFormat = !absent(fields.get("ingressURLFormat"));
        if (secret == null || host == null && !urlFormat || host != null && host.startsWith("*")) {
            c.warn(first, "spec.sparkUIOptions.ingressTLS is not carried over: spark-gen's TLS needs a secretName "
                    + "and one exact host", "set ui.ingress.host and ui.ingress.tls.secretName");
            return;
        }
        ingress.object("tls", first.origin()).put("secretName", string(first.origin(), secret));
        if (!urlFormat) {
            ingress.put("host", string(hosts.get(0).origin(), host));
            c.note("ui.ingress.host", "from spec.sparkUIOptions.ingressTLS[0].hosts[0]");
            c.warn(hosts.get(0), "the TLS host " + host + " is carried over as ui.ingress.host: the UI is served at "
                    + "the root of that host", "the operator took the host from its --ingress-url-format flag; check "
                    + "they agree");
        }
        for (int i = 1; i < entries.size(); i++) {
            c.warn(entries.get(i), "spec.sparkUIOptions.ingressTLS[" + i + "] is not carried over: spark-gen's "
                    + "Ingress has one host", null);
        }
        if (hosts.size() > 1) {
            c.warn(hosts.get(1), "the TLS hosts after the first are not carried over: spark-gen's Ingress has one "
                    + "host", null);
        }
    }
}
