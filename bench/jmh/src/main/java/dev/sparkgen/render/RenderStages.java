package dev.sparkgen.render;

import dev.sparkgen.model.App;
import dev.sparkgen.model.KubeVersion;
import java.util.LinkedHashMap;
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
    public record Output(App app, View view, Map<String, String> inner, Map<String, String> files, String readme) {

        /** Every file of the app, as {@link Rendered#files()} holds them. */
        public Map<String, String> all() {
            Map<String, String> all = new LinkedHashMap<>(files);
            all.put(Rendered.README, readme);
            return all;
        }
    }

    /** Renders the files as {@link Renderer#render} does, without checking them. */
    public Output templates(App app, KubeVersion kube, String source) {
        View view = View.of(app, kube, source);
        Templates.Run run = templates.start(view);
        Map<String, String> inner = new LinkedHashMap<>();
        inner.put("spark-defaults.conf", run.render("spark-defaults.conf"));
        inner.put("spark-env.sh", run.render("spark-env.sh"));
        inner.put(App.TEMPLATE_FILE, run.render("executor-pod-template.yaml"));
        var monitoring = app.job().monitoring();
        if (monitoring.jmxExporter() && monitoring.configFile() == null) {
            inner.put(App.METRICS_FILE, monitoring.configuration() != null ? monitoring.configuration()
                    : run.render(App.METRICS_FILE));
        }
        run.put("files", new Renderer.ConfigFiles(inner.get("spark-defaults.conf"), inner.get("spark-env.sh"),
                inner.get(App.TEMPLATE_FILE), inner.getOrDefault(App.METRICS_FILE, "")));
        run.put("podSpec", run.render("driver-pod-spec.yaml"));
        if (view.job() != null) {
            run.put("jobSpec", run.render("driver-job-spec.yaml"));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : view.resources()) {
            out.put(name, run.render(name));
        }
        out.put(Rendered.KUSTOMIZATION, run.render(Rendered.KUSTOMIZATION));
        run.put("readme", Readme.of(app, view.resources(), kube));
        String readme = run.render(Rendered.README);
        return new Output(app, view, inner, out, readme);
    }

    /** Parses a render's output back and checks it, as {@link Renderer#render} does before returning. */
    public static void selfCheck(Output output) {
        SelfCheck.verify(output.app(), output.view(), output.inner(), output.files());
    }
}
