package dev.sparkgen.render;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import com.hubspot.jinjava.tree.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELResolver;

/**
 * The Jinjava templates of the output files, parsed once and rendered many times. Templates are spark-gen's
 * own, never a user's, and Jinjava runs locked down: values are never read as templates (no nested
 * interpretation), unknown variables fail, no template can be included or imported, output is bounded.
 * The functions of {@link TemplateFunctions} encode values for where they land; the templates only lay them out.
 */
final class Templates {

    static final List<String> NAMES = List.of("driver-pod.yaml", "driver-pod-spec.yaml", "driver-job.yaml",
            "driver-job-spec.yaml", "driver-cronjob.yaml", "configmap.yaml", "driver-svc.yaml", "ui-svc.yaml",
            "ui-ingress.yaml", "kustomization.yaml", "spark-defaults.conf", "spark-env.sh",
            "executor-pod-template.yaml", "root-kustomization.yaml", "rbac.yaml", "podgroup.yaml",
            "networkpolicy.yaml", "traefik-middleware.yaml", "prometheus.yaml", "README.md", "job.yaml");

    private final Jinjava jinjava;
    private final JinjavaConfig config;
    /** Each template parsed when it is first rendered: a job needs 9 to 12 of them, a cold run pays for those. */
    private final Map<String, Node> parsed = new ConcurrentHashMap<>();
    private final JinjavaInterpreter parser;

    Templates() {
        config = JinjavaConfig.newBuilder()
                .withNestedInterpretationEnabled(false)
                .withFailOnUnknownTokens(true)
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .withMaxOutputSize(64L << 20)
                .withMaxRenderDepth(4)
                .withLocale(Locale.ROOT)
                .withDisabled(Map.of(Context.Library.TAG, Set.of("include", "import", "from", "extends")))
                .withElResolver(resolver())
                .build();
        jinjava = new Jinjava(config);
        jinjava.setResourceLocator((name, encoding, interpreter) -> {
            throw new ResourceNotFoundException("templates cannot load other templates: " + name);
        });
        function("yaml", Object.class);
        function("number", Object.class);
        function("toyaml", Object.class, int.class);
        function("fields", Object.class, int.class);
        function("block", Object.class, int.class);
        function("nest", Object.class, int.class);
        function("args", Object.class, int.class);
        function("env", Object.class, int.class);
        function("properties", Object.class);
        function("exports", Object.class);
        function("comment", Object.class);
        function("md", Object.class);
        function("label", Object.class);
        parser = jinjava.newInterpreter();
    }

    /** A template's tree; a template that does not parse is a bug, thrown here. */
    Node parsed(String name) {
        Node node = parsed.get(name);
        return node != null ? node : parsed.computeIfAbsent(name, this::parse);
    }

    private Node parse(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no template " + name);
        }
        synchronized (parser) {
            Node node = parser.parse(read(name + ".j2"));
            if (!parser.getErrors().isEmpty()) {
                throw new IllegalStateException("template " + name + ": " + parser.getErrors());
            }
            return node;
        }
    }

    /** Records first (the typed view), then Jinjava's own resolvers for maps, lists and the rest, read-only. */
    private static ELResolver resolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new RecordResolver());
        resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
        return resolver;
    }

    /** Renders one template with the components of a record as its variables; errors are spark-gen's bugs. */
    String render(String name, Record variables) {
        return start(variables).render(name);
    }

    /**
     * One app's rendering: its templates share one interpreter and one context, built once (an interpreter
     * binds every function when it is made), with the record's components and what {@link Run#put} adds as
     * variables.
     */
    Run start(Record variables) {
        return new Run(new JinjavaInterpreter(jinjava, new AppContext(shared(),
                RecordResolver.components(variables)), config));
    }

    /** The engine's context, parent of every app's: it holds the functions, and must not change as apps render. */
    Context shared() {
        return jinjava.getGlobalContext();
    }

    /**
     * An app's context. Jinjava records each name, function and expression a render resolves, in the context and
     * in every parent up to the engine's context, which all renders share: in plain {@code HashSet}s that renders
     * on several threads would write at once. Nothing here reads those records, so an app's context keeps none.
     */
    private static final class AppContext extends Context {

        AppContext(Context parent, Map<String, Object> view) {
            super(parent, view);
        }

        @Override
        public void addResolvedExpression(String expression) {
        }

        @Override
        public void addResolvedValue(String value) {
        }

        @Override
        public void addResolvedFunction(String function) {
        }
    }

    final class Run {

        private final JinjavaInterpreter interpreter;

        private Run(JinjavaInterpreter interpreter) {
            this.interpreter = interpreter;
        }

        /** Adds a variable the templates rendered after this see. */
        void put(String key, Object value) {
            interpreter.getContext().put(key, value);
        }

        String render(String name) {
            JinjavaInterpreter.pushCurrent(interpreter);
            try {
                String out = interpreter.render(parsed(name));
                List<TemplateError> errors = interpreter.getErrors();
                if (!errors.isEmpty()) {
                    Exception cause = errors.get(0).getException();
                    for (Throwable t = cause; t != null; t = t.getCause()) {
                        if (t instanceof VirtualMachineError error) {
                            throw error; // out of memory inside a function: Jinjava reports it as a template error
                        }
                    }
                    throw new IllegalStateException("template " + name + " failed: " + errors.get(0).getMessage(), cause);
                }
                return out;
            } finally {
                JinjavaInterpreter.popCurrent();
            }
        }
    }

    private void function(String name, Class<?>... parameters) {
        shared().registerFunction(
                new ELFunctionDefinition("", name, TemplateFunctions.class, name, parameters));
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
