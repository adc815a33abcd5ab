package dev.sparkgen.cli;

import dev.sparkgen.problem.Problem;
import java.io.PrintWriter;
import java.util.List;

/** Prints problems one per line, {@code FILE:LINE:COLUMN: message — hint}, errors and warnings alike. */
final class Report {

    private Report() {
    }

    static void text(List<Problem> problems, PrintWriter err) {
        for (Problem problem : problems) {
            err.println(problem.format());
        }
    }
}
