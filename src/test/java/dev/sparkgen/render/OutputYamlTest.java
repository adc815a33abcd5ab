package dev.sparkgen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sparkgen.SparkGen;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.source.YamlLoader;
import dev.sparkgen.testing.SparkGenCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The self-check's reader of spark-gen's own YAML reads what it reads exactly as the full loader does, and
 * declines (null) whatever it is not sure of, so that the loader decides; and it does read everything the
 * examples render, or it would save nothing.
 */
class OutputYamlTest {

    private static final Path ROOT = SparkGenCli.ROOT;

    /** Every rendered YAML document of every example, at the default and two older cluster versions. */
    @Test
    void everyExampleDocument_isReadAsTheLoaderReadsIt() throws IOException {
        SparkGen gen = new SparkGen(ROOT);
        int documents = 0;
        List<Path> examples;
        try (Stream<Path> files = Files.list(ROOT.resolve("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path example : examples) {
            SparkGen.JobResult job = gen.load(example, "examples/" + example.getFileName(), SparkGen.Options.DEFAULT);
            assertNotNull(job.app(), () -> example + ": " + job.problems());
            for (String kube : List.of("1.32", "1.18", "1.17")) {
                Rendered rendered = gen.render(job.app(), KubeVersion.parse(kube), example.getFileName().toString());
                for (var file : rendered.files().entrySet()) {
                    if (!file.getKey().endsWith(".yaml")) {
                        continue;
                    }
                    for (String document : file.getValue().split("\n---\n", -1)) {
                        String where = example.getFileName() + " " + kube + " " + file.getKey();
                        assertNotNull(OutputYaml.read(document), () -> where + " is not read:\n" + document);
                        assertSame(document, where);
                        documents++;
                        Map<?, ?> data = OutputYaml.read(document).get("data") instanceof Map<?, ?> d ? d : null;
                        if (data != null && data.get(dev.sparkgen.model.App.TEMPLATE_FILE) instanceof String t) {
                            assertNotNull(OutputYaml.read(t), where + " executor template");
                            assertSame(t, where + " executor template");
                        }
                    }
                }
            }
        }
        assertEquals(true, documents > 100, "documents read: " + documents);
    }

    /** Arbitrary strings as values, keys, list items and blocks, through the encoders the templates use. */
    @Test
    void arbitraryStrings_throughTheEncoders_areReadAsTheLoaderReadsThem() {
        Random random = new Random(14);
        String alphabet = "ab Z09-_.:/#\"'\\{}[],&*!|>%@`?=$()~+\t\n\r\u0000\u0007\u0085\u00a0\u00e9\u2028\u4e2d\ufeff";
        int read = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(12);
            for (int k = 0; k < n; k++) {
                s.append(random.nextInt(8) == 0 ? "\ud83d\ude00" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            String text = s.toString();
            for (String document : List.of(
                    "key: " + Encode.yaml(text) + "\n",
                    "list:\n- " + Encode.yaml(text) + "\n- x\n",
                    "a:\n  b:" + Encode.block(text, 4) + "\n  c: d\n",
                    Encode.yaml(text) + ": v\nother: w\n",
                    "items:\n- name: " + Encode.yaml(text) + "\n  value: " + Encode.yaml(text) + "\n",
                    "key: " + text + "\n",
                    "l:\n- " + text + "\n")) {
                if (assertSame(document, "string " + Arrays.toString(text.codePoints().toArray()))) {
                    read++;
                }
            }
        }
        assertEquals(true, read > 50_000, "documents read: " + read);
    }

    /**
     * Plain scalars the reader takes as strings without asking the core schema, and those it asks about (null and
     * boolean words, numbers, infinities, NaNs, and text close to them): each read to the loader's value and type.
     */
    @Test
    void plainScalarsOfEveryCoreSchemaType_areReadAsTheLoaderReadsThem() {
        for (String text : List.of("~", "~x", "null", "Null", "NULL", "nULL", "nulls", "none", "true", "True", "TRUE",
                "tRUE", "truex", "false", "False", "FALSE", "fALSE", "fals", "TCP", "Never", "no", "yes", "on", "off",
                "0", "7", "7078", "0777", "007", "123456789012345678", "1234567890123456789",
                "99999999999999999999", "-1", "+1", "--1", "+", "1_000", "1,000", "0o17", "0o18", "0O17",
                "0x1F", "0x1f", "0xg", "0X1F", "1e3", "1E3", "1e+3", "1e-3", "1.", ".5", "-.5", "+.5", "1.5e3",
                "0.4", ".", "..", ".e3", "1e", "e3", ".inf", "-.inf", "+.INF", ".Inf", "inf", "-inf", ".nan",
                ".NaN", ".NAN", "nan", "+.nan", "2432Mi", "1g", "256m", "3500m", "2026-11-24", "10.0.0.42",
                "-Dx=1", "--conf", "-x", "+x", "0xdeadbeef", "0xdeadbeefdeadbeef1", "abc", "Inf", "NaN", "é1",
                "1é")) {
            for (String document : List.of("key: " + text + "\n", "l:\n- " + text + "\n",
                    "l:\n- name: " + text + "\n  value: " + text + "\n")) {
                assertEquals(true, assertSame(document, text), document);
            }
        }
    }

    /** Keys: those written plain as spark-gen writes them are read; any other is left to the loader. */
    @Test
    void keysThisReaderDoesNotTakeAsWritten_areLeftToTheLoader() {
        for (String document : List.of("a.b/c-d_e: x\n", "A9: x\n", "9a: x\n", "a:\n", "a:\n  b: c\n",
                "l:\n- a.b/c: x\n  d: y\n", "\"a b\": x\n", "\"a\\\"b\": x\n")) {
            assertEquals(true, assertSame(document, document), document);
        }
        for (String document : List.of("_a: x\n", "-a: x\n", ".a: x\n", "a b: x\n", "a:b: x\n", "a:x\n",
                "a :x\n", "a$: x\n", "é: x\n", "a\u00e9: x\n", "a #: x\n", "a\n", "l:\n- a b: x\n",
                "l:\n- name: x\n value: y\n", "l:\n- name: x\n   value: y\n", "a: b\nb: c\na: d\n")) {
            assertNull(OutputYaml.read(document), document);
            assertSame(document, document);
        }
    }

    @Test
    void whatSparkGenDoesNotWrite_isLeftToTheLoader() {
        for (String document : List.of(
                "a: b\na: c\n",                  // a duplicate key: the loader reports it
                "a:\n  b: c\n  b: c\nd: e\n",      // ... in a nested mapping
                "l:\n- a: x\n  a: y\n",            // ... in a list item's mapping
                "a: &x b\nc: *x\n",              // anchors and aliases
                "a: !!str 1\n",                  // a tag
                "a: {b: c}\n",                   // a flow mapping
                "a: [b]\n",                      // a flow sequence
                "a: b\n  c\n",                   // a plain scalar over two lines
                "a: 'b'\n",                      // single quotes
                "a: >\n  folded\n",              // a folded block
                "a: b # comment\n",              // a comment after a value
                "---\na: b\n",                   // a document marker
                "- a\n",                         // not a mapping
                "a:\tb\n",                       // a tab
                "a: \"\\x00\"\n",                 // an escape the loader refuses
                "a: \"b\n")) {                   // an unterminated quote
            assertNull(OutputYaml.read(document), document);
        }
    }

    /**
     * Whether the reader read {@code document}; when it did, the loader must read it without problems, to the same
     * values, keys in the same order.
     */
    private static boolean assertSame(String document, String what) {
        Map<String, Object> fast = OutputYaml.read(document);
        if (fast == null) {
            return false;
        }
        Problems problems = new Problems();
        Node full = YamlLoader.load("rendered.yaml", document, 0, 0, problems);
        assertEquals(List.of(), problems.all(), () -> what + ": read, but the loader has problems with:\n" + document);
        assertEquals(plain(full), plain(fast), () -> what + ":\n" + document);
        return true;
    }

    /**
     * A loader's node, or a value as the reader returns it (a map, a list, a string, or a scalar that is not a
     * string), as plain data, origins left out: keys in order, and each scalar's text and value.
     */
    private static Object plain(Object node) {
        if (node instanceof MapNode map) {
            return plain(map.entries());
        }
        if (node instanceof ListNode list) {
            return plain(list.items());
        }
        if (node instanceof Map<?, ?> map) {
            List<Object> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(List.of(k, plain(v))));
            return List.of("map", entries);
        }
        if (node instanceof List<?> list) {
            return List.of("list", list.stream().map(OutputYamlTest::plain).toList());
        }
        if (node instanceof String text) {
            return Arrays.asList("scalar", text, text, "String");
        }
        Scalar scalar = (Scalar) node;
        return Arrays.asList("scalar", scalar.text(), scalar.value(),
                scalar.value() == null ? null : scalar.value().getClass().getSimpleName());
    }
}
