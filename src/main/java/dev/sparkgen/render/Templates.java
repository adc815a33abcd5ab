package dev.sparkgen.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates of the output files ({@code src/main/resources/templates/*.j2}), each parsed when first rendered
 * (a job needs 9 to 12 of them) and rendered many times, from any thread. Templates are spark-gen's own, never a
 * user's; {@link Template} says what they may do. The functions of {@link TemplateFunctions} encode values for
 * where they land; the templates only lay them out.
 */
final class Templates {

    static final List<String> NAMES = List.of("driver-pod.yaml", "driver-pod-spec.yaml", "driver-job.yaml",
            "driver-job-spec.yaml", "driver-cronjob.yaml", "configmap.yaml", "driver-svc.yaml", "ui-svc.yaml",
            "ui-ingress.yaml", "kustomization.yaml", "spark-defaults.conf", "spark-env.sh",
            "executor-pod-template.yaml", "root-kustomization.yaml", "rbac.yaml", "podgroup.yaml",
            "networkpolicy.yaml", "traefik-middleware.yaml", "prometheus.yaml", "README.md", "job.yaml");

    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    /** A template, parsed; a template that does not parse is a bug, thrown here. */
    Template parsed(String name) {
        Template template = parsed.get(name);
        return template != null ? template : parsed.computeIfAbsent(name, Templates::parse);
    }

    private static Template parse(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no template " + name);
        }
        return Template.parse(name, read(name + ".j2"));
    }

    /** Renders one template with the components of a record as its variables; errors are spark-gen's bugs. */
    String render(String name, Record variables) {
        return start(variables).render(name);
    }

    /** One app's rendering: the record's components, and what {@link Run#put} adds, are its templates' variables. */
    Run start(Record variables) {
        return new Run(Template.components(variables));
    }

    final class Run {

        private final Map<String, Object> variables;

        private Run(Map<String, Object> variables) {
            this.variables = variables;
        }

        /** Adds a variable the templates rendered after this see. */
        void put(String key, Object value) {
            variables.put(key, value);
        }

        String render(String name) {
            return parsed(name).render(variables);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream("templates/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar holds no template " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
