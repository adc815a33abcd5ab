package dev.sparkgen.testing;

import dev.sparkgen.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs spark-gen's command line in-process, as a user would type it, capturing what it prints. */
public final class SparkGenCli {

    /** The repository's root: Maven runs the tests there. */
    public static final Path ROOT = Path.of("").toAbsolutePath();

    private SparkGenCli() {
    }

    /** What one command did: its exit code, standard output and standard error. */
    public record Result(int exitCode, String out, String err) {

        /** The lines of standard error, for problem assertions. */
        public java.util.List<String> errLines() {
            return err.isEmpty() ? java.util.List.of() : java.util.List.of(err.split("\n"));
        }
    }

    /** Runs {@code spark-gen ARGS} with the repository root as the working directory. */
    public static Result run(String... args) {
        return runIn(ROOT, args);
    }

    /** Runs {@code spark-gen ARGS} in a working directory. */
    public static Result runIn(Path cwd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), cwd);
        return new Result(code, out.toString(), err.toString());
    }
}
