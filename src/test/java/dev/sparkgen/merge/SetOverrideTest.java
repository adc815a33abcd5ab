package dev.sparkgen.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.testing.Jobs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --set PATH=VALUE}: paths, YAML values, origins {@code --set:N:COLUMN}, and malformed arguments. */
class SetOverrideTest {

    private static MapNode parse(String argument) {
        return parse(argument, 1);
    }

    private static MapNode parse(String argument, int index) {
        Problems problems = new Problems();
        MapNode layer = SetOverride.parse(argument, index, problems);
        assertTrue(problems.isEmpty(), () -> Jobs.lines(problems.all()).toString());
        assertNotNull(layer);
        return layer;
    }

    /** The one problem a malformed argument gets, as printed; the layer must be null. */
    private static String problem(String argument) {
        Problems problems = new Problems();
        assertNull(SetOverride.parse(argument, 1, problems));
        return Jobs.only(problems.all());
    }

    @Test
    void parse_dottedPath_nestsOneMappingPerKey() {
        MapNode layer = parse("executor.instances=4");

        Scalar value = (Scalar) layer.find("executor", "instances");
        assertEquals(4L, value.value());
        assertEquals(List.of("executor"), List.copyOf(layer.entries().keySet()));
    }

    @Test
    void parse_quotedKey_keepsItsDotsAsOneKey() {
        MapNode layer = parse("sparkConf.\"spark.eventLog.enabled\"=true");

        assertEquals(List.of("spark.eventLog.enabled"),
                List.copyOf(((MapNode) layer.get("sparkConf")).entries().keySet()));
        assertEquals(Boolean.TRUE, ((Scalar) layer.find("sparkConf", "spark.eventLog.enabled")).value());
    }

    @Test
    void parse_quotedKey_mayHoldAnEqualsSign() {
        MapNode layer = parse("sparkConf.\"spark.a=b\"=c");

        assertEquals("c", ((Scalar) layer.find("sparkConf", "spark.a=b")).text());
    }

    @Test
    void parse_numberValue_isANumberThatKeepsItsText() {
        Scalar octal = (Scalar) parse("arguments=0777").get("arguments");
        Scalar exponent = (Scalar) parse("arguments=1e3").get("arguments");

        assertEquals(777L, octal.value());
        assertEquals("0777", octal.text());
        assertEquals(1000.0, exponent.value());
        assertEquals("1e3", exponent.text());
    }

    @Test
    void parse_flowListValue_isAList() {
        ListNode list = (ListNode) parse("arguments=[a, 'b c']").get("arguments");

        assertEquals(List.of("a", "b c"), list.items().stream().map(n -> ((Scalar) n).text()).toList());
    }

    @Test
    void parse_nullValue_isNullSoThatItRemoves() {
        assertTrue(((Scalar) parse("schedulerName=null").get("schedulerName")).isNull());
        assertTrue(((Scalar) parse("schedulerName=~").get("schedulerName")).isNull());
    }

    @Test
    void parse_emptyValue_isNull() {
        Scalar value = (Scalar) parse("schedulerName=").get("schedulerName");

        assertTrue(value.isNull());
        assertEquals("", value.text());
    }

    @Test
    void parse_quotedValue_isAStringEvenWithYamlSyntaxInIt() {
        assertEquals("a: b", ((Scalar) parse("nameSuffix='a: b'").get("nameSuffix")).value());
        assertEquals("yes", ((Scalar) parse("nameSuffix=yes").get("nameSuffix")).value());
    }

    @Test
    void parse_valueWithEqualsSigns_keepsThemAfterTheFirst() {
        assertEquals("a=b=c", ((Scalar) parse("sparkEnv.X=a=b=c").find("sparkEnv", "X")).text());
    }

    @Test
    void parse_originOfEachKey_isItsColumnInTheNthArgument() {
        MapNode layer = parse("sparkConf.\"spark.x\"=1", 3);

        assertEquals(new Origin("--set", 3, 1), layer.origin());
        assertEquals(new Origin("--set", 3, 1), layer.get("sparkConf").origin());
        assertEquals(new Origin("--set", 3, 11), layer.find("sparkConf", "spark.x").origin());
    }

    @Test
    void parse_originOfListItems_isTheirColumnInTheArgument() {
        ListNode list = (ListNode) parse("arguments=[a, bb]", 2).get("arguments");

        assertEquals(new Origin("--set", 2, 1), list.origin());
        assertEquals(new Origin("--set", 2, 12), list.items().get(0).origin());
        assertEquals(new Origin("--set", 2, 15), list.items().get(1).origin());
    }

    @Test
    void parse_argumentWithoutEquals_isAProblemAtItsEnd() {
        assertEquals("--set:1:19: expected '=' after the --set path — write --set PATH=VALUE, "
                + "e.g. --set executor.instances=4", problem("executor.instances"));
    }

    @Test
    void parse_emptyKeyAtTheStart_isAProblem() {
        assertEquals("--set:1:1: empty key in --set path — write --set PATH=VALUE, e.g. --set "
                + "executor.instances=4 or --set sparkConf.\"spark.x\"=y", problem("=4"));
    }

    @Test
    void parse_emptyKeyBetweenDots_isAProblemAtIt() {
        assertTrue(problem("driver..cores=2").startsWith("--set:1:8: empty key in --set path"));
    }

    @Test
    void parse_emptyQuotedKey_isAProblem() {
        assertTrue(problem("sparkConf.\"\"=2").startsWith("--set:1:11: empty key in --set path"));
    }

    @Test
    void parse_unclosedQuote_isAProblemAtTheQuote() {
        assertEquals("--set:1:11: unclosed quote in --set path", problem("sparkConf.\"spark.x=1"));
    }

    @Test
    void parse_textAfterAClosingQuote_isAProblem() {
        assertTrue(problem("sparkConf.\"spark\"x=1").startsWith("--set:1:18: expected '=' after the --set path"));
    }

    @Test
    void parse_malformedYamlValue_isAProblemInTheArgument() {
        String problem = problem("arguments=[a, b");

        assertTrue(problem.startsWith("--set:1:"), problem);
        assertTrue(problem.contains("invalid YAML"), problem);
    }

    @Test
    void parse_controlCharacterInValue_isAProblemAtItsColumn() {
        assertTrue(problem("nameSuffix=a\u0007b").startsWith("--set:1:13: the control character U+0007"));
    }

    // ---------------------------------------------------------------- the depth limit, as for a file

    @Test
    void parse_pathOfAsManyKeysAsAFileMayNest_isAccepted() {
        MapNode layer = parse("a.".repeat(63) + "b=1");

        Object node = layer;
        for (int i = 0; i < 63; i++) {
            node = ((MapNode) node).get("a");
        }
        assertEquals(1L, ((Scalar) ((MapNode) node).get("b")).value());
    }

    @Test
    void parse_pathOfOneKeyMore_isAProblemAtThatKey() {
        assertEquals("--set:1:129: the --set path nests deeper than 64 levels", problem("a.".repeat(64) + "b=1"));
        assertEquals("--set:1:129: the --set path nests deeper than 64 levels", problem("a.".repeat(2000) + "b=1"));
    }

    @Test
    void parse_valueUnderALongPath_countsThePathsLevels() {
        assertInstanceOf(ListNode.class, lastValue(parse("a.".repeat(62) + "b=[x]"), 62));
        assertEquals("--set:1:128: the document nests deeper than 64 levels", problem("a.".repeat(62) + "b=[[x]]"));
    }

    private static String[] pathOf(int as) {
        String[] path = new String[as];
        java.util.Arrays.fill(path, "a");
        return path;
    }

    private static Object lastValue(MapNode layer, int as) {
        return ((MapNode) layer.find(pathOf(as))).get("b");
    }
}
