package dev.sparkgen.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.problem.Problems;
import dev.sparkgen.testing.Corpus;
import dev.sparkgen.testing.Seeded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockYaml} against the SnakeYAML path of {@link YamlLoader}: for every YAML file in the repository, every
 * job and profile of the benchmark corpus, and thousands of seeded mutations of them, it returns null or the very
 * tree SnakeYAML's path builds (keys in order, text, values and origins) for a text that path finds no problem in;
 * and it reads every example, profile (but the anchors of restricted.yaml) and corpus job, so that the fast path
 * cannot silently stop being taken.
 */
class BlockYamlTest {

    private static final String ALPHABET = " \n:-#'\"[{&*!|>\t\r,]}?" + Seeded.LETTERS + Seeded.DIGITS;

    /** Small documents for the cases the files have few of, each read without SnakeYAML; mutated with the files. */
    private static final List<String> EDGES = List.of(
            "a: 1\nb:\n- x\n- 'y'\n-   \"z\" # c\nc:\n  - d: 1\n    e: x\n  -  f: ''\n     g: 'it''s'\n",
            "# head\n\n  a: 1\n  b:\n  c: ~\n",
            "a:\n  b:\n    c:\n    - d:\n      - e\n      f: -1\n",
            "a: b c  d   # e\nk: 'x' #\nl: \"q # r\"\nm: x#y\nn: http://x:80/y\no: 0x1F\np: .inf\nq: 1e3\n",
            "a: 1\r\nb:\r\n- 2\r\n",
            "list:\n- a\n  # between\n- b\nnext: x\n",
            "a: [x, 'y', \"z\", [1, 2.5], {k: v, l: [m]}, -1, b c ,d]  # e\nb: {}\nc: [ ]\nd:\n- [p]\n- {q: r}\n- s: {t: u}\n",
            "a:\n  b: |\n    x: \"\\S\" # y\n      - z  \n  c: 'p\\q'\nd:\n- |\n  e\n- f\\\ng: |\n   h",
            "a: |\n  b\n  c\nd: |\n  e\nf: |\n   g\n    h\n# i\n");

    /** Documents just outside what BlockYaml reads, or wrong: mutations of them may fall inside. */
    private static final List<String> NEAR = List.of(
            "a: 1\n  b: 2\n",
            "a:\n    b: 1\n  c: 2\n",
            "a: {b: c, 'd': e}\nf: [g: h]\n",
            "a: |\n  b\n\n  c\nd: |\n  e\n\nf: |\n   g\n  h\n",
            "a: &x\n  b: 1\nc: *x\n");

    @Test
    void everyYamlFile_isReadAsSnakeYamlReadsIt() throws IOException {
        int taken = 0;
        for (Path file : allFiles()) {
            if (same(file.toString(), text(file))) {
                taken++;
            }
        }
        assertTrue(taken >= 1000, "only " + taken + " files read without SnakeYAML");
        for (String edge : EDGES) {
            assertTrue(same("edge.yaml", edge), Seeded.show(edge));
        }
        for (String near : NEAR) {
            same("near.yaml", near);
        }
    }

    @Test
    void mutatedYaml_isReadAsSnakeYamlReadsIt_orLeftToIt() throws IOException {
        // half the mutations of the repository's files and the small documents, half of the corpus's
        List<String> few = new ArrayList<>(EDGES);
        few.addAll(NEAR);
        for (Path file : Corpus.yamlFiles(Path.of("src"), Path.of("examples"), Path.of("profiles"))) {
            few.add(text(file));
        }
        List<String> corpus = new ArrayList<>();
        for (Path file : Corpus.yamlFiles(Corpus.path())) {
            corpus.add(text(file));
        }
        int[] taken = {0};
        Seeded.forAll(14_000, 20_000, random -> {
            List<String> texts = random.nextBoolean() ? few : corpus;
            return mutate(texts.get(random.nextInt(texts.size())), random);
        }, text -> {
            if (same("mutated.yaml", text)) {
                taken[0]++;
            }
        });
        // many mutations still read without SnakeYAML: the trees were compared thousands of times
        assertTrue(taken[0] >= 5000, "only " + taken[0] + " mutations read without SnakeYAML");
    }

    @Test
    void everyExampleProfileAndCorpusJob_isReadWithoutSnakeYaml() throws IOException {
        List<Path> files = new ArrayList<>(Corpus.yamlFiles(Path.of("examples"), Path.of("profiles")));
        files.addAll(Corpus.yamlFiles(Corpus.path()));
        // its anchors and aliases are SnakeYAML's to read
        files.removeIf(file -> file.getFileName().toString().equals("restricted.yaml"));
        assertTrue(files.size() > 1000, files.size() + " files");
        for (Path file : files) {
            assertNotNull(BlockYaml.read(file.toString(), text(file)), file + " is not read without SnakeYAML");
        }
    }

    @Test
    void whatSnakeYamlMustSayIsLeftToIt() {
        for (String text : List.of("", "# only\n", "- a\n", "a\n", "a: 1\na: 2\n", "<<: x\n", "a: caf\u00e9\n", "a:\tb\n",
                "a: 1\r", "---\na: 1\n", "a: 1\n...\n", "%YAML 1.2\n---\na: 1\n", "? a\n: 1\n", "'a': 1\n", "a:1\n",
                "a :1\n", "a : 1\n", "a: b: c\n", "a: &x 1\n", "a: *x\n", "a: !!str 1\n", "a: -\n", "a: @b\n", "a: `b\n",
                "a: %b\n", "a: b\n  c\n", "a: 'b\n  c'\n", "a: 'b' c\n", "a: 'b'#c\n", "a: 'b", "a: \"b\\n\"\n",
                "a: \"b\\\\c\"\n", "a:\n-\n", "a:\n- - b\n", "a: >\n  x\n", "a: |\n", "a: |", "a: |-\n  b\n",
                "a: |\n  b\n\n", "a: |\n  b\n c\n", "a: [1,]\n", "a: [1\n", "a: [b: c]\n", "a: {b}\n", "a: {'b': c}\n",
                "a: [b #c]\n", "a: [b] c\n", "a: {b: }\n", "a: {b: 1, b: 2}\n", "a: [b?c]\n", "a: {", "a: [", "a: { ",
                "a: {b", "a: {b:", "a: {b: ", "a: {b: c,", "a: [b,")) {
            assertNull(BlockYaml.read("x.yaml", text), Seeded.show(text));
        }
    }

    /**
     * Whether BlockYaml read the text: when it does, its tree is SnakeYAML's, and SnakeYAML finds nothing wrong.
     */
    private static boolean same(String name, String text) {
        MapNode fast = BlockYaml.read(name, text);
        if (fast == null) {
            return false;
        }
        Problems problems = new Problems();
        MapNode general = YamlLoader.loadMapping(name, text.getBytes(StandardCharsets.UTF_8), text, problems);
        assertEquals(List.of(), problems.all(), "SnakeYAML finds problems in " + Seeded.show(text));
        assertEquals(tree(general), tree(fast), Seeded.show(text));
        return true;
    }

    /** A node written out in full: kinds, origins, keys in order, text, and each value with its class. */
    private static String tree(Node node) {
        StringBuilder out = new StringBuilder();
        tree(node, "", out);
        return out.toString();
    }

    private static void tree(Node node, String indent, StringBuilder out) {
        out.append(node.origin()).append(' ');
        if (node instanceof MapNode map) {
            out.append("mapping\n");
            for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
                out.append(indent).append("  ").append(Seeded.show(entry.getKey())).append(" = ");
                tree(entry.getValue(), indent + "  ", out);
            }
        } else if (node instanceof ListNode list) {
            out.append("list\n");
            for (Node item : list.items()) {
                out.append(indent).append("  - ");
                tree(item, indent + "  ", out);
            }
        } else {
            Scalar scalar = (Scalar) node;
            Object value = scalar.value();
            out.append(Seeded.show(scalar.text())).append(" -> ")
                    .append(value == null ? "null" : value.getClass().getSimpleName() + " " + value).append('\n');
        }
    }

    /**
     * One to three characters of YAML's alphabet inserted, deleted or replaced at random places; one time in ten,
     * the text then cut short.
     */
    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(out.length() + 1);
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (at == out.length() ? 0 : random.nextInt(3)) {
                case 0 -> out.insert(at, c);
                case 1 -> out.deleteCharAt(at);
                default -> out.setCharAt(at, c);
            }
        }
        if (random.nextInt(10) == 0) {
            out.setLength(random.nextInt(out.length() + 1));
        }
        return out.toString();
    }

    /** A file's text as the loader decodes it ("" for bytes it refuses, which never reach BlockYaml). */
    private static String text(Path file) throws IOException {
        String text = YamlLoader.decode(file.toString(), Files.readAllBytes(file), new Problems());
        return text == null ? "" : text;
    }

    /** Every YAML file of the repository and of the corpus. */
    private static List<Path> allFiles() throws IOException {
        List<Path> files = new ArrayList<>(Corpus.yamlFiles(Path.of("src"), Path.of("examples"), Path.of("profiles")));
        files.addAll(Corpus.yamlFiles(Corpus.path()));
        return files;
    }
}
