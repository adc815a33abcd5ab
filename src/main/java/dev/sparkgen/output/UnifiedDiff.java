package dev.sparkgen.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, as {@code diff -u} prints it (three lines of context), from the longest common
 * subsequence of their lines. Files here are small; past a few million line pairs it gives up finding the
 * common lines and shows the whole file replaced, which is still a correct diff.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;
    private static final long MAX_CELLS = 4_000_000;

    private UnifiedDiff() {
    }

    /** The diff from {@code before} (null: no such file) to {@code after} (null: removed), or "" when equal. */
    static String of(String path, String before, String after) {
        if (before != null && before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<char[]> edits = edits(a, b); // each: ' ', '-' or '+'
        StringBuilder out = new StringBuilder();
        if (before != null && after != null && !before.equals(after)
                && before.replace("\r\n", "\n").equals(after.replace("\r\n", "\n"))) {
            // Every line differs by an invisible CR: say so, in a line that patch tools skip as leading text.
            out.append("# ").append(path).append(": only the line endings differ: ").append(endings(before))
                    .append(" in the file, ").append(endings(after)).append(" rendered\n");
        }
        out.append("--- ").append(before == null ? "/dev/null" : "a/" + path).append('\n');
        out.append("+++ ").append(after == null ? "/dev/null" : "b/" + path).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i)[0] == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            while (end < edits.size()) {
                int next = end;
                while (next < edits.size() && edits.get(next)[0] != ' ') {
                    next++;
                }
                int same = next;
                while (same < edits.size() && edits.get(same)[0] == ' ') {
                    same++;
                }
                end = next;
                if (same >= edits.size() || same - next > 2 * CONTEXT) {
                    end = Math.min(edits.size(), next + CONTEXT);
                    break;
                }
                end = same;
            }
            hunk(out, edits, a, b, start, end);
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<char[]> edits, List<String> a, List<String> b, int start, int end) {
        int aLine = 0;
        int bLine = 0;
        for (int k = 0; k < start; k++) {
            aLine += edits.get(k)[0] != '+' ? 1 : 0;
            bLine += edits.get(k)[0] != '-' ? 1 : 0;
        }
        int aCount = 0;
        int bCount = 0;
        StringBuilder body = new StringBuilder();
        for (int k = start; k < end; k++) {
            char op = edits.get(k)[0];
            String line = op == '+' ? b.get(bLine + bCount) : a.get(aLine + aCount);
            body.append(op).append(line).append('\n');
            aCount += op != '+' ? 1 : 0;
            bCount += op != '-' ? 1 : 0;
        }
        out.append("@@ -").append(range(aLine, aCount)).append(" +").append(range(bLine, bCount)).append(" @@\n");
        out.append(body);
    }

    private static String range(int start, int count) {
        return (count == 0 ? start : start + 1) + (count == 1 ? "" : "," + count);
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return lines;
        }
        for (String line : text.split("\n", -1)) {
            lines.add(line);
        }
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        } else {
            // As diff -u: a last line without its newline differs from the same line with one, and says so.
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\n\\ No newline at end of file");
        }
        return lines;
    }

    private static String endings(String text) {
        return text.contains("\r\n") ? "CRLF (\\r\\n)" : "LF (\\n)";
    }

    /** The edit script turning a into b, from a table of longest common suffixes. */
    private static List<char[]> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        List<char[]> edits = new ArrayList<>();
        if ((long) n * m > MAX_CELLS) {
            a.forEach(line -> edits.add(new char[] {'-'}));
            b.forEach(line -> edits.add(new char[] {'+'}));
            return edits;
        }
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                edits.add(new char[] {' '});
                i++;
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                edits.add(new char[] {'-'}); // removals first, as diff -u prints them
                i++;
            } else {
                edits.add(new char[] {'+'});
                j++;
            }
        }
        return edits;
    }
}
