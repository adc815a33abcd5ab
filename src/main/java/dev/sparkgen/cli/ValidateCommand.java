package dev.sparkgen.cli;

import dev.sparkgen.SparkGen;
import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code spark-gen validate FILE...}: checks jobs (with their profiles) and profiles; writes nothing. */
final class ValidateCommand implements Callable<Integer> {

    private final Cli cli;

    private final PositionalParamSpec filesParameter = PositionalParamSpec.builder().required(true).arity("1..*")
            .paramLabel("FILE").type(List.class).auxiliaryTypes(String.class)
            .description("Job or profile files, or directories of them (their *.yaml and *.yml files).").build();

    private final OptionSpec profileDirsOption = Cli.repeated("DIR", "Also look for profiles here (see render).",
            "--profiles-dir");

    private final OptionSpec setsOption = Cli.repeated("PATH=VALUE", "Override a value, as render does.", "--set");

    private final OptionSpec kubeVersionOption = KubeVersionConverter.option("Check the jobs as render does for "
            + "this Kubernetes version");

    private final OptionSpec formatOption = OptionSpec.builder("--format").type(Format.Kind.class)
            .paramLabel("FORMAT").defaultValue("text")
            .description("text (problems on standard error), json (one document on standard output, for tools) "
                    + "or github (annotations for GitHub Actions). Default: ${DEFAULT-VALUE}.").build();

    private final OptionSpec quietOption = Cli.flag("Print problems only: no 'FILE: valid' lines.", "-q", "--quiet");

    ValidateCommand(Cli cli) {
        this.cli = cli;
    }

    CommandSpec spec() {
        return Cli.command(this, "validate", false, new String[] {"Checks job and profile files as render does "
                + "(schema, profiles, derived names, rules), reports every problem of every file, and writes nothing."},
                filesParameter, profileDirsOption, setsOption, kubeVersionOption, formatOption, quietOption);
    }

    @Override
    public Integer call() {
        List<String> files = Cli.strings(filesParameter);
        List<String> profileDirs = Cli.strings(profileDirsOption);
        List<String> sets = Cli.strings(setsOption);
        Format.Kind format = formatOption.getValue();
        boolean quiet = Cli.on(quietOption);
        Format report = Format.of(format, quiet, cli.out, cli.err);
        // A tool reading --format json or github gets the problem in the format it reads, and the usage error too.
        JobFiles.firstMissing(cli, files).ifPresent(name -> {
            if (format != Format.Kind.text) {
                report.file(name, List.of(Problem.error(Origin.of(name), "no such file or directory")));
                report.end();
            }
            throw JobFiles.missing(name);
        });
        SparkGen.Options options = new SparkGen.Options(JobFiles.profileDirs(cli, profileDirs), sets,
                kubeVersionOption.getValue());
        boolean valid = true;
        for (SparkGen.Input input : JobFiles.collect(cli, files)) {
            List<Problem> problems = cli.sparkGen().validate(input, options);
            report.file(input.display(), problems);
            valid &= problems.stream().noneMatch(Problem::isError);
        }
        report.end();
        return valid ? Cli.OK : Cli.INVALID;
    }
}
