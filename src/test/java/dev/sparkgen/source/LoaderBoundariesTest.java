package dev.sparkgen.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.testing.Jobs;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader's limits and rules exactly at their edges — one value, one byte, one level either side — so that
 * each limit is known to be the one documented, not one off (the tests mutation testing asked for).
 */
class LoaderBoundariesTest {

    @TempDir
    Path dir;

    private record Loaded(Node node, List<String> lines) {

        MapNode map() {
            return (MapNode) node;
        }
    }

    private static Loaded load(String text) {
        Problems problems = new Problems();
        Node node = YamlLoader.load("t.yaml", text, 0, 0, problems);
        return new Loaded(node, Jobs.lines(problems.all()));
    }

    private static Loaded loadBytes(byte[] bytes) {
        Problems problems = new Problems();
        Node node = YamlLoader.loadMapping("t.yaml", bytes, problems);
        return new Loaded(node, Jobs.lines(problems.all()));
    }

    private static Object value(String yamlValue) {
        Loaded loaded = load("v: " + yamlValue);
        assertEquals(List.of(), loaded.lines());
        return ((Scalar) loaded.map().get("v")).value();
    }

    private static void assertRefused(String text, String line) {
        Loaded loaded = load(text);
        assertNull(loaded.node());
        assertEquals(List.of(line), loaded.lines());
    }

    // ---------------------------------------------------------------- the 64-bit integer boundary

    @Test
    void integer_thatFitsALong_isALong_andOneMoreIsABigInteger() {
        assertEquals(Long.MAX_VALUE, value("9223372036854775807"));
        assertEquals(new BigInteger("9223372036854775808"), value("9223372036854775808"));
        assertEquals(Long.MIN_VALUE, value("-9223372036854775808"));
        assertEquals(new BigInteger("-9223372036854775809"), value("-9223372036854775809"));
    }

    @Test
    void hexAndOctal_atTheLongBoundary_areALongThenABigInteger() {
        assertEquals(Long.MAX_VALUE, value("0x7FFFFFFFFFFFFFFF"));
        assertEquals(BigInteger.ONE.shiftLeft(63), value("0x8000000000000000"));
        assertEquals(Long.MAX_VALUE, value("0o777777777777777777777"));
        assertEquals(BigInteger.ONE.shiftLeft(63), value("0o1000000000000000000000"));
    }

    @Test
    void plainScalars_thatLookLikeOthersButAreNot_areStrings() {
        assertEquals("-a", value("-a"));
        assertEquals("+", value("+"));
        assertEquals(".", value("."));
        assertEquals("0x", value("0x"));
        assertEquals("0o", value("0o"));
        assertEquals("truee", value("truee"));
        assertEquals("nulls", value("nulls"));
        assertEquals("f", value("f"));
        assertEquals("T", value("T"));
        assertEquals("~x", value("~x"));
        assertEquals("-.nan", value("-.nan"));
        assertEquals(Double.NEGATIVE_INFINITY, value("-.inf"));
        assertEquals(Double.POSITIVE_INFINITY, value("+.inf"));
        assertEquals(-0.5, value("-.5"));
        assertEquals(5L, value("+5"));
        assertEquals("word", value("word"));
    }

    // ---------------------------------------------------------------- tags

    @Test
    void mapAndSeqTags_onTheirOwnKind_areHonoured() {
        Loaded loaded = load("a: !!map {x: 1}\nb: !!seq [1]\nc: ! [2]\nd: ! {y: 2}\n");

        assertEquals(List.of(), loaded.lines());
        assertInstanceOf(MapNode.class, loaded.map().get("a"));
        assertInstanceOf(ListNode.class, loaded.map().get("b"));
        assertInstanceOf(ListNode.class, loaded.map().get("c"));
        assertInstanceOf(MapNode.class, loaded.map().get("d"));
    }

    @Test
    void seqTagOnAMapping_isRefused() {
        assertRefused("a: !!seq {x: 1}\n", "t.yaml:1:4: the tag !!seq is not supported — spark-gen reads plain "
                + "data: strings, numbers, booleans, null, lists and mappings");
    }

    @Test
    void mapTagOnAList_isRefused() {
        assertRefused("a: !!map [1]\n", "t.yaml:1:4: the tag !!map is not supported — spark-gen reads plain "
                + "data: strings, numbers, booleans, null, lists and mappings");
    }

    @Test
    void customTagOnAList_isRefused() {
        assertRefused("a: !custom [1]\n", "t.yaml:1:4: the tag !custom is not supported — spark-gen reads plain "
                + "data: strings, numbers, booleans, null, lists and mappings");
    }

    @Test
    void scalarTags_convertTheirText_orRefuseIt() {
        assertEquals(31L, value("!!int 0x1F"));
        assertEquals(1.0, value("!!float 1"));
        assertEquals(Boolean.TRUE, value("!!bool true"));
        assertNull(value("!!null ~"));
        assertEquals("1", value("!!str 1"));
        assertEquals("x", value("! x"));
        assertEquals("10", value("! 10"));
        assertRefused("v: !!int abc\n", "t.yaml:1:4: 'abc' is not a valid int");
        assertRefused("v: !!null x\n", "t.yaml:1:4: 'x' is not a valid null");
        assertRefused("v: !!bool yes\n", "t.yaml:1:4: 'yes' is not a valid bool");
        assertRefused("v: !!float x\n", "t.yaml:1:4: 'x' is not a valid float");
        assertRefused("v: !!float ''\n", "t.yaml:1:4: '' is not a valid float");
    }

    @Test
    void taggedKeys_areStringsOnly() {
        Loaded loaded = load("!!str a: 1\n! b: 2\n");
        assertEquals(List.of(), loaded.lines());
        assertEquals(List.of("a", "b"), List.copyOf(loaded.map().entries().keySet()));
        assertRefused("!!int 1: x\n", "t.yaml:1:1: a key must be a plain string, not tagged tag:yaml.org,2002:int");
    }

    @Test
    void keysThatAreNotStrings_areRefused() {
        assertRefused("[a]: 1\n", "t.yaml:1:1: a key must be a string, not a list");
        assertRefused("? {a: 1}\n: 1\n", "t.yaml:1:3: a key must be a string, not a mapping");
        assertRefused("a: &x 1\n*x : 2\n", "t.yaml:2:1: an alias cannot be a key");
        assertRefused("<<: {a: 1}\n", "t.yaml:1:1: YAML merge keys ('<<') are not supported — write the keys out, "
                + "or put an alias on a whole value ('key: *anchor')");
        assertEquals(List.of("<<"), List.copyOf(load("\"<<\": 1\n").map().entries().keySet()));
    }

    // ---------------------------------------------------------------- NUL and lone surrogates written as escapes

    @Test
    void nulWrittenAsAnEscape_isRefused_inAValueAndInAKey() {
        String line = "the value holds a NUL character (\\0) — no process argument, environment variable or file "
                + "that Spark reads can carry it";
        assertRefused("a: \"x\\0y\"\n", "t.yaml:1:4: " + line);
        assertRefused("\"k\\0\": 1\n", "t.yaml:1:1: " + line);
        assertRefused("a: [\"\\x00\"]\n", "t.yaml:1:5: " + line);
    }

    @Test
    void loneSurrogatesWrittenAsEscapes_areRefused_wherever() {
        String hint = " — it is not a character: write the character itself, or \\U and its code point";
        assertRefused("a: \"\\uD800\"\n", "t.yaml:1:4: the value holds \\uD800, half of a surrogate pair" + hint);
        assertRefused("a: \"x\\uDC00\"\n", "t.yaml:1:4: the value holds \\uDC00, half of a surrogate pair" + hint);
        assertRefused("a: \"\\uD83Dx\"\n", "t.yaml:1:4: the value holds \\uD83D, half of a surrogate pair" + hint);
        assertRefused("a: \"\\uDE00\\uD83D\"\n", "t.yaml:1:4: the value holds \\uDE00, half of a surrogate pair" + hint);
        assertRefused("\"\\uD800\": 1\n", "t.yaml:1:1: the value holds \\uD800, half of a surrogate pair" + hint);
    }

    @Test
    void surrogatePairsWrittenAsEscapes_areTheirCharacter() {
        assertEquals("😀", value("\"\\uD83D\\uDE00\""));
        assertEquals("a😀b😀", value("\"a\\uD83D\\uDE00b\\U0001F600\""));
    }

    // ---------------------------------------------------------------- alias arithmetic

    /**
     * The root, {@code a} (1 + 999 items), {@code b} (1 + 98 uses of a), and {@code c} (1 + {@code items}): 99,003 +
     * {@code items} values in all.
     */
    private static String values(int items) {
        return "a: &a [" + "x, ".repeat(998) + "x]\nb: [" + "*a, ".repeat(97) + "*a]\nc: [" + "y, ".repeat(items - 1)
                + "y]\n";
    }

    @Test
    void aliasedValues_exactlyAtTheLimit_areAccepted_andOneMoreIsRefused() {
        assertEquals(List.of(), load(values(997)).lines());

        Loaded over = load(values(998));
        assertNull(over.node());
        assertEquals(List.of("t.yaml:3:1: aliases expand the document to more than 100000 values — use each anchor a "
                + "few times at most"), over.lines());
    }

    /** Keys a, cc and b, a string of {@code length} bytes, and three aliases of it: 4 + 4 x length bytes. */
    private static String bytes(String key, int length) {
        return "a: &a \"" + "x".repeat(length) + "\"\n" + key + ": \"\"\nb: [*a, *a, *a]\n";
    }

    @Test
    void aliasedBytes_exactlyAtTheLimit_areAccepted_andOneMoreIsRefusedAtTheAlias() {
        assertEquals(List.of(), load(bytes("cc", 262_143)).lines());

        Loaded over = load(bytes("ccc", 262_143));
        assertNull(over.node());
        assertEquals(List.of("t.yaml:3:13: aliases expand the document to more than 1048576 bytes — the alias *a adds "
                + "262143 bytes: use each anchor a few times at most"), over.lines());
    }

    /**
     * A file's bytes go through the loader's ASCII shortcut (no backslash, as many characters as bytes) or not: the
     * limit counts UTF-8 bytes either way, a 2-byte 'é' as two.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ascii", "two-byte", "two-byte after a byte-order mark", "ascii after a byte-order mark",
            "ascii with an escape"})
    void aliasedBytesInAFile_exactlyAtTheLimit_areAccepted_andOneMoreIsRefusedAtTheAlias(String kind) {
        // 262,143 bytes once read: an x and 131,071 é, or 262,143 x (one of them written as the escape \x78)
        String value = kind.startsWith("two-byte") ? "x" + "\u00e9".repeat(131_071)
                : kind.endsWith("escape") ? "\\x78" + "x".repeat(262_142) : "x".repeat(262_143);
        byte[] bom = kind.endsWith("mark") ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF} : new byte[0];

        String at = "a: &a \"" + value + "\"\ncc: \"\"\nb: [*a, *a, *a]\n";
        assertEquals(List.of(), loadBytes(withPrefix(bom, at)).lines());
        Loaded over = loadBytes(withPrefix(bom, at.replace("cc:", "ccc:")));
        assertNull(over.node());
        assertEquals(List.of("t.yaml:3:13: aliases expand the document to more than 1048576 bytes — the alias *a adds "
                + "262143 bytes: use each anchor a few times at most"), over.lines());
    }

    private static byte[] withPrefix(byte[] prefix, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(prefix, prefix.length + utf8.length);
        System.arraycopy(utf8, 0, all, prefix.length, utf8.length);
        return all;
    }

    @Test
    void aliasedBytes_countCollectionsInFull_keysIncluded() {
        // a mapping of one key of 4 bytes and a value of 262,140: each use adds 262,144 bytes
        String yaml = "a: &a {kkkk: \"" + "x".repeat(262_140) + "\"}\nb: [*a, *a, *a]\n";

        Loaded over = load(yaml);
        assertEquals(List.of("t.yaml:2:13: aliases expand the document to more than 1048576 bytes — the alias *a adds "
                + "262144 bytes: use each anchor a few times at most"), over.lines());
    }

    @Test
    void stringAliasBomb_isRefusedAtItsFirstAlias_beforeAnythingIsExpanded() {
        String yaml = "a: [&big \"" + "x".repeat(900_000) + "\"" + ", *big".repeat(2_000) + "]\n";

        // the position proves the refusal comes at the first alias; the timeout only guards against a hang
        Loaded loaded = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> load(yaml));

        assertNull(loaded.node());
        assertTrue(loaded.lines().get(0).startsWith("t.yaml:1:900014: aliases expand the document to more than "
                + "1048576 bytes"), loaded.lines()::toString);
    }

    @Test
    void utf8Length_countsTheBytesOfEachCharacter() {
        assertEquals(0, YamlLoader.utf8Length(""));
        assertEquals(1, YamlLoader.utf8Length("a"));
        assertEquals(1, YamlLoader.utf8Length("\u007f"));
        assertEquals(2, YamlLoader.utf8Length("\u0080"));
        assertEquals(2, YamlLoader.utf8Length("é"));
        assertEquals(2, YamlLoader.utf8Length("\u07ff"));
        assertEquals(3, YamlLoader.utf8Length("\u0800"));
        assertEquals(3, YamlLoader.utf8Length("€"));
        assertEquals(4, YamlLoader.utf8Length("😀"));
        assertEquals(3, YamlLoader.utf8Length("\uD800"));
        assertEquals(4, YamlLoader.utf8Length("\uD800x"));
        assertEquals(6, YamlLoader.utf8Length("\uDE00\uD83D"));
        for (String s : List.of("aé€😀", "日本語", "x\uD83D\uDE00y")) {
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, YamlLoader.utf8Length(s), s);
        }
    }

    // ---------------------------------------------------------------- depth, aliases included

    private static String nested(int levels, String inner) {
        return "[".repeat(levels) + inner + "]".repeat(levels);
    }

    @Test
    void anAliasedValue_countsItsLevelsWhereItIsUsed() {
        // the root (1) + b's list (1) + 61 levels + the aliased list (1): 64
        assertEquals(List.of(), load("a: &a [x]\nb: " + nested(62, "*a") + "\n").lines());
        // one more level
        assertEquals(List.of("t.yaml:2:67: the document nests deeper than 64 levels"),
                load("a: &a [x]\nb: " + nested(63, "*a") + "\n").lines());
        // an aliased scalar adds no level
        assertEquals(List.of(), load("a: &a x\nb: " + nested(63, "*a") + "\n").lines());
    }

    @Test
    void anAliasedMapping_countsAllItsLevels() {
        String anchor = "a: &a {x: {y: [z]}}\n"; // 3 levels
        assertEquals(List.of(), load(anchor + "b: " + nested(60, "*a") + "\n").lines());
        assertEquals(List.of("t.yaml:2:65: the document nests deeper than 64 levels"),
                load(anchor + "b: " + nested(61, "*a") + "\n").lines());
    }

    @Test
    void load_atADepth_countsTheLevelsAboveIt() {
        Problems problems = new Problems();
        assertNotNull(YamlLoader.load("--set", "[x]", 0, 0, 63, problems));
        assertTrue(problems.isEmpty());
        assertNull(YamlLoader.load("--set", "[[x]]", 0, 0, 63, problems));
        assertEquals(List.of("--set:1:2: the document nests deeper than 64 levels"), Jobs.lines(problems.all()));
    }

    // ---------------------------------------------------------------- bytes: the BOM and the 1 MiB limit

    /** A mapping padded with a comment to exactly {@code size} bytes. */
    private static byte[] fileOf(int size) {
        String head = "a: 1\n#";
        return (head + "x".repeat(size - head.length())).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void file_ofExactlyTheLimit_isRead_andOneByteMoreIsRefused() {
        assertEquals(List.of(), loadBytes(fileOf(YamlLoader.MAX_BYTES)).lines());
        assertEquals(List.of("t.yaml:1:1: the file is 1048577 bytes, more than spark-gen reads (1048576) — a job or "
                + "profile file is a few kilobytes of YAML"), loadBytes(fileOf(YamlLoader.MAX_BYTES + 1)).lines());
    }

    @Test
    void byteOrderMark_isDropped_butOnlyAWholeOne() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ':', ' ', '1'};
        Loaded loaded = loadBytes(bom);
        assertEquals(List.of(), loaded.lines());
        assertEquals(new Origin("t.yaml", 1, 1), loaded.map().get("a").origin());

        assertEquals(List.of("t.yaml:1:1: the file is not UTF-8 text (byte 0xEF) — save it as UTF-8"),
                loadBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, 'a', ':', ' ', '1'}).lines());
        assertEquals(List.of("t.yaml:1:1: the file is not UTF-8 text (byte 0xEF) — save it as UTF-8"),
                loadBytes(new byte[] {(byte) 0xEF, 'a', ':', ' ', '1'}).lines());
        assertEquals(List.of("t.yaml:1:1: the file is not UTF-8 text (byte 0xBB) — save it as UTF-8"),
                loadBytes(new byte[] {(byte) 0xBB, (byte) 0xBF, 'a', ':', ' ', '1'}).lines());
    }

    @Test
    void badBytes_areReportedAtTheirLineAndColumn() {
        assertEquals(List.of("t.yaml:2:4: the file is not UTF-8 text (byte 0xFF) — save it as UTF-8"),
                loadBytes("a: 1\nb: \u00ff".getBytes(StandardCharsets.ISO_8859_1)).lines());
        assertEquals(List.of("t.yaml:3:2: the file holds NUL bytes: it is binary, not YAML"),
                loadBytes("a: 1\nb: 2\nc\0".getBytes(StandardCharsets.ISO_8859_1)).lines());
    }

    /**
     * A valid file is decoded in one go, and a bad byte or a NUL sends it to the strict decoding: so a file that
     * writes U+FFFD itself is still read, a NUL after a bad byte is still the problem reported, and a bad byte
     * late in a file is found wherever it is.
     */
    @Test
    void decoding_readsWhatIsValid_andFindsTheFirstProblemOfWhatIsNot() {
        Loaded replacement = loadBytes("a: \ufffd\nb: é\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), replacement.lines());
        assertEquals("\ufffd", ((Scalar) replacement.map().get("a")).value());
        assertEquals("é", ((Scalar) replacement.map().get("b")).value());

        byte[] both = "a: \u00ff\nb: \0".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(List.of("t.yaml:2:4: the file holds NUL bytes: it is binary, not YAML"), loadBytes(both).lines());

        byte[] late = ("a: \u00c3\u00a9\n" + "b: x\n".repeat(1000) + "c: \u00e9\n") // é in UTF-8, then in Latin-1
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(List.of("t.yaml:1002:4: the file is not UTF-8 text (byte 0xE9) — save it as UTF-8"),
                loadBytes(late).lines());
    }

    // ---------------------------------------------------------------- files: what is read, and how much

    @Test
    void sourceFile_ofExactlyTheLimit_isRead_andOneByteMoreIsRefusedUnread() throws IOException {
        Path exact = Files.write(dir.resolve("exact.yaml"), fileOf(YamlLoader.MAX_BYTES));
        Path over = Files.write(dir.resolve("over.yaml"), fileOf(YamlLoader.MAX_BYTES + 1));
        Problems problems = new Problems();

        assertEquals(YamlLoader.MAX_BYTES, SourceFile.read(exact, "exact.yaml", problems).length);
        assertNull(SourceFile.read(over, "over.yaml", problems));
        assertEquals(List.of("over.yaml:1:1: the file is 1048577 bytes, more than spark-gen reads (1048576) — a job "
                + "or profile file is a few kilobytes of YAML"), Jobs.lines(problems.all()));
    }

    @Test
    void sourceFile_throughASymbolicLink_isReadAsItsTarget() throws IOException {
        Files.writeString(dir.resolve("real.yaml"), "a: 1\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), dir.resolve("real.yaml"));
        Problems problems = new Problems();

        MapNode map = YamlLoader.loadMapping(link, "link.yaml", problems);

        assertTrue(problems.isEmpty());
        assertEquals(1L, ((Scalar) map.get("a")).value());
    }

    @Test
    void sourceFile_thatIsADirectoryOrMissing_isOneProblem() throws IOException {
        Problems problems = new Problems();
        assertNull(SourceFile.read(dir, "dir", problems));
        assertNull(SourceFile.read(dir.resolve("missing.yaml"), "missing.yaml", problems));
        Files.createSymbolicLink(dir.resolve("loop.yaml"), dir.resolve("loop.yaml"));
        assertNull(SourceFile.read(dir.resolve("loop.yaml"), "loop.yaml", problems));

        List<String> lines = Jobs.lines(problems.all());
        assertEquals(3, lines.size());
        assertTrue(lines.contains("dir:1:1: is a directory, not a file"), lines::toString);
        assertTrue(lines.contains("missing.yaml:1:1: no such file"), lines::toString);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("loop.yaml:1:1: cannot read the file: ")),
                lines::toString);
    }

    @Test
    void sourceFile_aSocketOrDevice_isNamedInTheMessage() {
        Problems problems = new Problems();
        assertNull(SourceFile.read(Path.of("/dev/zero"), "/dev/zero", problems));
        assertEquals(List.of("/dev/zero:1:1: is a character device, not a regular file — spark-gen reads YAML from "
                + "files: save it to a file and give that path"), Jobs.lines(problems.all()));
    }
}
