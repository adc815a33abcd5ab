package dev.sparkgen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import dev.sparkgen.testing.Seeded;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void oneChangedLine_isOneHunkWithThreeLinesOfContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\n";
        assertEquals("--- a/x.yaml\n+++ b/x.yaml\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n",
                UnifiedDiff.of("x.yaml", before, after));
    }

    @Test
    void newAndRemovedFiles_diffAgainstDevNull() {
        assertEquals("--- /dev/null\n+++ b/n.yaml\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.of("n.yaml", null, "a\nb\n"));
        assertEquals("--- a/o.yaml\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n", UnifiedDiff.of("o.yaml", "a\n", null));
    }

    @Test
    void equalTexts_haveNoDiff() {
        assertEquals("", UnifiedDiff.of("x", "a\n", "a\n"));
    }

    /** Applying the hunks to the old lines gives the new ones: the diff is exact, whatever the edits. */
    @Test
    void theDiff_turnsTheOldTextIntoTheNew() {
        Seeded.forAll(1, 300, Seeded.ints(0, 5).list(0, 40).map(UnifiedDiffTest::text).list(2, 2), texts -> {
            String before = texts.get(0);
            String after = texts.get(1);
            assertEquals(after, apply(before, UnifiedDiff.of("f", before, after)));
        });
    }

    private static String text(List<Integer> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(n -> out.append("line ").append(n).append('\n'));
        return out.toString();
    }

    /** A strict patcher: context and removed lines must match where the hunk says. */
    private static String apply(String before, String diff) {
        if (diff.isEmpty()) {
            return before;
        }
        List<String> old = new ArrayList<>(before.isEmpty() ? List.of() : List.of(before.split("\n")));
        List<String> result = new ArrayList<>();
        int next = 0;
        String[] lines = diff.split("\n");
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("@@")) {
                String[] range = line.split(" ")[1].substring(1).split(",");
                int start = Integer.parseInt(range[0]);
                int count = range.length > 1 ? Integer.parseInt(range[1]) : 1;
                int from = count == 0 ? start : start - 1;
                while (next < from) {
                    result.add(old.get(next++));
                }
            } else if (line.startsWith("+")) {
                result.add(line.substring(1));
            } else {
                assertEquals(old.get(next), line.substring(1), "the hunk does not match the old text");
                if (line.startsWith(" ")) {
                    result.add(old.get(next));
                }
                next++;
            }
        }
        while (next < old.size()) {
            result.add(old.get(next++));
        }
        return result.isEmpty() ? "" : String.join("\n", result) + "\n";
    }
}
