package dev.sparkgen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.SparkGen;
import dev.sparkgen.model.App;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.source.YamlLoader;
import dev.sparkgen.testing.Corpus;
import dev.sparkgen.testing.Seeded;
import dev.sparkgen.testing.Seeded.Gen;
import dev.sparkgen.testing.SparkGenCli;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The self-check compares spark-defaults.conf line by line when it is in the plain form spark-gen writes, and
 * leaves everything else to java.util.Properties, as spark-submit reads it: its verdict, and its message, must be
 * Properties' own on every text, the rendered files of every example and corpus job, their mutations, and
 * arbitrary properties with every character a properties file treats specially.
 */
class SparkDefaultsCheckTest {

    /** A spark-defaults.conf and the properties it is checked against. */
    record Case(String text, SortedMap<String, String> want) {
    }

    /** Every example's and corpus job's spark-defaults.conf as rendered, with the app's intended properties. */
    private static final List<Case> RENDERED = new ArrayList<>();

    @BeforeAll
    static void render() throws IOException {
        Path root = SparkGenCli.ROOT;
        Path corpus = Corpus.path();
        SparkGen gen = new SparkGen(root);
        List<Path> jobs = new ArrayList<>(Corpus.yamlFiles(root.resolve("examples")));
        jobs.addAll(Corpus.yamlFiles(corpus.resolve("jobs")));
        for (Path job : jobs) {
            List<Path> dirs = List.of(job.startsWith(corpus) ? corpus.resolve("profiles") : root.resolve("profiles"));
            SparkGen.JobResult loaded = gen.load(job, job.toString(), new SparkGen.Options(dirs, List.of()));
            assertTrue(loaded.ok(), job + ": " + loaded.problems());
            App app = loaded.app();
            String configMap = gen.render(app, KubeVersion.DEFAULT, job.getFileName().toString()).files()
                    .get("configmap.yaml");
            MapNode read = (MapNode) YamlLoader.load("configmap.yaml", configMap, 0, 0, new Problems());
            String text = ((Scalar) read.find("data", "spark-defaults.conf")).text();
            RENDERED.add(new Case(text, app.sparkDefaults()));
        }
        assertTrue(RENDERED.size() >= 1000, "rendered: " + RENDERED.size());
    }

    /** What Properties makes of {@code text} against {@code want}: the same, a difference, or its exception. */
    private static String propertiesVerdict(String text, SortedMap<String, String> want) {
        Properties properties = new Properties(64);
        try {
            properties.load(new StringReader(text));
        } catch (IOException | RuntimeException e) {
            return e.toString();
        }
        return want.equals(properties) ? "same" : "self-check: rendered spark-defaults.conf is " + properties
                + ", intended " + want;
    }

    /** The check's verdict: the same, its message, or the exception that ended it. */
    private static String checkVerdict(String text, SortedMap<String, String> want) {
        try {
            SelfCheck.expectProperties(text, want);
            return "same";
        } catch (IllegalStateException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /**
     * The property: the check says what Properties says, and its plain comparison, where it answers at all,
     * answers only for a text Properties reads as exactly the intended map. Returns whether it answered.
     */
    private static boolean assertSameVerdict(Case c) {
        String verdict = propertiesVerdict(c.text(), c.want());
        assertEquals(verdict, checkVerdict(c.text(), c.want()), () -> "text " + Seeded.show(c.text()));
        boolean plain = SelfCheck.plainProperties(c.text(), c.want());
        assertTrue(!plain || verdict.equals("same"), () -> "plain, though Properties says " + verdict);
        return plain;
    }

    @Test
    void everyRenderedFile_isReadPlainAndAsPropertiesReadsIt() {
        for (Case c : RENDERED) {
            assertTrue(assertSameVerdict(c), () -> "not compared plain: " + Seeded.show(c.text()));
        }
    }

    /** Characters a properties file reads specially, and others; edits of 1 to 3 of them anywhere in a text. */
    private static final Gen<String> SPECIAL = Seeded.of(List.of("\\", "\\\\", "\\u", "\\u0041", "#", "!", "=", ":",
            " ", "\t", "\f", "\r", "\n", "\r\n", "\n ", "\n#", "\n!", "a", ".", "\u00e9", "\u0085", "\u2028",
            "\ud83d\ude00", "\ud83d", ""));

    private static String mutate(String text, Random random) {
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(text.length() + 1);
            String lines = text;
            switch (random.nextInt(5)) {
                case 0 -> text = text.substring(0, at) + SPECIAL.next(random) + text.substring(at);
                case 1 -> text = at < text.length() ? text.substring(0, at) + SPECIAL.next(random)
                        + text.substring(at + 1) : text;
                case 2 -> text = at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
                default -> { // a line doubled, dropped or moved
                    List<String> all = new ArrayList<>(List.of(lines.split("\n", -1)));
                    int i = random.nextInt(all.size());
                    String line = all.remove(i);
                    if (random.nextInt(3) > 0) {
                        all.add(random.nextInt(all.size() + 1), line);
                    }
                    if (random.nextBoolean()) {
                        all.add(random.nextInt(all.size() + 1), line);
                    }
                    text = String.join("\n", all);
                }
            }
        }
        return text;
    }

    @Test
    void mutationsOfRenderedFiles_getProperties_verdict() {
        Gen<Case> mutated = random -> {
            Case c = RENDERED.get(random.nextInt(RENDERED.size()));
            return new Case(mutate(c.text(), random), c.want());
        };
        Seeded.forAll(1_400, 10_000, mutated, SparkDefaultsCheckTest::assertSameVerdict);
    }

    /** Keys and values mostly of ordinary characters, often of those a properties file reads specially. */
    private static final Gen<String> TEXT = Seeded.mostly(2, Seeded.strings("abz.09-_/", 0, 8),
            Seeded.oneOf(SPECIAL, Seeded.strings("a.b", 1, 3)).joined(6));

    private static final Gen<SortedMap<String, String>> PROPERTIES = random -> {
        SortedMap<String, String> map = new TreeMap<>();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            map.put(TEXT.next(random), random.nextInt(5) == 0 ? "" : TEXT.next(random));
        }
        return map;
    };

    /**
     * Arbitrary properties as spark-gen writes them, checked against themselves, against another map, and
     * written without escapes (as a broken encoder would write them).
     */
    @Test
    void arbitraryProperties_asWritten_getProperties_verdict() {
        int[] plain = new int[1];
        Gen<Case> cases = random -> {
            SortedMap<String, String> want = PROPERTIES.next(random);
            String text = "# Spark properties\n# from: x = y ! \n" + Encode.propertiesFile(want);
            return switch (random.nextInt(4)) {
                case 0 -> new Case(mutate(text, random), want);
                case 2 -> {
                    StringBuilder unescaped = new StringBuilder("# Spark properties\n");
                    want.forEach((key, value) -> unescaped.append(key).append(' ').append(value).append('\n'));
                    yield new Case(unescaped.toString(), want);
                }
                case 1 -> { // the intended map one entry off: dropped, added or changed
                    SortedMap<String, String> other = new TreeMap<>(want);
                    if (!other.isEmpty() && random.nextBoolean()) {
                        String key = other.firstKey();
                        if (random.nextBoolean()) {
                            other.remove(key);
                        } else {
                            other.put(key, other.get(key) + TEXT.next(random));
                        }
                    } else {
                        other.put(TEXT.next(random), TEXT.next(random));
                    }
                    yield new Case(text, other);
                }
                default -> new Case(text, want);
            };
        };
        Seeded.forAll(14_000, 20_000, cases, c -> {
            if (assertSameVerdict(c)) {
                plain[0]++;
            }
        });
        assertTrue(plain[0] > 2_000, "compared plain: " + plain[0]);
    }

    /** Texts the plain comparison must leave to Properties, each checked as Properties reads it. */
    @Test
    void textsOutOfThePlainForm_areLeftToProperties() {
        SortedMap<String, String> want = new TreeMap<>(Map.of("a", "b", "c", ""));
        for (String text : List.of("a b\nc \n", "a b\nc ", "# x: = y\n\n! y\na b\nc \n")) {
            assertTrue(SelfCheck.plainProperties(text, want), text);
        }
        // written without the escapes a separator needs: Properties reads another key or value
        for (List<String> unescaped : List.of(List.of("a=b", "c"), List.of("a:b", "c"), List.of("a b", "c"),
                List.of("a\tb", "c"), List.of("a", "=c"), List.of("a", ":c"), List.of("a", " c"),
                List.of("a", "\tc"))) {
            SortedMap<String, String> one = new TreeMap<>(Map.of(unescaped.get(0), unescaped.get(1)));
            String text = unescaped.get(0) + " " + unescaped.get(1) + "\n";
            assertEquals(false, SelfCheck.plainProperties(text, one), text);
            assertEquals(propertiesVerdict(text, one), checkVerdict(text, one), text);
        }
        for (String text : List.of("a b\\\nc \n", "a\\\n b\nc \n", "a b\r\nc \n", " a b\nc \n", "a  b\nc \n",
                "a=b\nc \n", "a:b\nc \n", "a\tb\nc \n", "a =b\nc \n", "a b\nc\n", "a b\nc", "a b\n",
                "# x \\\na b\nc \n", "a b\nc \nd e\n", "c \na b\n", "a b\na b\nc \n", "a b \nc \n",
                "a\\u0020b\nc \n", "\\u0061 b\nc \n")) {
            assertEquals(false, SelfCheck.plainProperties(text, want), text);
            assertEquals(propertiesVerdict(text, want), checkVerdict(text, want), text);
        }
    }
}
