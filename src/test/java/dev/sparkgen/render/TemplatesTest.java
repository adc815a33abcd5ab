package dev.sparkgen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** spark-gen's templates: every file is one the renderer knows, and parses ({@link TemplateTest} has the engine). */
class TemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void aTemplate_readsARecordsComponents_andFailsOnOneItDoesNotHave() {
        Templates templates = new Templates();

        assertTrue(templates.render("root-kustomization.yaml", new Renderer.Root(List.of("a", "b")))
                .endsWith("resources:\n- a\n- b\n"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> templates.render("root-kustomization.yaml", new Renderer.Starter("pi", "schema.json")));
        assertTrue(e.getMessage().startsWith("template root-kustomization.yaml, line 4: no variable resources"),
                e.getMessage());
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
