package dev.sparkgen.problem;

/**
 * Where a value was written: a file (or {@code --set}), and the 1-based line and column of its key or list item.
 * Every value spark-gen reads keeps its origin through the merge, so that every problem can point at it.
 */
public record Origin(String file, int line, int column) implements Comparable<Origin> {

    /** The start of a file, for problems about the file as a whole. */
    public static Origin of(String file) {
        return new Origin(file, 1, 1);
    }

    /**
     * By file, line, column. Written out: {@code Comparator.comparing} makes serializable lambdas, which no
     * start-up archive holds, so their classes were spun on every cold run.
     */
    @Override
    public int compareTo(Origin other) {
        int byFile = file.compareTo(other.file);
        return byFile != 0 ? byFile
                : line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
