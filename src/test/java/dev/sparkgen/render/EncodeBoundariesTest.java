package dev.sparkgen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Encode}'s exact output at the edges of each rule — the last character on either side of a range, the
 * longest plain scalar — so that no boundary can move unnoticed (the tests mutation testing asked for). That the
 * output decodes back to its input is {@link EncodeRoundTripTest}'s; this pins which encoding is chosen.
 */
class EncodeBoundariesTest {

    // ---------------------------------------------------------------- YAML: plain or quoted

    @Test
    void yaml_plainUpTo200Characters_thenQuoted() {
        assertEquals("a".repeat(200), Encode.yaml("a".repeat(200)));
        assertEquals("\"" + "a".repeat(201) + "\"", Encode.yaml("a".repeat(201)));
    }

    @Test
    void yaml_firstCharacter_decides() {
        assertEquals("abc", Encode.yaml("abc"));
        assertEquals("zZ", Encode.yaml("zZ"));
        assertEquals("Abc", Encode.yaml("Abc"));
        assertEquals("Zz", Encode.yaml("Zz"));
        assertEquals("/x", Encode.yaml("/x"));
        assertEquals("-x", Encode.yaml("-x"));
        assertEquals("--x", Encode.yaml("--x"));
        assertEquals("-Z", Encode.yaml("-Z"));
        assertEquals("\"-1\"", Encode.yaml("-1"));
        assertEquals("\"-/\"", Encode.yaml("-/"));
        assertEquals("\"-\"", Encode.yaml("-"));
        assertEquals("\".x\"", Encode.yaml(".x"));
        assertEquals("\"_x\"", Encode.yaml("_x"));
        assertEquals("\"@x\"", Encode.yaml("@x"));
        assertEquals("\"[x\"", Encode.yaml("[x"));
        assertEquals("\"`x\"", Encode.yaml("`x"));
        assertEquals("\"{x\"", Encode.yaml("{x"));
        assertEquals("\"é\"", Encode.yaml("é"));
    }

    @Test
    void yaml_startingWithADigit_isPlainOnlyAsAQuantity() {
        assertEquals("1200m", Encode.yaml("1200m"));
        assertEquals("1.5Gi", Encode.yaml("1.5Gi"));
        assertEquals("0k", Encode.yaml("0k"));
        assertEquals("9Ei", Encode.yaml("9Ei"));
        assertEquals("\"12\"", Encode.yaml("12"));
        assertEquals("\"1.Gi\"", Encode.yaml("1.Gi"));
        assertEquals("\"1x\"", Encode.yaml("1x"));
        assertEquals("\"1m \"", Encode.yaml("1m "));
    }

    @Test
    void yaml_aQuantitysUnit_isOneKubernetesKnows() {
        for (String unit : new String[] {"m", "k", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "M", "G", "T", "P"}) {
            assertEquals("12" + unit, Encode.yaml("12" + unit), unit);
            assertEquals("0.25" + unit, Encode.yaml("0.25" + unit), unit);
        }
        for (String q : new String[] {"1K", "1E", "1mi", "1ki", "1Ji", "1Kii", "1Mi5", "1.5.3Gi", "1..5Gi", "1.Gi",
            "1e3", "1Gi ", "1:m", "0x1Fm"}) {
            assertEquals(Encode.doubleQuoted(q), Encode.yaml(q), q);
        }
    }

    @Test
    void yaml_laterCharacters_mustBeFromTheSafeSet() {
        assertEquals("a0._/+@:=$()-9", Encode.yaml("a0._/+@:=$()-9"));
        assertEquals("\"a:\"", Encode.yaml("a:"));
        assertEquals("a:b", Encode.yaml("a:b"));
        for (String unsafe : new String[] {"a b", "a,b", "a#b", "a~b", "a\"b", "a'b", "a!b", "a*b", "a&b", "a%b",
            "a[b", "a{b", "a|b", "a>b", "a?b", "a`b", "a\\b", "aé", "a;b"}) {
            assertEquals(Encode.doubleQuoted(unsafe), Encode.yaml(unsafe), unsafe);
        }
    }

    @Test
    void yaml_wordsOfOtherTypesInAnyCase_areQuoted_andLongerWordsAreNot() {
        for (String word : new String[] {"Y", "n", "YES", "No", "oN", "OFF", "True", "fALSE", "NuLL"}) {
            assertEquals("\"" + word + "\"", Encode.yaml(word), word);
        }
        for (String word : new String[] {"yess", "nulls", "onn", "truex", "offf", "nn"}) {
            assertEquals(word, Encode.yaml(word), word);
        }
    }

    // ---------------------------------------------------------------- YAML: double-quoted escapes

    @Test
    void doubleQuoted_escapesExactlyTheCharactersYamlDoesNotPrint() {
        assertEquals("\"\\0\\x1F \\t\\n\\r\\\"\\\\\"", Encode.doubleQuoted("\0\u001f \t\n\r\"\\"));
        assertEquals("\"~\\x7F\\x80\\N\\x9F\u00a0\"", Encode.doubleQuoted("~\u007f\u0080\u0085\u009f\u00a0"));
        assertEquals("\"\ud7ff\\uDFFF\\uD800\ue000\"", Encode.doubleQuoted("\ud7ff\udfff\ud800\ue000"));
        assertEquals("\"\\L\\P\u2027\u202a\"", Encode.doubleQuoted("\u2028\u2029\u2027\u202a"));
        assertEquals("\"\ufefe\\uFEFF\ufffd\\uFFFE\\uFFFF\"", Encode.doubleQuoted("\ufefe\ufeff\ufffd\ufffe\uffff"));
        assertEquals("\"\ud800\udc00\udbff\udfff\"", Encode.doubleQuoted("\ud800\udc00\udbff\udfff"));
    }

    // ---------------------------------------------------------------- YAML: literal blocks

    @Test
    void block_chompingFollowsTheTrailingLineBreaks() {
        assertEquals(" |-\n    a\n    b", Encode.block("a\nb", 4));
        assertEquals(" |\n    a\n    b", Encode.block("a\nb\n", 4));
        assertEquals(" |+\n    a\n    b\n", Encode.block("a\nb\n\n", 4));
        assertEquals(" |+\n    a\n\n", Encode.block("a\n\n\n", 4));
    }

    @Test
    void block_indentationIndicator_onlyForALeadingBlankOrLineBreak() {
        assertEquals(" |2-\n     a\n    b", Encode.block(" a\nb", 4));
        assertEquals(" |2-\n\n    a", Encode.block("\na", 4));
        assertEquals(" |-\n    \ta\n    b", Encode.block("\ta\nb", 4));
    }

    @Test
    void block_blankTextOrATrailingBlankOnAnyLine_isDoubleQuoted() {
        assertEquals(" \"\\n\"", Encode.block("\n", 4));
        assertEquals(" \" \\n\"", Encode.block(" \n", 4));
        assertEquals(" \"a\\t\\nb\"", Encode.block("a\t\nb", 4));
        assertEquals(" \"a\\nb \"", Encode.block("a\nb ", 4));
        assertEquals(" |-\n    a\n     b", Encode.block("a\n b", 4));
        assertEquals(" \"a\\nb\\t\"", Encode.block("a\nb\t", 4));
        assertEquals(" \"a \\n\\nb\"", Encode.block("a \n\nb", 4));
        assertEquals(" |-\n    a \tb\n    c", Encode.block("a \tb\nc", 4));
    }

    @Test
    void block_charactersALiteralBlockCannotHold_makeItDoubleQuoted() {
        for (String c : new String[] {"\u001f", "\u007f", "\u0085", "\u009f", "\u2028", "\u2029", "\ufeff", "\ufffe",
            "\uffff", "\r", "\ud800"}) {
            assertEquals(" " + Encode.doubleQuoted("a" + c + "\nb"), Encode.block("a" + c + "\nb", 4), c);
        }
        for (String c : new String[] {" ", "~", "\u00a0", "\ud7ff", "\ue000", "\ufffd", "\ud800\udc00", "\udbff\udfff",
            "\u2027", "\u202a", "\ufefe"}) {
            assertEquals(" |-\n    a" + c + "x\n    b", Encode.block("a" + c + "x\nb", 4), c);
        }
    }

    // ---------------------------------------------------------------- bash

    @Test
    void shell_bareOnlyForSafeCharacters() {
        assertEquals("azAZ09_./:@%+=,-", Encode.shell("azAZ09_./:@%+=,-"));
        for (String unsafe : new String[] {"a b", "a;b", "a$b", "a`b", "a\"b", "a*b", "a?b", "a[b", "a~b", "a#b",
            "a&b", "a|b", "a<b", "a(b", "a!b", "a{b", "a^b", "é"}) {
            assertEquals("'" + unsafe + "'", Encode.shell(unsafe), unsafe);
        }
    }

    @Test
    void shell_controlCharacters_areAnsiCQuotedBytes_andOthersStayQuoted() {
        assertEquals("$'\\x1F'", Encode.shell("\u001f"));
        assertEquals("$'\\t''x'$'\\r'", Encode.shell("\tx\r"));
        assertEquals("$'\\x7F'", Encode.shell("\u007f"));
        assertEquals("$'\\xC2\\x80'", Encode.shell("\u0080"));
        assertEquals("$'\\xC2\\x9F'", Encode.shell("\u009f"));
        assertEquals("'\u00a0'", Encode.shell("\u00a0"));
        assertEquals("$'\\xE2\\x80\\xA8'$'\\xE2\\x80\\xA9'", Encode.shell("\u2028\u2029"));
        assertEquals("'\u2027'", Encode.shell("\u2027"));
        assertEquals("$'\\xEF\\xBB\\xBF'", Encode.shell("\ufeff"));
        assertEquals("'😀'", Encode.shell("😀"));
    }

    @Test
    void shell_quotes_areEscapedBetweenQuotedRuns() {
        assertEquals("\\'", Encode.shell("'"));
        assertEquals("\\'\\'", Encode.shell("''"));
        assertEquals("'a'\\''b'", Encode.shell("a'b"));
        assertEquals("'a'$'\\n'\\''b'", Encode.shell("a\n'b"));
        assertEquals("\\''a'", Encode.shell("'a"));
    }

    @Test
    void exports_writeOneLinePerVariable_inOrder() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("B", "x y");
        variables.put("A", "z");
        assertEquals("export B='x y'\nexport A=z\n", Encode.exports(variables));
        assertEquals("", Encode.exports(Map.of()));
    }

    // ---------------------------------------------------------------- java.util.Properties

    @Test
    void propertyKey_escapesBlanksSeparatorsAndCommentMarksAnywhere() {
        assertEquals("a\\ b\\=c\\:d\\#e\\!f\\ ", Encode.propertyKey("a b=c:d#e!f "));
        assertEquals("\\ \\=\\:\\#\\!", Encode.propertyKey(" =:#!"));
    }

    @Test
    void propertyValue_escapesOnlyALeadingBlankOrSeparator() {
        assertEquals("\\ a b", Encode.propertyValue(" a b"));
        assertEquals("\\=a=b", Encode.propertyValue("=a=b"));
        assertEquals("\\:a:b", Encode.propertyValue(":a:b"));
        assertEquals("#a!b", Encode.propertyValue("#a!b"));
        assertEquals("a ", Encode.propertyValue("a "));
        assertEquals("a b\\\\ c\\n", Encode.propertyValue("a b\\ c\n"));
        assertEquals("ab\\ c\\=", Encode.propertyKey("ab c="));
    }

    @Test
    void properties_escapeLineBreaksTabsFormFeedsAndBackslashes() {
        assertEquals("\\\\\\n\\r\\t\\f", Encode.propertyValue("\\\n\r\t\f"));
        assertEquals("\\\\\\n\\r\\t\\f", Encode.propertyKey("\\\n\r\t\f"));
    }

    @Test
    void properties_escapeControlCharactersAndLoneSurrogates_asUnicodeEscapes() {
        assertEquals("\\u0001\\u001F \\u007F\\u0080\\u009F\u00a0", Encode.propertyValue("\u0001\u001f \u007f\u0080\u009f\u00a0"));
        assertEquals("\\u2028\\u2029\u2027\\uFEFF", Encode.propertyValue("\u2028\u2029\u2027\ufeff"));
        assertEquals("\ud83d\ude00", Encode.propertyValue("\ud83d\ude00"));
        assertEquals("\\uD83Dx", Encode.propertyValue("\ud83dx"));
        assertEquals("x\\uD83D", Encode.propertyValue("x\ud83d"));
        assertEquals("\\uDE00", Encode.propertyValue("\ude00"));
        assertEquals("x\\uDE00", Encode.propertyValue("x\ude00"));
        assertEquals("\\uDE00\\uD83D", Encode.propertyValue("\ude00\ud83d"));
    }

    @Test
    void propertiesFile_writesKeyBlankValue_perLine_inOrder() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spark.b", " v");
        properties.put("spark.a", "w");
        assertEquals("spark.b \\ v\nspark.a w\n", Encode.propertiesFile(properties));
        assertEquals("", Encode.propertiesFile(Map.of()));
    }

    // ---------------------------------------------------------------- Kubernetes $(VAR)

    @Test
    void literal_withoutADollar_isTheSameString() {
        String s = "no dollar here";
        assertEquals(s, Encode.literal(s));
        assertEquals("", Encode.literal(""));
        assertEquals("$$", Encode.literal("$"));
    }
}
