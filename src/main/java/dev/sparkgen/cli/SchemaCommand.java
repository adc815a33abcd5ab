package dev.sparkgen.cli;

import dev.sparkgen.schema.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spark-gen schema [job|profile]}: prints a JSON Schema, for editors and CI; {@code --output-dir DIR} saves
 * every schema file instead, side by side, so that the job schema's references to the Kubernetes definitions
 * resolve (an editor given only the printed job schema cannot check a Kubernetes field).
 */
@Command(name = "schema", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints the JSON Schema of job files (default) or of profile files.",
                "The job schema refers to kubernetes.schema.json for the Kubernetes objects a job may hold; "
                        + "--output-dir saves job.schema.json with the files it refers to, for editors."})
final class SchemaCommand implements Callable<Integer> {

    enum Which { job, profile }

    /** Every schema file, and the ones they refer to: saved together, their relative references resolve. */
    private static final List<String> FILES = List.of(Schemas.Kind.JOB.file(), Schemas.Kind.PROFILE.file(),
            Schemas.KUBERNETES_FILE);

    private final Cli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "KIND", defaultValue = "job",
            description = "job or profile (default: ${DEFAULT-VALUE}).")
    Which which;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Save job.schema.json, profile.schema.json and kubernetes.schema.json in DIR (made if "
                    + "missing) instead of printing one schema.")
    String outputDir;

    @Option(names = "--force", description = "With --output-dir: replace schema files that exist.")
    boolean force;

    SchemaCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (outputDir == null) {
            cli.out.print(Schemas.text(which == Which.job ? Schemas.Kind.JOB : Schemas.Kind.PROFILE));
            cli.out.flush();
            // Whoever saves this output alone gets references that resolve nowhere: say how to save them all.
            cli.err.println("spark-gen: this schema refers to " + (which == Which.job ? Schemas.KUBERNETES_FILE
                    : Schemas.Kind.JOB.file() + " and " + Schemas.KUBERNETES_FILE) + "; save it with the files it "
                    + "refers to: spark-gen schema --output-dir DIR");
            return Cli.OK;
        }
        Path dir = cli.path(outputDir);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw CliException.invalid(outputDir + ": not a directory");
        }
        String prefix = outputDir.endsWith("/") ? outputDir : outputDir + "/";
        for (String file : FILES) {
            Cli.checkTarget(dir.resolve(file), prefix + file, force);
        }
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw CliException.invalid(outputDir + ": cannot make the directory: " + e.getMessage());
        }
        for (String file : FILES) {
            cli.writeFile(dir.resolve(file), prefix + file, Schemas.text(file), force);
        }
        cli.err.println("spark-gen: wrote " + String.join(", ", FILES) + " in " + outputDir
                + "; point editors at " + prefix + Schemas.Kind.JOB.file());
        return Cli.OK;
    }
}
