package dev.sparkgen.render;

import dev.sparkgen.model.App;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an app's files: the five manifests (four without an Ingress), the further objects a job asks for,
 * {@code kustomization.yaml}, and a {@code README.md} for reviewers, with the ConfigMap's three files inside. It parses its own output back before returning it, and fails loudly
 * when that is not exactly the intended objects. One instance renders any number of apps, from any thread.
 */
public final class Renderer {

    private final Templates templates = new Templates();

    public Rendered render(App app, KubeVersion kube, String source) {
        Map<String, Object> view = View.of(app, IngressApi.of(kube), source);
        Templates.Run run = templates.start(view);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("spark-defaults.conf", run.render("spark-defaults.conf"));
        files.put("spark-env.sh", run.render("spark-env.sh"));
        files.put(App.TEMPLATE_FILE, run.render("executor-pod-template.yaml"));
        var monitoring = app.job().monitoring();
        if (monitoring.jmxExporter() && monitoring.configFile() == null) {
            files.put(App.METRICS_FILE, monitoring.configuration() != null ? monitoring.configuration()
                    : run.render(App.METRICS_FILE));
        }
        Map<String, String> inner = Map.of("defaults", files.get("spark-defaults.conf"), "env",
                files.get("spark-env.sh"), "template", files.get(App.TEMPLATE_FILE), "metrics",
                files.getOrDefault(App.METRICS_FILE, ""));
        run.put("files", inner);
        List<String> manifests = View.resources(app);
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : manifests) {
            out.put(name, run.render(name));
        }
        out.put(Rendered.KUSTOMIZATION, run.render(Rendered.KUSTOMIZATION));
        SelfCheck.verify(app, view, files, out);
        run.put("readme", Readme.of(app, manifests));
        out.put(Rendered.README, run.render(Rendered.README));
        return new Rendered(app.name(), out, new ArrayList<>(manifests));
    }

    /** A starter job named {@code name}, whose editors read the schema at {@code schema}. */
    public String starter(String name, String schema) {
        return templates.render("job.yaml", Map.of("name", name, "schema", schema));
    }

    /** The kustomization at the root of a multi-app directory: it lists each app's directory. */
    public String renderRoot(List<String> apps) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("resources", apps);
        return templates.render("root-kustomization.yaml", view);
    }
}
