package dev.sparkgen.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problem;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.testing.Jobs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@link YamlLoader} makes of YAML: the core schema, origins, and every kind of input it refuses, each
 * with one fixture under {@code fixtures/yaml/} and the exact line a user sees.
 */
class YamlLoaderTest {

    private static byte[] fixture(String name) {
        try (InputStream in = YamlLoaderTest.class.getResourceAsStream("/fixtures/yaml/" + name)) {
            assertNotNull(in, "no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Loaded(MapNode map, List<Problem> problems) {

        List<String> lines() {
            return Jobs.lines(problems);
        }
    }

    private static Loaded loadFixture(String name) {
        Problems problems = new Problems();
        MapNode map = YamlLoader.loadMapping(name, fixture(name), problems);
        return new Loaded(map, problems.all());
    }

    private static Loaded loadText(String name, String text) {
        Problems problems = new Problems();
        MapNode map = YamlLoader.loadMapping(name, text.getBytes(StandardCharsets.UTF_8), problems);
        return new Loaded(map, problems.all());
    }

    /** A fixture that is refused: no document, and exactly this one line. */
    private static void assertRefused(String fixture, String line) {
        Loaded loaded = loadFixture(fixture);
        assertNull(loaded.map(), "a refused file yields no document");
        assertEquals(List.of(line), loaded.lines());
    }

    private static Scalar scalar(String yamlValue) {
        Problems problems = new Problems();
        Node node = YamlLoader.load("t.yaml", "v: " + yamlValue, 0, 0, problems);
        assertTrue(problems.isEmpty(), () -> Jobs.lines(problems.all()).toString());
        return (Scalar) ((MapNode) node).get("v");
    }

    // ---------------------------------------------------------------- YAML 1.2 core schema

    static Stream<Arguments> coreSchema() {
        return Stream.of(
                // YAML 1.1's booleans are strings in 1.2
                Arguments.of("on", "on"), Arguments.of("off", "off"), Arguments.of("yes", "yes"),
                Arguments.of("no", "no"), Arguments.of("y", "y"), Arguments.of("n", "n"), Arguments.of("Yes", "Yes"),
                Arguments.of("ON", "ON"),
                Arguments.of("true", true), Arguments.of("True", true), Arguments.of("TRUE", true),
                Arguments.of("false", false), Arguments.of("False", false), Arguments.of("FALSE", false),
                Arguments.of("tRUE", "tRUE"),
                // integers: 0777 is decimal in 1.2 (octal is 0o)
                Arguments.of("10", 10L), Arguments.of("-12", -12L), Arguments.of("+12", 12L),
                Arguments.of("0777", 777L), Arguments.of("0o17", 15L), Arguments.of("0x1F", 31L),
                Arguments.of("0x1f", 31L), Arguments.of("12345678901234567890123", new BigInteger("12345678901234567890123")),
                Arguments.of("0b101", "0b101"), Arguments.of("1_000", "1_000"), Arguments.of("0o8", "0o8"),
                Arguments.of("0xG", "0xG"), Arguments.of("-0", 0L), Arguments.of("+0o17", "+0o17"),
                Arguments.of("123456789012345678", 123456789012345678L),
                Arguments.of("-9223372036854775808", Long.MIN_VALUE),
                Arguments.of("9223372036854775808", new BigInteger("9223372036854775808")),
                Arguments.of("2g", "2g"), Arguments.of("4.0.0", "4.0.0"), Arguments.of("1.5f", "1.5f"),
                Arguments.of("-.inF", "-.inF"), Arguments.of("1n", "1n"),
                // floats
                Arguments.of("1e3", 1000.0), Arguments.of("1.5", 1.5), Arguments.of(".5", 0.5),
                Arguments.of("-1.5e-3", -0.0015), Arguments.of("1.", 1.0),
                Arguments.of(".inf", Double.POSITIVE_INFINITY), Arguments.of("-.Inf", Double.NEGATIVE_INFINITY),
                Arguments.of("+.INF", Double.POSITIVE_INFINITY), Arguments.of(".nan", Double.NaN),
                Arguments.of(".NaN", Double.NaN), Arguments.of("nan", "nan"), Arguments.of("inf", "inf"),
                // YAML 1.1's dates and sexagesimals are strings in 1.2
                Arguments.of("2026-11-24", "2026-11-24"), Arguments.of("1:30", "1:30"),
                // null
                Arguments.of("~", null), Arguments.of("null", null), Arguments.of("Null", null),
                Arguments.of("NULL", null), Arguments.of("", null), Arguments.of("nULL", "nULL"),
                // quoted: always a string
                Arguments.of("'10'", "10"), Arguments.of("\"true\"", "true"), Arguments.of("'null'", "null"),
                Arguments.of("''", ""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("coreSchema")
    void load_plainScalar_resolvesByTheYaml12CoreSchema(String text, Object expected) {
        Scalar scalar = scalar(text);

        assertEquals(expected, scalar.value());
        if (expected != null) {
            assertEquals(expected.getClass(), scalar.value().getClass());
        }
    }

    @Test
    void load_number_keepsItsTextAsWritten() {
        assertEquals("0777", scalar("0777").text());
        assertEquals("1e3", scalar("1e3").text());
        assertEquals("0x1F", scalar("0x1F").text());
    }

    @Test
    void load_strTag_makesAnyScalarAString() {
        MapNode map = loadFixture("str_tag.yaml").map();

        assertEquals("10", ((Scalar) map.get("a")).value());
        assertEquals("true", ((Scalar) map.get("b")).value());
        assertEquals("null", ((Scalar) map.get("c")).value());
        assertEquals(7L, ((Scalar) map.get("d")).value());
    }

    @Test
    void load_tagThatDoesNotFitItsText_isRefused() {
        Loaded loaded = loadText("t.yaml", "a: !!int ten\n");

        assertNull(loaded.map());
        assertEquals(List.of("t.yaml:1:4: 'ten' is not a valid int"), loaded.lines());
    }

    @Test
    void load_numericKey_isReadAsItsText() {
        Loaded loaded = loadText("t.yaml", "10: a\ntrue: b\n");

        assertEquals(List.of("10", "true"), List.copyOf(loaded.map().entries().keySet()));
    }

    // ---------------------------------------------------------------- origins

    @Test
    void load_valueUnderAKey_hasTheOriginOfItsKey() {
        MapNode map = loadFixture("origins.yaml").map();

        assertEquals(new Origin("origins.yaml", 1, 1), map.get("name").origin());
        assertEquals(new Origin("origins.yaml", 2, 1), map.get("driver").origin());
        assertEquals(new Origin("origins.yaml", 3, 3), map.find("driver", "cores").origin());
        assertEquals(new Origin("origins.yaml", 4, 3), map.find("driver", "labels").origin());
        assertEquals(new Origin("origins.yaml", 4, 12), map.find("driver", "labels", "team").origin());
    }

    @Test
    void load_listItems_haveTheirOwnOrigins() {
        MapNode map = loadFixture("origins.yaml").map();
        ListNode arguments = (ListNode) map.get("arguments");
        ListNode flow = (ListNode) map.get("list");

        assertEquals(new Origin("origins.yaml", 5, 1), arguments.origin());
        assertEquals(new Origin("origins.yaml", 6, 5), arguments.items().get(0).origin());
        assertEquals(new Origin("origins.yaml", 7, 7), arguments.items().get(1).origin());
        assertEquals(new Origin("origins.yaml", 8, 8), flow.items().get(0).origin());
        assertEquals(new Origin("origins.yaml", 8, 11), flow.items().get(1).origin());
    }

    @Test
    void load_alias_takesTheOriginOfWhereItIsUsed_andItsInsideKeepsTheAnchorsOrigins() {
        MapNode map = loadFixture("aliases.yaml").map();

        assertEquals(new Origin("aliases.yaml", 5, 3), map.find("driver", "labels").origin());
        assertEquals(new Origin("aliases.yaml", 2, 3), map.find("driver", "labels", "team").origin());
        assertEquals("gold", ((Scalar) map.find("driver", "labels", "tier")).text());
    }

    // ---------------------------------------------------------------- refused structures

    @Test
    void load_duplicateKey_isReportedAtTheSecondWithTheFirstsLine() {
        Loaded loaded = loadFixture("duplicate_key.yaml");

        assertEquals(List.of("duplicate_key.yaml:3:1: duplicate key 'name' (first written at line 1) — "
                + "YAML keeps only one of them: remove the other"), loaded.lines());
    }

    @Test
    void load_mergeKey_isRefused() {
        assertRefused("merge_key.yaml", "merge_key.yaml:3:3: YAML merge keys ('<<') are not supported — "
                + "write the keys out, or put an alias on a whole value ('key: *anchor')");
    }

    @Test
    void load_customTag_isRefused() {
        assertRefused("custom_tag.yaml", "custom_tag.yaml:1:7: the tag !custom is not supported — "
                + "spark-gen reads plain data: strings, numbers, booleans, null, lists and mappings");
    }

    @Test
    void load_javaTag_isRefused() {
        assertRefused("java_tag.yaml", "java_tag.yaml:1:7: the tag !!java.net.URL is not supported — "
                + "spark-gen reads plain data: strings, numbers, booleans, null, lists and mappings");
    }

    @Test
    void load_aliasBomb_isRefusedQuickly() {
        Loaded loaded = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> loadFixture("alias_bomb.yaml"));

        assertNull(loaded.map());
        assertEquals(1, loaded.problems().size(), loaded.lines()::toString);
        assertTrue(loaded.lines().get(0).contains(": aliases expand the document to more than 100000 values — "
                + "use each anchor a few times at most"), loaded.lines()::toString);
    }

    @Test
    void load_aliasToAnUndefinedAnchor_isRefused() {
        assertRefused("undefined_alias.yaml",
                "undefined_alias.yaml:1:4: the alias *nowhere refers to no anchor &nowhere before it");
    }

    @Test
    void load_aliasInsideItsOwnAnchor_isRefused() {
        assertRefused("recursive_alias.yaml", "recursive_alias.yaml:1:11: the alias *x refers to a value that contains it");
    }

    @Test
    void load_mappingAsAKey_isRefused() {
        assertRefused("key_is_mapping.yaml", "key_is_mapping.yaml:1:3: a key must be a string, not a mapping");
    }

    @Test
    void load_nestingDeeperThanTheLimit_isRefused() {
        int depth = YamlLoader.MAX_DEPTH + 1;
        Loaded loaded = loadText("deep.yaml", "a: " + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "\n");

        assertNull(loaded.map());
        assertEquals(1, loaded.problems().size());
        assertTrue(loaded.lines().get(0).endsWith("the document nests deeper than 64 levels"), loaded.lines()::toString);
    }

    @Test
    void load_nestingAtTheLimit_isAccepted() {
        int depth = YamlLoader.MAX_DEPTH;
        Loaded loaded = loadText("deep.yaml", "a: " + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "\n");

        assertTrue(loaded.problems().isEmpty(), loaded.lines()::toString);
    }

    @Test
    void load_veryDeepNesting_isRefusedQuicklyWithoutAStackOverflow() {
        Loaded loaded = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> loadText("deep.yaml", "a: " + "[".repeat(100_000) + "\n"));

        assertNull(loaded.map());
        assertEquals(1, loaded.problems().size(), loaded.lines()::toString);
    }

    @Test
    void load_fileOverTheSizeLimit_isRefused() {
        String text = "a: " + "x".repeat(YamlLoader.MAX_BYTES) + "\n";
        Loaded loaded = loadText("big.yaml", text);

        assertNull(loaded.map());
        assertEquals(List.of("big.yaml:1:1: the file is 1048580 bytes, more than spark-gen reads (1048576) — "
                + "a job or profile file is a few kilobytes of YAML"), loaded.lines());
    }

    // ---------------------------------------------------------------- bytes that are not YAML text

    @Test
    void load_nulByte_isRefusedAtItsPlace() {
        assertRefused("nul.yaml", "nul.yaml:2:9: the file holds NUL bytes: it is binary, not YAML");
    }

    @Test
    void load_binaryFile_isRefused() {
        assertRefused("binary.png.yaml", "binary.png.yaml:3:1: the file holds NUL bytes: it is binary, not YAML");
    }

    @Test
    void load_invalidUtf8_isRefusedAtTheBadByte() {
        assertRefused("invalid_utf8.yaml", "invalid_utf8.yaml:3:9: the file is not UTF-8 text (byte 0xC3) — save it as UTF-8");
    }

    @Test
    void load_controlCharacter_isRefusedAtItsPlace() {
        assertRefused("control_character.yaml", "control_character.yaml:2:9: the control character U+0007 is not "
                + "allowed in YAML — write it as the escape \\u0007 in a double-quoted string");
    }

    @Test
    void load_byteOrderMark_isAcceptedAndDropped() {
        Loaded loaded = loadFixture("bom.yaml");

        assertTrue(loaded.problems().isEmpty(), loaded.lines()::toString);
        assertEquals(List.of("name"), List.copyOf(loaded.map().entries().keySet()));
        assertEquals(new Origin("bom.yaml", 1, 1), loaded.map().get("name").origin());
    }

    @Test
    void load_nonAsciiText_isKept() {
        assertEquals("café ☕ 😀", scalar("café ☕ 😀").text());
    }

    // ---------------------------------------------------------------- documents and the top level

    @Test
    void load_emptyFile_isRefused() {
        assertRefused("empty.yaml", "empty.yaml:1:1: the file holds no YAML document — expected a mapping of keys to values");
    }

    @Test
    void load_commentsOnlyFile_isRefused() {
        Loaded loaded = loadFixture("comments_only.yaml");

        assertNull(loaded.map());
        assertEquals(1, loaded.problems().size(), loaded.lines()::toString);
        assertTrue(loaded.lines().get(0).endsWith(": the file holds no YAML document — expected a mapping of keys to values"),
                loaded.lines()::toString);
    }

    @Test
    void load_documentMarkerOnly_isRefusedAsHoldingNoValues() {
        assertRefused("document_marker_only.yaml",
                "document_marker_only.yaml:1:1: the file holds no values — expected a mapping of keys to values");
    }

    @Test
    void load_severalDocuments_isRefusedAtTheSecond() {
        assertRefused("several_documents.yaml", "several_documents.yaml:2:1: a second YAML document starts here — "
                + "a file holds one document: remove the '---' line or split the file");
    }

    @Test
    void load_topLevelList_isRefused() {
        assertRefused("top_level_list.yaml",
                "top_level_list.yaml:1:1: the top level is a list, expected a mapping of keys to values");
    }

    @Test
    void load_topLevelScalar_isRefused() {
        assertRefused("top_level_scalar.yaml",
                "top_level_scalar.yaml:1:1: the top level is the string 'just text', expected a mapping of keys to values");
    }

    @Test
    void load_unclosedFlowList_isReportedAtFileLineColumn() {
        Loaded loaded = loadFixture("malformed.yaml");

        assertNull(loaded.map());
        assertEquals(1, loaded.problems().size(), loaded.lines()::toString);
        assertTrue(loaded.lines().get(0).matches("malformed\\.yaml:[34]:\\d+: invalid YAML: .*"), loaded.lines()::toString);
    }

    @Test
    void load_badIndentation_isReportedAtFileLineColumn() {
        Loaded loaded = loadFixture("bad_indentation.yaml");

        assertNull(loaded.map());
        assertEquals(1, loaded.problems().size(), loaded.lines()::toString);
        assertTrue(loaded.lines().get(0).startsWith("bad_indentation.yaml:2:"), loaded.lines()::toString);
        assertTrue(loaded.lines().get(0).contains(": invalid YAML: "), loaded.lines()::toString);
    }

    @Test
    void load_anyValueAtTheTop_isAllowedByLoad() {
        Problems problems = new Problems();
        Node node = YamlLoader.load("t", "[1, 2]", 0, 0, problems);

        assertInstanceOf(ListNode.class, node);
        assertTrue(problems.isEmpty());
    }
}
