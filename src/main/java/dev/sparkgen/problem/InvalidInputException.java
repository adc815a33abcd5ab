package dev.sparkgen.problem;

import java.util.List;

/** Thrown at the edge of the library when input problems stop an operation; carries every problem found. */
public final class InvalidInputException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidInputException(Problems problems) {
        super(problems.errorCount() + " error(s)", null, false, false);
        this.problems = problems.all();
    }

    public List<Problem> problems() {
        return problems;
    }
}
