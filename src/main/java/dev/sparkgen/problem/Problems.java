package dev.sparkgen.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The problems found so far, from every stage and every file. Duplicates (the same message at the same place,
 * as when a profile's value is checked alone and again after the merge) are reported once.
 */
public final class Problems {

    private final TreeSet<Problem> problems = new TreeSet<>();

    public void add(Problem problem) {
        problems.add(problem);
    }

    public void addAll(Problems other) {
        problems.addAll(other.problems);
    }

    public void error(Origin origin, String message) {
        add(Problem.error(origin, message));
    }

    public void error(Origin origin, String message, String hint) {
        add(Problem.error(origin, message, hint));
    }

    public void warning(Origin origin, String message, String hint) {
        add(Problem.warning(origin, message, hint));
    }

    public boolean hasErrors() {
        for (Problem problem : problems) {
            if (problem.isError()) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Every problem, sorted by file, line, column and message. */
    public List<Problem> all() {
        return new ArrayList<>(problems);
    }

    /** Whether an error was reported at {@code origin}: a later check leaves a value an earlier one refused. */
    public boolean hasErrorAt(Origin origin) {
        for (Problem problem : problems) {
            if (problem.isError() && problem.origin().equals(origin)) {
                return true;
            }
        }
        return false;
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }
}
