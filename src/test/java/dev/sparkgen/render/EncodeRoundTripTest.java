package dev.sparkgen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import dev.sparkgen.testing.Seeded;
import dev.sparkgen.testing.Seeded.Gen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every {@link Encode} function is exact: decoding its output the way its context does gives back the input, for
 * arbitrary strings built from the characters and fragments that break naive encoders ({@link Seeded}: fixed seeds,
 * {@value #TRIES} tries a property).
 */
class EncodeRoundTripTest {

    /** Pieces of syntax of every context, and words YAML 1.1 or 1.2 would read as something else. */
    private static final List<String> FRAGMENTS = List.of(
            "$(", "${", "$$", "$", "(", ")", "A)", "$(A)", "#", " #", ": ", ":", "---", "...", "- ", "? ", "'", "\"",
            "\\", "\\n", "\n", "\r", "\r\n", "\t", " ", "  ", "\f", "\u0000", "\u0001", "\u001b", "\u007f", "\u0085",
            "\u00a0", "\u2028", "\u2029", "\ufeff", "\ufffe", "é", "日本", "😀", "\ud83d\ude00", "yes", "no", "on", "y",
            "null", "~", "true", "10", "1e3", "0777", ".5", "1:30", "2026-11-24", ".inf", "=", "!", "&a", "*a", "!!str",
            "%", "@", "`", "|", ">", "{", "}", "[", "]", ",", "<<", "~/", "*", "?", "`id`", ";", "&&", "|", "<", ">",
            "a", "Z", "9", "_", "-", ".", "/", "spark.x");

    private static final int TRIES = 500;

    /** Any string, lone surrogates included. */
    static final Gen<String> ANYTHING = Seeded.oneOf(
            Seeded.of(FRAGMENTS),
            Seeded.codePoint(0, 0xffff),
            Seeded.codePoint(0x10000, 0x10ffff),
            Seeded.strings(Seeded.LETTERS + Seeded.DIGITS, 0, 5)).joined(12);

    /** Strings a UTF-8 file can hold: no lone surrogates. */
    static final Gen<String> TEXT = ANYTHING.filter(s -> s.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff));

    /** What bash can hold in a variable: text without NUL (which spark-gen refuses in sparkEnv). */
    static final Gen<String> SHELL_TEXT = TEXT.filter(s -> s.indexOf('\0') < 0);

    private static final Yaml SNAKE = new Yaml(new SafeConstructor(new LoaderOptions()));

    private static Path scratch;

    @BeforeAll
    static void makeScratch() throws IOException {
        scratch = Files.createTempDirectory("encode-shell");
    }

    @AfterAll
    static void removeScratch() throws IOException {
        try (var files = Files.list(scratch)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(scratch);
    }

    /** spark-gen's loader refuses half surrogate pairs (and NUL) in values: see YamlLoaderTest for those. */
    @Test
    void yaml_readBySparkGensLoader_isTheSameString() {
        Seeded.forAll(1, TRIES, TEXT, s -> assertEquals(s, EncodeTest.yamlValue("k: " + Encode.yaml(s))));
    }

    @Test
    void yaml_readByYaml11SnakeYaml_isTheSameString() {
        Seeded.forAll(2, TRIES, ANYTHING, s -> {
            Map<?, ?> map = SNAKE.load("k: " + Encode.yaml(s));
            Object value = map.get("k");

            assertInstanceOf(String.class, value, () -> Encode.yaml(s) + " is read as " + value);
            assertEquals(s, value);
        });
    }

    @Test
    void yaml_asAListItemInAFlowSequence_isTheSameString() {
        Seeded.forAll(3, TRIES, TEXT, s -> {
            Map<?, ?> map = SNAKE.load("k: [" + Encode.yaml(s) + ", x]");

            assertEquals(List.of(s, "x"), map.get("k"));
        });
    }

    @Test
    void block_readBack_isTheSameText() {
        Seeded.forAll(4, TRIES, TEXT, s -> {
            assertEquals(s, EncodeTest.yamlValue("k:" + Encode.block(s, 2) + "\n"));
            // as configmap.yaml.j2 uses it: a key at indent 2, its text at 4
            Map<?, ?> map = SNAKE.load("data:\n  k:" + Encode.block(s, 4) + "\n  after: x\n");
            assertEquals(Map.of("k", s, "after", "x"), map.get("data"));
            // as a list item (YamlWriter's, for imported jobs): the dash at 2, its text at 4
            Map<?, ?> list = SNAKE.load("data:\n  - x\n  -" + Encode.block(s, 4) + "\n  - after\n");
            assertEquals(List.of("x", s, "after"), list.get("data"));
        });
    }

    @Test
    void literal_underKubernetesExpansion_isTheSameString() {
        Seeded.forAll(5, TRIES, TEXT, s -> {
            String encoded = Encode.literal(s);

            assertEquals(s, KubernetesExpansion.expand(encoded, name -> "<" + name + ">"));
            assertEquals(s, KubernetesExpansion.expand(encoded, name -> null));
        });
    }

    @Test
    void literal_thenYaml_isTheSameStringInAnEnvValue() {
        Seeded.forAll(6, TRIES, TEXT, s -> {
            String value = EncodeTest.yamlValue("k: " + Encode.yaml(Encode.literal(s)));

            assertEquals(s, KubernetesExpansion.expand(value, name -> "defined"));
        });
    }

    @Test
    void propertyKeyAndValue_loadedByJavaUtilProperties_areExactlyOneEntry() {
        Seeded.forAll(7, TRIES, ANYTHING.list(2, 2), pair -> {
            String key = pair.get(0);
            String value = pair.get(1);
            if (key.isEmpty()) {
                return; // spark-gen's keys start with "spark."
            }
            Properties loaded = EncodeTest.properties(
                    "# a comment\n" + Encode.propertyKey(key) + " " + Encode.propertyValue(value) + "\n");

            assertEquals(Map.of(key, value), Map.copyOf(loaded));
        });
    }

    /**
     * Bash starts in tens of milliseconds, so one run checks a batch of values: a few hundred in all. Values hold no
     * NUL, so bash prints them NUL-separated.
     */
    @Test
    void shell_sourcedByBashWithACleanEnvironment_exportsTheSameStrings() {
        Seeded.forAll(8, 12, SHELL_TEXT.list(1, 40), values -> {
            StringBuilder script = new StringBuilder("#!/usr/bin/env bash\n");
            StringBuilder print = new StringBuilder("printf '%s\\0'");
            for (int i = 0; i < values.size(); i++) {
                script.append("export X").append(i).append('=').append(Encode.shell(values.get(i))).append('\n');
                print.append(" \"$X").append(i).append('"');
            }
            Path file = Files.createTempFile(scratch, "spark-env", ".sh");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            ProcessBuilder bash = new ProcessBuilder("bash", "--noprofile", "--norc", "-c", "source \"$1\"; " + print,
                    "bash", file.toString());
            bash.environment().clear();
            bash.redirectErrorStream(true);
            Process process = bash.start();
            byte[] out = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
            Files.delete(file);

            String printed = new String(out, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), printed);
            assertEquals(values, List.of(printed.split("\0", -1)).subList(0, values.size()));
            assertEquals(values.size(), printed.chars().filter(c -> c == 0).count(), printed);
        });
    }
}
