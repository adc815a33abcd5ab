package dev.sparkgen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.source.YamlLoader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Examples of each {@link Encode} function, the ones a reader checks by eye; {@link EncodeRoundTripTest}
 * checks the same contracts on arbitrary strings.
 */
class EncodeTest {

    /**
     * The value of key k, read back by spark-gen's own YAML 1.2 loader and, independently, by SnakeYAML's YAML 1.1
     * reader (as kubectl's go-yaml reads): both must see the same string. spark-gen's loader refuses a NUL in
     * values on purpose, so only the second reads those.
     */
    static String yamlValue(String encodedLine) {
        Object independent = ((java.util.Map<?, ?>) new org.yaml.snakeyaml.Yaml(
                new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()))
                .load(encodedLine)).get("k");
        assertTrue(independent instanceof String, () -> encodedLine + " is read by YAML 1.1 as " + independent);
        if (((String) independent).indexOf('\0') >= 0) {
            return (String) independent;
        }
        Problems problems = new Problems();
        MapNode map = (MapNode) YamlLoader.load("t.yaml", encodedLine, 0, 0, problems);
        assertTrue(problems.isEmpty(), () -> problems.all() + " in " + encodedLine);
        Scalar scalar = (Scalar) map.get("k");
        assertTrue(scalar.isString(), () -> encodedLine + " is read as " + scalar.describe());
        assertEquals(independent, scalar.text(), "YAML 1.1 and 1.2 read it differently");
        return scalar.text();
    }

    static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    // ---------------------------------------------------------------- YAML

    @ParameterizedTest
    @ValueSource(strings = {"10", "1e3", "yes", "no", "on", "off", "y", "n", "Y", "N", "true", "False", "null", "Null",
        "NULL", "~", "2026-11-24", "1:30", ".5", "-1", "+1", "0x1F", "0o17", "0777", ".inf", "-.inf", ".nan", "=", "<<",
        "", " a", "a ", "a: b", "a #b", "- a", "-", "...", "*a", "&a", "!a", "%a", "@a", "`a", "|", ">", "[a]",
        "{a}", "'a'", "\"a\"", "a,b", "a:"})
    void yaml_stringsThatYamlWouldReadAsSomethingElse_areQuoted(String s) {
        String encoded = Encode.yaml(s);

        assertTrue(encoded.startsWith("\""), () -> s + " -> " + encoded);
        assertEquals(s, yamlValue("k: " + encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pyspark-pi", "/opt/spark", "eu.gcr.io/yippee-spark-k8s/spark-py:3.0.1",
        "local:///opt/spark/examples/src/main/python/pi.py", "1200m", "896Mi", "2Gi", "spark.ui.port",
        "--conf", "a=b", "a$(B)"})
    void yaml_wordsThatCannotBeMisread_arePlain(String s) {
        assertEquals(s, Encode.yaml(s));
    }

    @Test
    void yaml_controlAndSpecialCharacters_areEscaped() {
        String s = "a\nb\tc\\d\"e\0\u0007";

        assertEquals("\"a\\nb\\tc\\\\d\\\"e\\0\\x07\"", Encode.yaml(s));
        assertEquals(s, yamlValue("k: " + Encode.yaml(s)));
    }

    @Test
    void doubleQuoted_escapesEachCharacterYamlDoesNotTakeAsText() {
        assertEquals("\"\\x7F\\N\\L\\P\\uFEFF\\x01\"", Encode.doubleQuoted("\u007f\u0085\u2028\u2029\uFEFF\u0001"));
        assertEquals("\"é😀\"", Encode.doubleQuoted("é😀"));
    }

    @Test
    void block_multiLineText_isALiteralBlockAtTheIndent() {
        assertEquals(" |\n    a\n\n    b", Encode.block("a\n\nb\n", 4));
        assertEquals(" |-\n  a", Encode.block("a", 2));
        assertEquals(" |+\n  a\n", Encode.block("a\n\n", 2));
    }

    @Test
    void block_textStartingWithABlank_getsAnIndentationIndicator() {
        assertEquals(" |2-\n   a\n  b", Encode.block(" a\nb", 2));
        assertEquals(" a\nb", yamlValue("k:" + Encode.block(" a\nb", 2) + "\n"));
    }

    @Test
    void block_textStartingWithABlank_underAnIndentedKey_readsBackAsItself() {
        Map<?, ?> map = new org.yaml.snakeyaml.Yaml().load("data:\n  k:" + Encode.block(" a\nb", 4) + "\n");

        assertEquals(Map.of("k", " a\nb"), map.get("data"));
    }

    @Test
    void block_textWithTrailingBlanksOrCarriageReturns_isDoubleQuoted() {
        assertEquals(" \"a \\nb\"", Encode.block("a \nb", 2));
        assertEquals(" \"a\\r\\nb\"", Encode.block("a\r\nb", 2));
        assertEquals(" \"\"", Encode.block("", 2));
    }

    @Test
    void block_aSingleLineBreak_readsBackAsItself() {
        assertEquals("\n", yamlValue("k:" + Encode.block("\n", 2) + "\n"));
    }

    // ---------------------------------------------------------------- Kubernetes $(VAR)

    @Test
    void expansionModel_followsKubernetesRules() {
        Map<String, String> vars = Map.of("A", "x");

        assertEquals("x", KubernetesExpansion.expand("$(A)", vars::get));
        assertEquals("$(B)", KubernetesExpansion.expand("$(B)", vars::get));
        assertEquals("$(A)", KubernetesExpansion.expand("$$(A)", vars::get));
        assertEquals("$", KubernetesExpansion.expand("$$", vars::get));
        assertEquals("$(A", KubernetesExpansion.expand("$(A", vars::get));
        assertEquals("$a$", KubernetesExpansion.expand("$a$", vars::get));
        assertEquals("$é", KubernetesExpansion.expand("$é", vars::get));
        assertEquals("$\u00c3\ufffd", KubernetesExpansion.expand("$é", vars::get, true));
    }

    @Test
    void literal_doublesEveryDollar() {
        assertEquals("$$(HOME)", Encode.literal("$(HOME)"));
        assertEquals("$$$$", Encode.literal("$$"));
        assertEquals("a$$", Encode.literal("a$"));
        assertEquals("$${x}", Encode.literal("${x}"));
        assertEquals("no dollar", Encode.literal("no dollar"));
    }

    @Test
    void literal_referenceToADefinedVariable_isNotExpanded() {
        assertEquals("$(SPARK_HOME)/bin", KubernetesExpansion.expand(Encode.literal("$(SPARK_HOME)/bin"), n -> "/opt/spark"));
    }

    @Test
    void literal_dollarBeforeANonAsciiCharacter_survivesOlderKubelets() {
        assertEquals("$é", KubernetesExpansion.expand(Encode.literal("$é"), n -> null, true));
    }

    // ---------------------------------------------------------------- bash

    @Test
    void shell_safeWords_areBare() {
        assertEquals("dummy", Encode.shell("dummy"));
        assertEquals("/opt/spark:a=b,c@d%e+f", Encode.shell("/opt/spark:a=b,c@d%e+f"));
    }

    @Test
    void shell_anythingElse_isSingleQuoted() {
        assertEquals("''", Encode.shell(""));
        assertEquals("'$(rm -rf /) `x` ${y} ~ *'", Encode.shell("$(rm -rf /) `x` ${y} ~ *"));
        assertEquals("'it'\\''s'", Encode.shell("it's"));
        assertEquals("'a'$'\\n''b'", Encode.shell("a\nb"));
        assertEquals("$'\\xC2\\x85'", Encode.shell("\u0085"));
    }

    // ---------------------------------------------------------------- java.util.Properties

    @Test
    void propertyKey_escapesSeparatorsCommentsAndBlanks() {
        assertEquals("spark.a\\=b\\:c\\ d\\#e\\!f", Encode.propertyKey("spark.a=b:c d#e!f"));
        assertEquals("\\#x", Encode.propertyKey("#x"));
    }

    @Test
    void propertyValue_keepsSeparatorsAndEscapesALeadingBlankAndLineBreaks() {
        assertEquals("\\ a=b: c#d", Encode.propertyValue(" a=b: c#d"));
        assertEquals("a\\nb\\\\c\\td", Encode.propertyValue("a\nb\\c\td"));
        assertEquals("\\u0001\\u2028", Encode.propertyValue("\u0001\u2028"));
    }

    @Test
    void propertyValue_startingWithEqualsOrColon_loadsAsItself() {
        assertEquals(Map.of("spark.x", ":x"), Map.copyOf(properties("spark.x " + Encode.propertyValue(":x") + "\n")));
        assertEquals(Map.of("spark.x", "=x"), Map.copyOf(properties("spark.x " + Encode.propertyValue("=x") + "\n")));
    }

    @Test
    void propertyValue_asWrittenInSparkDefaults_loadsAsItself() {
        Properties loaded = properties(Encode.propertyKey("spark.x") + " " + Encode.propertyValue(" v=1\nw ") + "\n");

        assertEquals(Map.of("spark.x", " v=1\nw "), Map.copyOf(loaded));
    }
}
