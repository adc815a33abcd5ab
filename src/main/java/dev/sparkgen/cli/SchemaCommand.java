package dev.sparkgen.cli;

import dev.sparkgen.schema.Schemas;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code spark-gen schema [job|profile]}: prints a JSON Schema, for editors and CI. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Prints the JSON Schema of job files (default) or of profile files.")
final class SchemaCommand implements Callable<Integer> {

    enum Which { job, profile }

    private final Cli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "KIND", defaultValue = "job",
            description = "job or profile (default: ${DEFAULT-VALUE}).")
    Which which;

    SchemaCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.out.print(Schemas.text(which == Which.job ? Schemas.Kind.JOB : Schemas.Kind.PROFILE));
        cli.out.flush();
        return Cli.OK;
    }
}
