import dev.sparkgen.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the start-up archives (packaging/train): runs several spark-gen command lines in one JVM,
 * so that one archive holds the classes of every command. Not part of spark-gen's jar: packaging/train compiles
 * it into a jar of its own, put on the class path after spark-gen's, so the archive matches a plain
 * {@code java -jar spark-gen.jar}.
 * Arguments: a directory of job files, then command lines, one per argument, split at spaces; a command line
 * with {@code {job}} runs once per job file, with {@code {name}} the file's name without {@code .yaml}.
 * Output is discarded. Exits 1 if a command line hit an internal error (exit code 3), else 0.
 */
public final class Training {

    private static final int INTERNAL = 3;

    private Training() {
    }

    public static void main(String[] args) throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> jobs;
        try (Stream<Path> files = Files.list(cwd.resolve(args[0]))) {
            jobs = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        List<String[]> lines = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].contains("{job}")) {
                lines.add(args[i].trim().split(" +"));
                continue;
            }
            for (Path job : jobs) {
                String file = cwd.relativize(job).toString();
                String name = job.getFileName().toString().replaceFirst("\\.yaml$", "");
                lines.add(args[i].replace("{job}", file).replace("{name}", name).trim().split(" +"));
            }
        }
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        int failed = 0;
        for (String[] line : lines) {
            if (Main.run(line, sink, sink, cwd) == INTERNAL) {
                System.err.println("training: internal error in: spark-gen " + String.join(" ", line));
                failed++;
            }
        }
        System.err.println("training: ran " + lines.size() + " command lines, " + failed + " internal error(s)");
        if (failed > 0) {
            System.exit(1);  // a build tool's failure status; the archive is still made, from what did run
        }
    }
}
