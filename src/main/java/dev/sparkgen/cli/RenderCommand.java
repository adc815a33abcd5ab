package dev.sparkgen.cli;

import dev.sparkgen.SparkGen;
import dev.sparkgen.output.OutputDirectory;
import dev.sparkgen.output.OutputException;
import dev.sparkgen.problem.Quote;
import dev.sparkgen.render.KubeVersion;
import dev.sparkgen.render.Rendered;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spark-gen render JOB -o OUT}: writes the app's manifests and kustomization into OUT, or to stdout. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Renders a job into a Kustomize directory: driver-pod.yaml, configmap.yaml, driver-svc.yaml, "
                + "ui-svc.yaml, ui-ingress.yaml (unless the job turns the Ingress off), the further objects the job asks "
                + "for (such as rbac.yaml, podgroup.yaml, networkpolicy.yaml), kustomization.yaml listing them, and "
                + "a README.md for reviewers.",
                "The driver runs as a Pod; with run.kind Job or CronJob, driver-job.yaml or driver-cronjob.yaml "
                        + "holds it instead.",
                "A render replaces the files an earlier render wrote (stale ones included) and never touches "
                        + "files spark-gen did not write; a failed render leaves OUT as it was."})
final class RenderCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(arity = "1..*", paramLabel = "JOB",
            description = "Job files (kind: SparkJob), or directories of them (their *.yaml and *.yml files). One "
                    + "job file is written flat into OUT; several jobs each into OUT/<app>/, with "
                    + "OUT/kustomization.yaml listing them.")
    List<String> jobs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "The directory to write, or - for one YAML stream on standard output.")
    String output;

    @Option(names = "--profiles-dir", paramLabel = "DIR",
            description = "Also look for profiles here, before profiles/ beside the job, ./profiles and the "
                    + "built-in ones. May repeat; later directories win.")
    List<String> profileDirs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a value after the profiles and the job, e.g. executor.instances=4, "
                    + "'sparkConf.\"spark.eventLog.enabled\"=true' (a key with dots in quotes, kept from the shell "
                    + "in single quotes) or 'driver.tolerations[0].value=gpu' (the first item of a list). VALUE is "
                    + "YAML. May repeat.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--kube-version", paramLabel = "MAJOR.MINOR", converter = KubeVersionConverter.class,
            description = "The cluster's Kubernetes version: picks the Ingress API (default: ${DEFAULT-VALUE}).")
    KubeVersion kubeVersion = KubeVersion.DEFAULT;

    @Option(names = "--check", description = "Write nothing: print a unified diff and exit 1 when OUT is not "
            + "exactly what would be rendered (for CI and pre-commit), exit 0 when it is.")
    boolean check;

    @Option(names = {"-q", "--quiet"}, description = "Print problems only: no summary, no progress.")
    boolean quiet;

    @Option(names = "--fsync", description = "Flush every file to disk before it replaces the old one, for "
            + "power-cut safety beyond the file system's own (slow: a disk flush per file).")
    boolean fsync;

    RenderCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (check && output.equals("-")) {
            throw CliException.usage("--check compares with a directory: give -o OUT");
        }
        List<SparkGen.Input> inputs = JobFiles.collect(cli, jobs);
        boolean flat = JobFiles.single(cli, jobs);
        SparkGen.Options options = new SparkGen.Options(JobFiles.profileDirs(cli, profileDirs), sets);
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
     * Renders every job, handing each file of each app to {@code files} by its path in OUT, then the root
     * kustomization of several apps; prints the problems.
     */
    private SparkGen.Batch render(List<SparkGen.Input> inputs, SparkGen.Options options, Progress progress,
                                  boolean flat, BiConsumer<String, String> files) {
        SparkGen.Batch batch = cli.sparkGen().renderAll(inputs, options, kubeVersion, app -> app.files()
                .forEach((name, text) -> files.accept(flat ? name : app.app() + "/" + name, text)), progress);
        progress.end();
        Report.text(batch.problems(), cli.err);
        if (batch.ok() && !flat) {
            files.accept(Rendered.KUSTOMIZATION, cli.sparkGen().rootKustomization(batch.apps()));
        }
        return batch;
    }

    /** -o -: one YAML stream of every app's manifests, in app order, once every job is known to be valid. */
    private int toStandardOutput(List<SparkGen.Input> inputs, SparkGen.Options options, Progress progress) {
        Map<String, String> streams = new ConcurrentSkipListMap<>();
        SparkGen.Batch batch = cli.sparkGen().renderAll(inputs, options, kubeVersion,
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
