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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every {@link Encode} function is exact: decoding its output the way its context does gives back the input, for
 * arbitrary strings built from the characters and fragments that break naive encoders.
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

    private static final Yaml SNAKE = new Yaml(new SafeConstructor(new LoaderOptions()));

    private static Path scratch;

    @BeforeContainer
    static void makeScratch() throws IOException {
        scratch = Files.createTempDirectory("encode-shell");
    }

    @AfterContainer
    static void removeScratch() throws IOException {
        try (var files = Files.list(scratch)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(scratch);
    }

    /** Any string, lone surrogates included. */
    @Provide
    Arbitrary<String> anything() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(FRAGMENTS),
                Arbitraries.chars().range('\u0000', '\uffff').map(String::valueOf),
                Arbitraries.integers().between(0x10000, 0x10ffff).map(Character::toString),
                Arbitraries.strings().alpha().numeric().ofMaxLength(5));
        return piece.list().ofMaxSize(12).map(pieces -> String.join("", pieces));
    }

    /** Strings a UTF-8 file can hold: no lone surrogates. */
    @Provide
    Arbitrary<String> text() {
        return anything().filter(s -> s.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff));
    }

    /** What bash can hold in a variable: text without NUL (which spark-gen refuses in sparkEnv). */
    @Provide
    Arbitrary<String> shellText() {
        return text().filter(s -> s.indexOf('\0') < 0);
    }

    /** spark-gen's loader refuses half surrogate pairs (and NUL) in values: see YamlLoaderTest for those. */
    @Property
    void yaml_readBySparkGensLoader_isTheSameString(@ForAll("text") String s) {
        assertEquals(s, EncodeTest.yamlValue("k: " + Encode.yaml(s)));
    }

    @Property
    void yaml_readByYaml11SnakeYaml_isTheSameString(@ForAll("anything") String s) {
        Map<?, ?> map = SNAKE.load("k: " + Encode.yaml(s));
        Object value = map.get("k");

        assertInstanceOf(String.class, value, () -> Encode.yaml(s) + " is read as " + value);
        assertEquals(s, value);
    }

    @Property
    void yaml_asAListItemInAFlowSequence_isTheSameString(@ForAll("text") String s) {
        Map<?, ?> map = SNAKE.load("k: [" + Encode.yaml(s) + ", x]");

        assertEquals(List.of(s, "x"), map.get("k"));
    }

    @Property
    void block_readBack_isTheSameText(@ForAll("text") String s) {
        // Known bugs: "\n" alone, and text starting with a blank under an indented key (see EncodeTest)
        if (s.equals("\n")) {
            return;
        }
        assertEquals(s, EncodeTest.yamlValue("k:" + Encode.block(s, 2) + "\n"));
        if (s.startsWith(" ") || s.startsWith("\n")) {
            return;
        }
        // as configmap.yaml.j2 uses it: a key at indent 2, its text at 4
        Map<?, ?> map = SNAKE.load("data:\n  k:" + Encode.block(s, 4) + "\n  after: x\n");
        assertEquals(Map.of("k", s, "after", "x"), map.get("data"));
    }

    @Property
    void literal_underKubernetesExpansion_isTheSameString(@ForAll("text") String s) {
        String encoded = Encode.literal(s);

        assertEquals(s, KubernetesExpansion.expand(encoded, name -> "<" + name + ">"));
        assertEquals(s, KubernetesExpansion.expand(encoded, name -> null));
    }

    @Property
    void literal_thenYaml_isTheSameStringInAnEnvValue(@ForAll("text") String s) {
        String value = EncodeTest.yamlValue("k: " + Encode.yaml(Encode.literal(s)));

        assertEquals(s, KubernetesExpansion.expand(value, name -> "defined"));
    }

    @Property
    void propertyKeyAndValue_loadedByJavaUtilProperties_areExactlyOneEntry(@ForAll("anything") String key,
                                                                          @ForAll("anything") String value) {
        if (key.isEmpty()) {
            return; // spark-gen's keys start with "spark."
        }
        if (value.startsWith("=") || value.startsWith(":")) {
            return; // a known bug: see EncodeTest.propertyValue_startingWithEqualsOrColon_loadsAsItself
        }
        Properties loaded = EncodeTest.properties(
                "# a comment\n" + Encode.propertyKey(key) + " " + Encode.propertyValue(value) + "\n");

        assertEquals(Map.of(key, value), Map.copyOf(loaded));
    }

    /**
     * Bash starts in tens of milliseconds, so one run checks a batch of values: a few hundred in all. Values hold no
     * NUL, so bash prints them NUL-separated.
     */
    @Property(tries = 12)
    void shell_sourcedByBashWithACleanEnvironment_exportsTheSameStrings(
            @ForAll @Size(min = 1, max = 40) List<@From("shellText") String> values) throws IOException, InterruptedException {
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
    }
}
