package dev.sparkgen.cli;

import dev.sparkgen.problem.Quote;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spark-gen init NAME}: writes a commented starter job that validates, for editors with its schema. */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a commented starter job file NAME.yaml that validates, with a yaml-language-server "
                + "line so that editors complete and check it against the schema.")
final class InitCommand implements Callable<Integer> {

    private static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    private final Cli cli;

    @Parameters(index = "0", paramLabel = "NAME", description = "The job's name: lowercase letters, digits and '-'.")
    String name;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write it (default: NAME.yaml; -: standard output).")
    String output;

    @Option(names = "--schema", paramLabel = "PATH|URL", defaultValue = "job.schema.json",
            description = "The schema editors read (default: ${DEFAULT-VALUE}, beside the job: save it with "
                    + "'spark-gen schema --output-dir .', with the files it refers to).")
    String schema;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    InitCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (!NAME.matcher(name).matches() || name.length() > 63) {
            throw CliException.usage("'" + name + "' is not a job name: lowercase letters, digits and '-', "
                    + "starting with a letter");
        }
        if (Cli.STANDARD_STREAM.equals(output)) {
            cli.out.print(cli.sparkGen().starter(name, schema));
            cli.out.flush();
            return Cli.OK;
        }
        String given = output != null ? output : name + ".yaml";
        Path file = cli.path(given);
        Cli.checkTarget(file, given, force);
        cli.writeFile(file, given, cli.sparkGen().starter(name, schema), force);
        cli.err.println(Quote.controls("spark-gen: wrote " + given + "; render it with: spark-gen render " + given
                + " -o out/" + name));
        return Cli.OK;
    }
}
