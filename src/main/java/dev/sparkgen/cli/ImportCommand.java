package dev.sparkgen.cli;

import dev.sparkgen.importer.Importer;
import dev.sparkgen.problem.Quote;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spark-gen import SPARKAPP.yaml [-o JOB.yaml]}: converts a Spark Operator SparkApplication into a job
 * file, reporting on standard error each field it could not carry over. Writes nothing when the job would not be
 * valid, and never replaces an existing file without {@code --force}.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Converts a SparkApplication (sparkoperator.k8s.io/v1beta2) into a job file; the file's "
                + "other documents (a ConfigMap...) are reported as not imported.",
                "Each field that is not carried over as it was is a warning on standard error, at its "
                        + "FILE:LINE:COLUMN; the job is validated before it is written."})
final class ImportCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(paramLabel = "SPARKAPP", description = "The SparkApplication's YAML file.")
    String application;

    @Option(names = {"-o", "--output"}, paramLabel = "JOB",
            description = "The job file to write (default, or -: standard output).")
    String output;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The SparkApplication to import (its metadata.name) when the file holds several.")
    String name;

    @Option(names = "--force", description = "Replace the job file when it exists.")
    boolean force;

    ImportCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
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
