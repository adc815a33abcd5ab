package dev.sparkgen.render;

import dev.sparkgen.model.App;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark's window into the render stage, split in two: the templates alone, and the self-check alone.
 * It lives in spark-gen's render package to reach what that package keeps to itself (View, Templates,
 * SelfCheck), and repeats {@link Renderer#render} step by step; if the renderer changes shape, change this.
 */
public final class RenderStages {

    private final Templates templates = new Templates();

    /** What the templates produced for one app, and what the self-check reads. */
    public record Output(App app, Map<String, Object> view, Map<String, String> inner, Map<String, String> files) {
    }

    /** Renders the files as {@link Renderer#render} does, without parsing them back. */
    public Output templates(App app, KubeVersion kube, String source) {
        Map<String, Object> view = View.of(app, IngressApi.of(kube), source);
        Map<String, String> inner = new LinkedHashMap<>();
        inner.put("spark-defaults.conf", templates.render("spark-defaults.conf", view));
        inner.put("spark-env.sh", templates.render("spark-env.sh", view));
        inner.put(App.TEMPLATE_FILE, templates.render("executor-pod-template.yaml", view));
        view.put("files", Map.of("defaults", inner.get("spark-defaults.conf"), "env", inner.get("spark-env.sh"),
                "template", inner.get(App.TEMPLATE_FILE)));
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : View.resources(app)) {
            out.put(name, templates.render(name, view));
        }
        out.put(Rendered.KUSTOMIZATION, templates.render(Rendered.KUSTOMIZATION, view));
        return new Output(app, view, inner, out);
    }

    /** Parses a render's output back and checks it, as {@link Renderer#render} does before returning. */
    public static void selfCheck(Output output) {
        SelfCheck.verify(output.app(), output.view(), output.inner(), output.files());
    }
}
