package dev.sparkgen.problem;

import java.util.Comparator;

/**
 * Where a value was written: a file (or {@code --set}), and the 1-based line and column of its key or list item.
 * Every value spark-gen reads keeps its origin through the merge, so that every problem can point at it.
 */
public record Origin(String file, int line, int column) implements Comparable<Origin> {

    private static final Comparator<Origin> ORDER =
            Comparator.comparing(Origin::file).thenComparingInt(Origin::line).thenComparingInt(Origin::column);

    /** The start of a file, for problems about the file as a whole. */
    public static Origin of(String file) {
        return new Origin(file, 1, 1);
    }

    @Override
    public int compareTo(Origin other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
