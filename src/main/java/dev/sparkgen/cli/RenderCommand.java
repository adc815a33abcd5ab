package dev.sparkgen.cli;

import dev.sparkgen.SparkGen;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.output.OutputDirectory;
import dev.sparkgen.output.OutputException;
import dev.sparkgen.problem.Quote;
import dev.sparkgen.render.Rendered;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code spark-gen render JOB... -o OUT}: renders each job into OUT (one job flat, several each into OUT/APP/
 * under a kustomization of them), or to standard output with {@code -o -}; with {@code --check}, compares instead.
 */
final class RenderCommand implements Callable<Integer> {

    private static final String[] DESCRIPTION = {"Renders a job into a Kustomize directory: driver-pod.yaml, "
                + "configmap.yaml, driver-svc.yaml, ui-svc.yaml, ui-ingress.yaml (unless the job turns the Ingress "
                + "off), the further objects the job asks for (such as rbac.yaml, podgroup.yaml, networkpolicy.yaml), "
                + "kustomization.yaml listing them, and a README.md for reviewers.",
                "The driver runs as a Pod; with run.kind Job or CronJob, driver-job.yaml or driver-cronjob.yaml "
                        + "holds it instead.",
                "A render replaces the files an earlier render wrote (stale ones included) and never touches "
                        + "files spark-gen did not write; a failed render leaves OUT as it was."};

    private final Cli cli;

    private final PositionalParamSpec jobsParameter = PositionalParamSpec.builder().required(true).arity("1..*")
            .paramLabel("JOB").type(List.class).auxiliaryTypes(String.class)
            .description("Job files (kind: SparkJob), or directories of them (their *.yaml and *.yml files). One "
                    + "job file is written flat into OUT; several jobs each into OUT/<app>/, with "
                    + "OUT/kustomization.yaml listing them.").build();

    private final OptionSpec outputOption = OptionSpec.builder("-o", "--output").required(true).type(String.class)
            .paramLabel("OUT").description("The directory to write, or - for one YAML stream on standard output.")
            .build();

    private final OptionSpec profileDirsOption = Cli.repeated("DIR", "Also look for profiles here, before profiles/ "
            + "beside the job, ./profiles and the built-in ones. May repeat; later directories win.", "--profiles-dir");

    private final OptionSpec setsOption = Cli.repeated("PATH=VALUE", "Override a value after the profiles and the "
                    + "job, e.g. executor.instances=4, "
                    + "'sparkConf.\"spark.eventLog.enabled\"=true' (a key with dots in quotes, kept from the shell "
                    + "in single quotes) or 'driver.tolerations[0].value=gpu' (the first item of a list). VALUE is "
                    + "YAML. May repeat.", "--set");

    private final OptionSpec kubeVersionOption = KubeVersionConverter.option("The cluster's Kubernetes version: "
            + "picks the Ingress and CronJob APIs and the Job and CronJob fields it honours");

    private final OptionSpec checkOption = Cli.flag("Write nothing: print a unified diff and exit 1 when OUT is not "
            + "exactly what would be rendered (for CI and pre-commit), exit 0 when it is.", "--check");

    private final OptionSpec quietOption = Cli.flag("Print problems only: no summary, no progress.", "-q", "--quiet");

    private final OptionSpec fsyncOption = Cli.flag("Flush every file to disk before it replaces the old one, for "
            + "power-cut safety beyond the file system's own (slow: a disk flush per file).", "--fsync");

    private List<String> jobs;
    private String output;
    private List<String> profileDirs;
    private List<String> sets;
    private KubeVersion kubeVersion;
    private boolean check;
    private boolean quiet;
    private boolean fsync;

    RenderCommand(Cli cli) {
        this.cli = cli;
    }

    CommandSpec spec() {
        return Cli.command(this, "render", false, DESCRIPTION, jobsParameter, outputOption, profileDirsOption,
                setsOption, kubeVersionOption, checkOption, quietOption, fsyncOption);
    }

    @Override
    public Integer call() {
        jobs = Cli.strings(jobsParameter);
        output = outputOption.getValue();
        profileDirs = Cli.strings(profileDirsOption);
        sets = Cli.strings(setsOption);
        kubeVersion = kubeVersionOption.getValue();
        check = Cli.on(checkOption);
        quiet = Cli.on(quietOption);
        fsync = Cli.on(fsyncOption);
        if (check && output.equals("-")) {
            throw CliException.usage("--check compares with a directory: give -o OUT");
        }
        List<SparkGen.Input> inputs = JobFiles.collect(cli, jobs);
        boolean flat = JobFiles.flat(cli, jobs);
        SparkGen.Options options = new SparkGen.Options(JobFiles.profileDirs(cli, profileDirs), sets, kubeVersion);
        Progress progress = new Progress(cli.err, inputs.size(), !quiet && inputs.size() > 1 && cli.terminal);
        try {
            if (output.equals("-")) {
                return toStandardOutput(inputs, options, progress);
            }
            if (check) {
                return check(inputs, options, progress, flat);
            }
            return write(inputs, options, progress, flat);
        } catch (OutputException e) {
            progress.end();
            cli.err.println("spark-gen: " + Quote.controls(e.getMessage()));
            return Cli.INVALID;
        }
    }

    /**
     * Renders every job, handing the files of each app at once to {@code files} with their directory in OUT ("" or
     * "APP/"), then the root kustomization of several apps; prints the problems.
     */
    private SparkGen.Batch render(List<SparkGen.Input> inputs, SparkGen.Options options, Progress progress,
                                  boolean flat, BiConsumer<String, Map<String, String>> files) {
        SparkGen.Batch batch = cli.sparkGen().renderAll(inputs, options,
                app -> files.accept(flat ? "" : app.app() + "/", app.files()), progress);
        progress.end();
        Report.text(batch.problems(), cli.err);
        if (batch.ok() && !flat) {
            files.accept("", Map.of(Rendered.KUSTOMIZATION, cli.sparkGen().rootKustomization(batch.apps())));
        }
        return batch;
    }

    /** -o -: one YAML stream of every app's manifests, in app order, once every job is known to be valid. */
    private int toStandardOutput(List<SparkGen.Input> inputs, SparkGen.Options options, Progress progress) {
        Map<String, String> streams = new ConcurrentSkipListMap<>();
        SparkGen.Batch batch = cli.sparkGen().renderAll(inputs, options,
                app -> streams.put(app.app(), app.stream()), progress);
        progress.end();
        Report.text(batch.problems(), cli.err);
        if (!batch.ok()) {
            return Cli.INVALID;
        }
        streams.values().forEach(cli.out::print);
        cli.out.flush();
        return Cli.OK;
    }

    /** Writes OUT: files are staged as their apps are rendered, and switched in once every job is valid. */
    private int write(List<SparkGen.Input> inputs, SparkGen.Options options, Progress progress, boolean flat) {
        try (OutputDirectory.Write write = directory().begin()) {
            SparkGen.Batch batch = render(inputs, options, progress, flat, write::add);
            if (!batch.ok()) {
                return Cli.INVALID;
            }
            OutputDirectory.Summary summary = write.commit();
            String what = batch.apps().size() == 1 ? batch.apps().get(0) : batch.apps().size() + " apps";
            if (!quiet) {
                cli.err.println("spark-gen: " + what + " -> " + Quote.controls(output) + ": "
                        + (summary.written() + summary.removed() == 0 ? "up to date"
                        : files(summary.written()) + " written" + (summary.removed() > 0
                        ? ", " + summary.removed() + " removed" : "")));
            }
            return Cli.OK;
        }
    }

    /** OUT, which says so when it waits for another render of it to finish. */
    private OutputDirectory directory() {
        return new OutputDirectory(cli.path(output), fsync, () -> {
            cli.err.println("spark-gen: waiting for another spark-gen to finish with " + Quote.controls(output)
                    + " (it holds " + OutputDirectory.LOCK + ")");
            cli.err.flush();
        });
    }

    /** --check: the differences, on standard output, and whether there were any. */
    private int check(List<SparkGen.Input> inputs, SparkGen.Options options, Progress progress, boolean flat) {
        List<String> diffs;
        try (OutputDirectory.Comparison comparison = directory().compare()) {
            SparkGen.Batch batch = render(inputs, options, progress, flat, comparison::add);
            if (!batch.ok()) {
                return Cli.INVALID;
            }
            diffs = comparison.finish();
        }
        diffs.forEach(cli.out::print);
        cli.out.flush();
        if (!quiet) {
            cli.err.println("spark-gen: " + Quote.controls(output) + (diffs.isEmpty() ? " is up to date"
                    : " is stale: " + files(diffs.size()) + (diffs.size() == 1 ? " differs" : " differ")
                    + "; render again to update it"));
        }
        return diffs.isEmpty() ? Cli.OK : Cli.INVALID;
    }

    private static String files(int count) {
        return Quote.count(count, "file");
    }
}
