package dev.sparkgen.render;

import dev.sparkgen.model.App;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's window into the render stage, split in two: the templates alone, and the self-check alone.
 * It lives in spark-gen's render package to reach what that package keeps to itself (View, Templates, Readme,
 * SelfCheck), and repeats {@link Renderer#render} step by step; if the renderer changes shape, change this.
 */
public final class RenderStages {

    private final Templates templates = new Templates();

    /**
     * What the templates produced for one app: the ConfigMap's files ({@code inner}), the manifests and the
     * kustomization ({@code files}, what the self-check reads), and the README (written after the self-check).
     */
    public record Output(App app, Map<String, Object> view, Map<String, String> inner, Map<String, String> files,
                         String readme) {

        /** Every file of the app, as {@link Rendered#files()} holds them. */
        public Map<String, String> all() {
            Map<String, String> all = new LinkedHashMap<>(files);
            all.put(Rendered.README, readme);
            return all;
        }
    }

    /** Renders the files as {@link Renderer#render} does, without parsing them back. */
    public Output templates(App app, KubeVersion kube, String source) {
        Map<String, Object> view = View.of(app, IngressApi.of(kube), source);
        Map<String, String> inner = new LinkedHashMap<>();
        inner.put("spark-defaults.conf", templates.render("spark-defaults.conf", view));
        inner.put("spark-env.sh", templates.render("spark-env.sh", view));
        inner.put(App.TEMPLATE_FILE, templates.render("executor-pod-template.yaml", view));
        var monitoring = app.job().monitoring();
        if (monitoring.jmxExporter() && monitoring.configFile() == null) {
            inner.put(App.METRICS_FILE, monitoring.configuration() != null ? monitoring.configuration()
                    : templates.render(App.METRICS_FILE, view));
        }
        view.put("files", Map.of("defaults", inner.get("spark-defaults.conf"), "env", inner.get("spark-env.sh"),
                "template", inner.get(App.TEMPLATE_FILE), "metrics", inner.getOrDefault(App.METRICS_FILE, "")));
        List<String> manifests = View.resources(app);
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : manifests) {
            out.put(name, templates.render(name, view));
        }
        out.put(Rendered.KUSTOMIZATION, templates.render(Rendered.KUSTOMIZATION, view));
        view.put("readme", Readme.of(app, manifests));
        String readme = templates.render(Rendered.README, view);
        return new Output(app, view, inner, out, readme);
    }

    /** Parses a render's output back and checks it, as {@link Renderer#render} does before returning. */
    public static void selfCheck(Output output) {
        SelfCheck.verify(output.app(), output.view(), output.inner(), output.files());
    }
}
