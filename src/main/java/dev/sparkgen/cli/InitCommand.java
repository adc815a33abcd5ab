package dev.sparkgen.cli;

import dev.sparkgen.problem.Quote;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code spark-gen init NAME}: writes a commented starter job that validates, for editors with its schema. */
final class InitCommand implements Callable<Integer> {

    private static final String DESCRIPTION = "Writes a commented starter job file NAME.yaml that validates, with a "
            + "yaml-language-server line so that editors complete and check it against the schema.";

    private static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    private final Cli cli;

    private final PositionalParamSpec nameParameter = PositionalParamSpec.builder().required(true).index("0")
            .type(String.class).paramLabel("NAME")
            .description("The job's name: lowercase letters, digits and '-'.").build();

    private final OptionSpec outputOption = Cli.option("FILE",
            "Where to write it (default: NAME.yaml; -: standard output).", "-o", "--output");

    private final OptionSpec schemaOption = OptionSpec.builder("--schema").type(String.class).paramLabel("PATH|URL")
            .defaultValue("job.schema.json")
            .description("The schema editors read (default: ${DEFAULT-VALUE}, beside the job: save it with "
                    + "'spark-gen schema --output-dir .', with the files it refers to).").build();

    private final OptionSpec forceOption = Cli.flag("Overwrite FILE if it exists.", "--force");

    InitCommand(Cli cli) {
        this.cli = cli;
    }

    CommandSpec spec() {
        return Cli.command(this, "init", false, new String[] {DESCRIPTION}, nameParameter, outputOption,
                schemaOption, forceOption);
    }

    @Override
    public Integer call() {
        String name = nameParameter.getValue();
        String output = outputOption.getValue();
        String schema = schemaOption.getValue();
        boolean force = Cli.on(forceOption);
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
