package dev.sparkgen.cli;

import dev.sparkgen.SparkGen;
import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spark-gen validate FILE...}: checks jobs (with their profiles) and profiles; writes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks job and profile files as render does (schema, profiles, derived names, rules), "
                + "reports every problem of every file, and writes nothing.")
final class ValidateCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Job or profile files, or directories of them (their *.yaml and *.yml files).")
    List<String> files;

    @Option(names = "--profiles-dir", paramLabel = "DIR", description = "Also look for profiles here (see render).")
    List<String> profileDirs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value, as render does.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (problems on standard error), json (one document on standard output, for tools) "
                    + "or github (annotations for GitHub Actions). Default: ${DEFAULT-VALUE}.")
    Format.Kind format;

    @Option(names = {"-q", "--quiet"}, description = "Print problems only: no 'FILE: valid' lines.")
    boolean quiet;

    ValidateCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Format report = Format.of(format, quiet, cli.out, cli.err);
        // A tool reading --format json or github gets the problem in the format it reads, and the usage error too.
        JobFiles.firstMissing(cli, files).ifPresent(name -> {
            if (format != Format.Kind.text) {
                report.file(name, List.of(Problem.error(Origin.of(name), "no such file or directory")));
                report.end();
            }
            throw JobFiles.missing(name);
        });
        SparkGen.Options options = new SparkGen.Options(JobFiles.profileDirs(cli, profileDirs), sets);
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
