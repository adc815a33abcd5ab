package dev.sparkgen.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.sparkgen.problem.Problem;
import dev.sparkgen.problem.Quote;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code validate} reports, chosen by {@code --format}: each file's problems as it is checked, then the end.
 * <ul>
 *   <li>{@code text}: problems on standard error, one line each ({@code FILE:LINE:COLUMN: message — hint}),
 *       and {@code FILE: valid} on standard output for each file without errors.</li>
 *   <li>{@code json}: one JSON document on standard output, for tools (the shape is in the README).</li>
 *   <li>{@code github}: GitHub Actions workflow commands ({@code ::error file=...,line=...::message}) on standard
 *       output, which the Actions log turns into annotations on the pull request's lines.</li>
 * </ul>
 */
interface Format {

    void file(String file, List<Problem> problems);

    void end();

    enum Kind { text, json, github }

    /** The format of a kind; {@code quiet} leaves out the text format's {@code FILE: valid} lines. */
    static Format of(Kind kind, boolean quiet, PrintWriter out, PrintWriter err) {
        return switch (kind) {
            case text -> new Text(quiet, out, err);
            case json -> new Json(out);
            case github -> new GitHub(out);
        };
    }

    final class Text implements Format {
        private final boolean quiet;
        private final PrintWriter out;
        private final PrintWriter err;

        Text(boolean quiet, PrintWriter out, PrintWriter err) {
            this.quiet = quiet;
            this.out = out;
            this.err = err;
        }

        @Override
        public void file(String file, List<Problem> problems) {
            problems.forEach(problem -> err.println(problem.format()));
            if (!quiet && problems.stream().noneMatch(Problem::isError)) {
                out.println(Quote.controls(file) + ": valid");
            }
        }

        @Override
        public void end() {
            out.flush();
            err.flush();
        }
    }

    /**
     * {@code {"format": "spark-gen/validate/v1", "valid": bool, "errors": n, "warnings": n, "files": [{"file",
     * "valid", "problems": [{"severity", "file", "line", "column", "message", "hint"}]}]}}.
     */
    final class Json implements Format {
        /** The layout of jq and of most tools' output: {@code "key": value}, one array item per line, LF only. */
        private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));

        private final PrintWriter out;
        private final List<Object[]> files = new ArrayList<>();

        Json(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void file(String file, List<Problem> problems) {
            files.add(new Object[] {file, problems});
        }

        @Override
        @SuppressWarnings("unchecked")
        public void end() {
            long errors = 0;
            long warnings = 0;
            for (Object[] f : files) {
                for (Problem p : (List<Problem>) f[1]) {
                    if (p.isError()) {
                        errors++;
                    } else {
                        warnings++;
                    }
                }
            }
            try (JsonGenerator json = new JsonFactory().createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                json.setPrettyPrinter(PRINTER);
                json.writeStartObject();
                json.writeStringField("format", "spark-gen/validate/v1");
                json.writeBooleanField("valid", errors == 0);
                json.writeNumberField("errors", errors);
                json.writeNumberField("warnings", warnings);
                json.writeArrayFieldStart("files");
                for (Object[] f : files) {
                    List<Problem> problems = (List<Problem>) f[1];
                    json.writeStartObject();
                    json.writeStringField("file", (String) f[0]);
                    json.writeBooleanField("valid", problems.stream().noneMatch(Problem::isError));
                    json.writeArrayFieldStart("problems");
                    for (Problem p : problems) {
                        json.writeStartObject();
                        json.writeStringField("severity", p.isError() ? "error" : "warning");
                        json.writeStringField("file", p.origin().file());
                        json.writeNumberField("line", p.origin().line());
                        json.writeNumberField("column", p.origin().column());
                        json.writeStringField("message", p.message());
                        json.writeStringField("hint", p.hint());
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println();
            out.flush();
        }
    }

    /** GitHub's workflow commands; their data and properties escaped as the Actions toolkit does. */
    final class GitHub implements Format {
        private final PrintWriter out;

        GitHub(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void file(String file, List<Problem> problems) {
            for (Problem p : problems) {
                out.println("::" + (p.isError() ? "error" : "warning") + " file=" + property(p.origin().file())
                        + ",line=" + p.origin().line() + ",col=" + p.origin().column() + ",title=spark-gen::"
                        + data(p.text()));
            }
        }

        @Override
        public void end() {
            out.flush();
        }

        static String data(String s) {
            return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
        }

        static String property(String s) {
            return data(s).replace(":", "%3A").replace(",", "%2C");
        }
    }
}
