package dev.sparkgen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Templates read the typed view's records by component name, and a name that is no component fails. */
class RecordResolverTest {

    private final Templates templates = new Templates();

    @Test
    void aTemplate_readsARecordsComponents() {
        String out = templates.render("root-kustomization.yaml", new Renderer.Root(List.of("a", "b")));

        assertTrue(out.endsWith("resources:\n- a\n- b\n"), out);
    }

    @Test
    void aTemplate_thatReadsAVariableTheRecordDoesNotHave_fails() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> templates.render("root-kustomization.yaml", new Renderer.Starter("pi", "schema.json")));

        assertTrue(e.getMessage().contains("root-kustomization.yaml"), e.getMessage());
    }

    @Test
    void aComponentThatDoesNotExist_failsInsteadOfReadingAsEmpty() {
        var resolver = new RecordResolver();
        var e = assertThrows(jinjava.javax.el.PropertyNotFoundException.class,
                () -> resolver.getValue(null, new UiIngress.StripPrefix("n", "/p"), "prefixes"));

        assertEquals("StripPrefix has no component prefixes", e.getMessage());
    }
}
