package dev.sparkgen.cli;

import dev.sparkgen.importer.Importer;
import dev.sparkgen.problem.Quote;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code spark-gen import SPARKAPP.yaml [-o JOB.yaml]}: converts a Spark Operator SparkApplication into a job
 * file, reporting on standard error each field it could not carry over. Writes nothing when the job would not be
 * valid, and never replaces an existing file without {@code --force}.
 */
final class ImportCommand implements Callable<Integer> {

    private static final String[] DESCRIPTION = {"Converts a SparkApplication (sparkoperator.k8s.io/v1beta2) into a "
                + "job file; the file's other documents (a ConfigMap...) are reported as not imported.",
                "Each field that is not carried over as it was is a warning on standard error, at its "
                        + "FILE:LINE:COLUMN; the job is validated before it is written."};

    private final Cli cli;

    private final PositionalParamSpec applicationParameter = PositionalParamSpec.builder().required(true)
            .type(String.class).paramLabel("SPARKAPP").description("The SparkApplication's YAML file.").build();

    private final OptionSpec outputOption = Cli.option("JOB",
            "The job file to write (default, or -: standard output).", "-o", "--output");

    private final OptionSpec nameOption = Cli.option("NAME",
            "The SparkApplication to import (its metadata.name) when the file holds several.", "--name");

    private final OptionSpec forceOption = Cli.flag("Replace the job file when it exists.", "--force");

    ImportCommand(Cli cli) {
        this.cli = cli;
    }

    CommandSpec spec() {
        return Cli.command(this, "import", false, DESCRIPTION, applicationParameter, outputOption, nameOption,
                forceOption);
    }

    @Override
    public Integer call() {
        String application = applicationParameter.getValue();
        String output = outputOption.getValue();
        String name = nameOption.getValue();
        boolean force = Cli.on(forceOption);
        Path input = cli.existing(application);
        Path target = output == null || output.equals(Cli.STANDARD_STREAM) ? null : cli.path(output);
        if (target != null) {
            Cli.checkTarget(target, output, force);
        }
        Importer.Imported imported = cli.sparkGen().importApplication(input, application, name);
        Report.text(imported.problems(), cli.err);
        if (!imported.ok()) {
            return Cli.INVALID;
        }
        if (target == null) {
            cli.out.print(imported.yaml());
            cli.out.flush();
            return Cli.OK;
        }
        cli.writeFile(target, output, imported.yaml(), force);
        cli.err.println("spark-gen: " + imported.app() + " -> " + Quote.controls(output));
        return Cli.OK;
    }
}
