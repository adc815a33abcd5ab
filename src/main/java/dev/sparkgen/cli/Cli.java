package dev.sparkgen.cli;

import dev.sparkgen.SparkGen;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What every command shares: where to print, the working directory, and the library. */
final class Cli {

    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    final PrintWriter out;
    final PrintWriter err;
    final Path cwd;
    /** Whether a person watches: standard output and error on a terminal (progress lines are for them only). */
    final boolean terminal;
    private SparkGen sparkGen;

    Cli(PrintWriter out, PrintWriter err, Path cwd, boolean terminal) {
        this.out = out;
        this.err = err;
        this.cwd = cwd;
        this.terminal = terminal;
    }

    SparkGen sparkGen() {
        if (sparkGen == null) {
            sparkGen = new SparkGen(cwd);
        }
        return sparkGen;
    }

    /** A path as the user gave it, resolved against the working directory. */
    Path path(String given) {
        return cwd.resolve(given);
    }
}
