package dev.sparkgen.cli;

import dev.sparkgen.schema.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code spark-gen schema [job|profile]}: prints a JSON Schema, for editors and CI; {@code --output-dir DIR} saves
 * every schema file instead, side by side, so that the job schema's references to the Kubernetes definitions
 * resolve (an editor given only the printed job schema cannot check a Kubernetes field).
 */
final class SchemaCommand implements Callable<Integer> {

    private static final String[] DESCRIPTION = {"Prints the JSON Schema of job files (default) or of profile files.",
                "The job schema refers to kubernetes.schema.json for the Kubernetes objects a job may hold; "
                        + "--output-dir saves job.schema.json with the files it refers to, for editors."};

    enum Which { job, profile }

    /** Every schema file, and the ones they refer to: saved together, their relative references resolve. */
    private static final List<String> FILES = List.of(Schemas.Kind.JOB.file(), Schemas.Kind.PROFILE.file(),
            Schemas.KUBERNETES_FILE);

    private final Cli cli;

    private final PositionalParamSpec whichParameter = PositionalParamSpec.builder().index("0").arity("0..1")
            .type(Which.class).paramLabel("KIND").defaultValue("job")
            .description("job or profile (default: ${DEFAULT-VALUE}).").build();

    private final OptionSpec outputDirOption = Cli.option("DIR", "Save job.schema.json, profile.schema.json and "
            + "kubernetes.schema.json in DIR (made if missing) instead of printing one schema.", "--output-dir");

    private final OptionSpec forceOption = Cli.flag("With --output-dir: replace schema files that exist.", "--force");

    SchemaCommand(Cli cli) {
        this.cli = cli;
    }

    CommandSpec spec() {
        return Cli.command(this, "schema", false, DESCRIPTION, whichParameter, outputDirOption, forceOption);
    }

    @Override
    public Integer call() {
        Which which = whichParameter.getValue();
        String outputDir = outputDirOption.getValue();
        boolean force = Cli.on(forceOption);
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
