package dev.sparkgen.render;

import dev.sparkgen.model.App;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The UI's Ingress, always built as a {@code networking.k8s.io/v1} object; {@link IngressApi} adapts it to an older
 * cluster. Its policy lives here and nowhere else: under a path, nginx rewrites with a regular expression
 * ({@code /app(/|$)(.*)} to {@code /$2}, so {@code pathType} must be ImplementationSpecific), while traefik strips
 * the prefix with a Middleware of its own (a plain Prefix path). Empty strings are absent fields.
 */
record UiIngress(String apiVersion, SortedMap<String, String> annotations, String className, String host,
                 String path, String pathType, String service, Map<String, Object> backend,
                 List<Map<String, Object>> tls) {

    static final String API_VERSION = "networking.k8s.io/v1";
    static final String UI_PORT = Pods.UI_PORT;

    /** Traefik's Middleware that strips the UI's path prefix: written for a path-routed UI behind traefik. */
    record StripPrefix(String name, String prefix) {
    }

    static UiIngress of(App app) {
        var ingress = app.job().ui().ingress();
        App.Route route = app.route();
        SortedMap<String, String> annotations = new TreeMap<>(ingress.annotations());
        boolean regex = app.pathRouted() && !traefik(app);
        if (regex) {
            annotations.put("nginx.ingress.kubernetes.io/rewrite-target", "/$2");
        }
        if (traefikStripsPrefix(app)) {
            annotations.put("traefik.ingress.kubernetes.io/router.middlewares",
                    app.job().namespace() + "-" + stripPrefix(app).name() + "@kubernetescrd");
        }
        String path = !app.pathRouted() ? "/" : regex ? route.path() + "(/|$)(.*)" : route.path();
        List<Map<String, Object>> tls = ingress.tlsSecretName() == null || route.host() == null ? List.of()
                : List.of(Map.of("hosts", List.of(route.host()), "secretName", ingress.tlsSecretName()));
        return new UiIngress(API_VERSION, annotations, route.className(), route.host() == null ? "" : route.host(),
                path, regex ? "ImplementationSpecific" : "Prefix", app.names().uiService(),
                Map.of("service", Map.of("name", app.names().uiService(), "port", Map.of("name", UI_PORT))), tls);
    }

    /** True when spark-gen writes traefik's Middleware: the UI is under a path, behind traefik. */
    static boolean traefikStripsPrefix(App app) {
        return app.pathRouted() && traefik(app);
    }

    static StripPrefix stripPrefix(App app) {
        return new StripPrefix(app.name() + "-strip-prefix", app.route().path() == null ? "" : app.route().path());
    }

    private static boolean traefik(App app) {
        return "traefik".equals(app.route().className());
    }
}
