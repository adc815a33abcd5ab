package dev.sparkgen.render;

import dev.sparkgen.model.App;
import dev.sparkgen.model.KubeVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an app's files: the manifests {@link Manifests} lists for it, {@code kustomization.yaml}, and a
 * {@code README.md} for reviewers, with the ConfigMap's files inside. It holds its own output to the
 * {@link View} it rendered ({@link SelfCheck}) before returning it, and fails loudly when they differ. One
 * instance renders any number of apps, from any thread.
 */
public final class Renderer {

    private final Templates templates = new Templates();

    /** The files the ConfigMap holds, as the configmap template reads them (metrics empty when there is none). */
    record ConfigFiles(String defaults, String env, String template, String metrics) {
    }

    /** The variables of the starter job ({@code init}). */
    record Starter(String name, String schema) {
    }

    /** The variables of the root kustomization of several apps. */
    record Root(List<String> resources) {
    }

    public Rendered render(App app, KubeVersion kube, String source) {
        View view = View.of(app, kube, source);
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
        run.put("files", new ConfigFiles(files.get("spark-defaults.conf"), files.get("spark-env.sh"),
                files.get(App.TEMPLATE_FILE), files.getOrDefault(App.METRICS_FILE, "")));
        String podSpec = run.render("driver-pod-spec.yaml");
        run.put("podSpec", podSpec);
        if (view.job() != null) {
            run.put("jobSpec", run.render("driver-job-spec.yaml"));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : view.resources()) {
            out.put(name, run.render(name));
        }
        out.put(Rendered.KUSTOMIZATION, run.render(Rendered.KUSTOMIZATION));
        SelfCheck.verify(app, view, files, out);
        run.put("readme", Readme.of(app, view.resources(), kube));
        out.put(Rendered.README, run.render(Rendered.README));
        return new Rendered(app.name(), out, new ArrayList<>(view.resources()));
    }

    /** A starter job named {@code name}, whose editors read the schema at {@code schema}. */
    public String starter(String name, String schema) {
        return templates.render("job.yaml", new Starter(name, schema));
    }

    /** The kustomization at the root of a multi-app directory: it lists each app's directory. */
    public String renderRoot(List<String> apps) {
        return templates.render("root-kustomization.yaml", new Root(apps));
    }
}
