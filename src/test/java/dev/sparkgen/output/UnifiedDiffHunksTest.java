package dev.sparkgen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hunks of {@link UnifiedDiff} at their edges, as {@code diff -u} draws them: three lines of context, two
 * changes six lines apart in one hunk and seven apart in two, the shortest edit at the first line, and the
 * size beyond which a file is shown replaced whole.
 */
class UnifiedDiffHunksTest {

    private static String numbered(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= to; i++) {
            text.append(i).append('\n');
        }
        return text.toString();
    }

    @Test
    void twoChangesSixLinesApart_shareOneHunk() {
        String before = numbered(1, 12);
        String after = before.replace("\n3\n", "\nthree\n").replace("\n10\n", "\nten\n");

        assertEquals("--- a/f\n+++ b/f\n@@ -1,12 +1,12 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n 7\n 8\n 9\n-10\n+ten\n"
                + " 11\n 12\n", UnifiedDiff.of("f", before, after));
    }

    @Test
    void twoChangesSevenLinesApart_areTwoHunks() {
        String before = numbered(1, 14);
        String after = before.replace("\n3\n", "\nthree\n").replace("\n11\n", "\neleven\n");

        assertEquals("--- a/f\n+++ b/f\n@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"
                + "@@ -8,7 +8,7 @@\n 8\n 9\n 10\n-11\n+eleven\n 12\n 13\n 14\n", UnifiedDiff.of("f", before, after));
    }

    @Test
    void aChangeFourLinesIn_hasExactlyThreeLinesOfContextBefore() {
        String before = numbered(1, 4);
        String after = numbered(1, 3) + "four\n";

        assertEquals("--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n 1\n 2\n 3\n-4\n+four\n", UnifiedDiff.of("f", before, after));
    }

    @Test
    void aLineAddedFirst_isOneAddition() {
        assertEquals("--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n+a\n b\n c\n", UnifiedDiff.of("f", "b\nc\n", "a\nb\nc\n"));
        assertEquals("--- a/f\n+++ b/f\n@@ -1,3 +1,2 @@\n-a\n b\n c\n", UnifiedDiff.of("f", "a\nb\nc\n", "b\nc\n"));
    }

    @Test
    void filesOfTwoThousandLines_stillGetTheShortestDiff_andLargerOnesAreShownReplacedWhole() {
        String before = numbered(1, 2000);
        String after = before.replace("\n1000\n", "\nthousand\n");
        assertEquals("--- a/f\n+++ b/f\n@@ -997,7 +997,7 @@\n 997\n 998\n 999\n-1000\n+thousand\n 1001\n 1002\n 1003\n",
                UnifiedDiff.of("f", before, after));

        String longer = after + "2001\n";
        List<String> expected = new ArrayList<>(List.of("--- a/f", "+++ b/f", "@@ -1,2000 +1,2001 @@"));
        before.lines().forEach(line -> expected.add("-" + line));
        longer.lines().forEach(line -> expected.add("+" + line));
        assertEquals(String.join("\n", expected) + "\n", UnifiedDiff.of("f", before, longer));
    }
}
