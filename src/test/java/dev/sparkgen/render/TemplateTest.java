package dev.sparkgen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The template engine: Jinja's meaning (with trim_blocks, lstrip_blocks, keep_trailing_newline and
 * StrictUndefined, as the Python baseline in bench/ renders the same files with Jinja2) for the part of Jinja the
 * templates use, and a refusal, when parsed, of anything else.
 */
class TemplateTest {

    record Port(String name, int number) {
    }

    record Names(String pod, String service) {
    }

    private static String render(String text, Map<String, Object> variables) {
        return Template.parse("t.yaml", text).render(variables);
    }

    private static String render(String text, Object... pairs) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put((String) pairs[i], pairs[i + 1]);
        }
        return render(text, variables);
    }

    @Test
    void aBlockTag_takesItsWholeLine_indentationAndNewlineIncluded() {
        String text = "a:\n  {% if on %}\n  b: {{ yaml(v) }}\n    {% endif %}\nc: 1";

        assertEquals("a:\n  b: x\nc: 1", render(text, "on", true, "v", "x"));
        assertEquals("a:\nc: 1", render(text, "on", false, "v", "x"));
    }

    @Test
    void textIsKeptAsWritten_trailingNewlineOrNot() {
        assertEquals("k: v\n\n  # {x}\n", render("k: {{ yaml(v) }}\n\n  # {x}\n", "v", "v"));
        assertEquals("a: b", render("a: {{ yaml(v) }}", "v", "b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "zero", "empty", "noItems", "noEntries", "missing.key"})
    void jinjasFalseValues_takeTheElseBranch(String path) {
        String text = "{% if " + path + " %}\nyes\n{% else %}\nno\n{% endif %}\n";
        Map<String, Object> variables = new HashMap<>(Map.of("false", false, "zero", 0, "empty", "",
                "noItems", List.of(), "noEntries", Map.of(), "missing", Map.of("other", 1)));

        assertEquals("no\n", render(text, variables));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "one", "text", "items", "entries", "map.key"})
    void otherValues_takeTheIfBranch(String path) {
        String text = "{% if " + path + " %}\nyes\n{% else %}\nno\n{% endif %}\n";

        assertEquals("yes\n", render(text, Map.of("yes", true, "one", 1L, "text", "x", "items", List.of(0),
                "entries", Map.of("k", ""), "map", Map.of("key", "v"))));
    }

    @Test
    void elif_comparesWithText_andOrTriesEachAlternative() {
        String text = "{% if kind == \"Job\" %}\njob\n{% elif kind == \"CronJob\" or other %}\ncron\n"
                + "{% else %}\npod\n{% endif %}\n";

        assertEquals("job\n", render(text, "kind", "Job", "other", false));
        assertEquals("cron\n", render(text, "kind", "CronJob", "other", false));
        assertEquals("cron\n", render(text, "kind", "Pod", "other", true));
        assertEquals("pod\n", render(text, "kind", "Pod", "other", false));
    }

    @Test
    void aLoop_readsEachItemsComponents_andNests() {
        String text = "ports:\n{% for p in ports %}\n{% for q in ports %}\n- {{ yaml(p.name) }}{{ yaml(q.name) }}: "
                + "{{ number(p.number) }}\n{% endfor %}\n{% endfor %}\nafter: {{ yaml(p) }}\n";

        assertEquals("ports:\n- aa: 1\n- ab: 1\n- ba: 2\n- bb: 2\nafter: outer\n",
                render(text, "ports", List.of(new Port("a", 1), new Port("b", 2)), "p", "outer"));
    }

    @Test
    void functionsGetTheirIndentation() {
        assertEquals("labels:\n    a: b\n", render("labels:{{ toyaml(l, 4) }}\n", "l", Map.of("a", "b")));
    }

    @Test
    void readingWhatIsNotThere_failsTheRender_withTheTemplatesLine() {
        Names names = new Names("p", "s");

        assertEquals("template t.yaml, line 2: no variable nmes", assertThrows(IllegalStateException.class,
                () -> render("a: 1\nb: {{ yaml(nmes.pod) }}\n", "names", names)).getMessage());
        assertEquals("template t.yaml, line 1: Names has no component pods", assertThrows(IllegalStateException.class,
                () -> render("{% if names.pods %}\n{% endif %}\n", "names", names)).getMessage());
        assertEquals("template t.yaml, line 1: cannot read length of names.pod.length: String is there",
                assertThrows(IllegalStateException.class,
                        () -> render("{{ yaml(names.pod.length) }}", "names", names)).getMessage());
        assertEquals("template t.yaml, line 1: cannot read b of m.a.b: nothing is there",
                assertThrows(IllegalStateException.class, () -> render("{{ yaml(m.a.b) }}", "m", Map.of())).getMessage());
        assertEquals("template t.yaml, line 1: names is not a list", assertThrows(IllegalStateException.class,
                () -> render("{% for n in names %}\n{% endfor %}\n", "names", names)).getMessage());
        assertThrows(IllegalStateException.class, () -> render("{{ yaml(m.absent) }}", "m", Map.of()),
                "a function refuses nothing rather than print it");
    }

    record Named(String name) {
    }

    @Test
    void onePath_readsRecordsOfDifferentTypes_eachByItsOwnComponent() {
        Template template = Template.parse("t.yaml", "{% for x in items %}\n- {{ yaml(x.name) }}\n{% endfor %}\n");

        // the path remembers the accessor of the last record it read: a record of another type is looked up again
        assertEquals("- a\n- b\n- c\n", template.render(Map.of("items",
                List.of(new Port("a", 1), new Named("b"), new Port("c", 2)))));
        assertEquals("template t.yaml, line 2: Names has no component name", assertThrows(IllegalStateException.class,
                () -> template.render(Map.of("items", List.of(new Named("a"), new Names("p", "s"))))).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{{ name }}", "{{ yaml(a) ~ b }}", "{{ yaml(a | upper) }}", "{{ shout(a) }}", "{{ toyaml(a) }}",
        "{{ yaml(a, 2) }}", "{{ yaml(a.b[0]) }}", "{{ yaml(a)", "x: {% if a %}1{% endif %}", "{# note #}",
        "{% set a = 1 %}", "{% include \"other\" %}", "{% if a and b %}\n{% endif %}", "{% if not a %}\n{% endif %}",
        "{% if a == b %}\n{% endif %}", "{% for a in b if c %}\n{% endfor %}", "{% if a %}\n", "{% endif %}",
        "{% for a in b %}\n{% endif %}", "{% if a %}\n{% else %}\n{% elif b %}\n{% endif %}", "{% raw %}",
    })
    void whatTheEngineDoesNotKnow_isRefusedWhenTheTemplateIsParsed(String text) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Template.parse("t.yaml", text));

        assertEquals("template t.yaml, line ", e.getMessage().substring(0, 22), e.getMessage());
    }

    @Test
    void oneTemplate_rendersOnManyThreadsAtOnce() throws Exception {
        Template template = Template.parse("t.yaml", "{% for p in ports %}\n- {{ yaml(p.name) }}\n{% endfor %}\n");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> renders = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String name = "p" + i;
                renders.add(() -> template.render(Map.of("ports", List.of(new Port(name, 1), new Port(name, 2)))));
            }
            List<Future<String>> results = threads.invokeAll(renders);
            for (int i = 0; i < results.size(); i++) {
                assertEquals("- p" + i + "\n- p" + i + "\n", results.get(i).get());
            }
        } finally {
            threads.shutdown();
        }
    }
}
