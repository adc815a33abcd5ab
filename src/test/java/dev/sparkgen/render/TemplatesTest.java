package dev.sparkgen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hubspot.jinjava.interpret.Context;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The templates only print values through the encoding functions, so that no value lands unencoded. */
class TemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern PRINT = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern CALL = Pattern.compile("\\s*([a-z]+)\\((.*)\\)\\s*", Pattern.DOTALL);

    @Test
    void everyPrintedValue_goesThroughAnEncodingFunction() throws IOException {
        Set<String> functions = Arrays.stream(TemplateFunctions.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName).collect(Collectors.toSet());
        List<String> raw = new ArrayList<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.sorted().toList()) {
                Matcher print = PRINT.matcher(Files.readString(file));
                while (print.find()) {
                    Matcher call = CALL.matcher(print.group(1));
                    if (!call.matches() || !functions.contains(call.group(1)) || call.group(2).matches(".*[(+~].*")) {
                        raw.add(file.getFileName() + ": {{" + print.group(1) + "}}");
                    }
                }
            }
        }
        assertEquals(List.of(), raw);
    }

    @Test
    void rendering_writesNothingInTheContextThatEveryRenderShares() {
        Templates templates = new Templates();

        String out = templates.render("root-kustomization.yaml", new Renderer.Root(List.of("a", "b")));

        assertTrue(out.endsWith("resources:\n- a\n- b\n"), out);
        Context shared = templates.shared();
        assertEquals(List.of(Set.of(), Set.of(), Set.of()), List.of(shared.getResolvedExpressions(),
                shared.getResolvedValues(), shared.getResolvedFunctions()), "parallel renders would write these at once");
    }

    /** Templates are parsed when first rendered: every one must parse, rendered by the examples or not. */
    @Test
    void everyTemplate_parses() {
        Templates templates = new Templates();
        for (String name : Templates.NAMES) {
            assertTrue(templates.parsed(name) != null, name);
        }
    }

    @Test
    void everyTemplateFile_isOneTheRendererKnows() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            List<String> names = files.map(p -> p.getFileName().toString().replaceFirst("\\.j2$", "")).sorted().toList();
            assertEquals(Templates.NAMES.stream().sorted().toList(), names);
        }
        assertTrue(Templates.NAMES.contains("driver-pod.yaml"));
    }
}
