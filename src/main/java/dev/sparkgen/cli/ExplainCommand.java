package dev.sparkgen.cli;

import dev.sparkgen.SparkGen;
import dev.sparkgen.model.App;
import dev.sparkgen.model.Derive;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.model.Run;
import dev.sparkgen.model.RunSummary;
import dev.sparkgen.problem.Quote;
import dev.sparkgen.render.Encode;
import dev.sparkgen.render.Facts;
import dev.sparkgen.source.KeyPath;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code spark-gen explain JOB}: every value of a job after the merge, with where it came from (a default, a
 * profile's file and line, the job file, a {@code --set}), then the derived facts users are surprised by.
 */
final class ExplainCommand implements Callable<Integer> {

    private static final String DESCRIPTION = "Prints a job's merged values, each with where it came from "
            + "(default, profile file and line, job file, --set), and what spark-gen derives: names and their limits, "
            + "pod memory after Spark's overhead rule, the UI route, the Spark properties.";

    private final Cli cli;

    private final PositionalParamSpec jobParameter = PositionalParamSpec.builder().required(true).index("0")
            .type(String.class).paramLabel("JOB").description("The job file.").build();

    private final OptionSpec profileDirsOption = Cli.repeated("DIR", "Also look for profiles here (see render).",
            "--profiles-dir");

    private final OptionSpec setsOption = Cli.repeated("PATH=VALUE", "Override a value, as render does.", "--set");

    private final OptionSpec kubeVersionOption = KubeVersionConverter.option("Explain the job as render does for "
            + "this Kubernetes version");

    ExplainCommand(Cli cli) {
        this.cli = cli;
    }

    CommandSpec spec() {
        return Cli.command(this, "explain", false, new String[] {DESCRIPTION}, jobParameter, profileDirsOption,
                setsOption, kubeVersionOption);
    }

    @Override
    public Integer call() {
        String job = jobParameter.getValue();
        List<String> profileDirs = Cli.strings(profileDirsOption);
        List<String> sets = Cli.strings(setsOption);
        KubeVersion kube = kubeVersionOption.getValue();
        Path file = cli.existing(job);
        SparkGen.JobResult result = cli.sparkGen().load(file, job,
                new SparkGen.Options(profileDirs.stream().map(Path::of).toList(), sets, kube));
        Report.text(result.problems(), cli.err);
        if (!result.ok()) {
            return Cli.INVALID;
        }
        App app = result.app();
        Map<String, String[]> lines = new TreeMap<>();
        flatten(result.values(), KeyPath.of(), lines);
        // A default inside an object the job does not have (a node affinity it sets nowhere) is no value of it.
        List<String> absent = cli.sparkGen().objectsWithRequiredKeys().stream()
                .filter(object -> lines.keySet().stream().noneMatch(p -> p.startsWith(object + "."))).toList();
        cli.sparkGen().defaults().forEach((path, value) -> {
            if (!path.contains("[]") && lines.keySet().stream().noneMatch(p -> p.equals(path)
                    || p.startsWith(path + ".") || p.startsWith(path + "["))
                    && absent.stream().noneMatch(o -> path.startsWith(o + "."))) {
                lines.put(path, new String[] {value instanceof String text ? Encode.yaml(text) : String.valueOf(value),
                        "default"});
            }
        });
        // Every line holds names and values from files: control characters escaped, so none reaches a terminal.
        cli.out.println(Quote.controls("# " + job + ": the app " + app.name() + (app.job().profiles().isEmpty() ? ""
                : ", with the profiles " + String.join(", ", app.job().profiles()))));
        cli.out.println("values:");
        int width = lines.keySet().stream().mapToInt(k -> k.length() + 2).max().orElse(0);
        int valueWidth = Math.min(48, lines.values().stream().mapToInt(v -> v[0].length()).max().orElse(0));
        lines.forEach((path, line) -> cli.out.println(Quote.controls(String.format("  %-" + width + "s %-"
                + valueWidth + "s  # %s", path + ":", line[0], line[1]))));
        cli.out.println("derived:");
        Map<String, String> derived = derived(app, kube);
        int factWidth = derived.keySet().stream().mapToInt(k -> k.length() + 1).max().orElse(0);
        derived.forEach((what, fact) -> cli.out.println(Quote.controls(String.format("  %-" + factWidth + "s %s",
                what + ":", fact))));
        cli.out.println("spark-defaults.conf:");
        app.sparkDefaults().forEach((key, value) -> cli.out.println(Quote.controls("  " + key + " "
                + Quote.abbreviate(value) + (app.generatedBy().containsKey(key) ? "" : "  # sparkConf"))));
        cli.out.flush();
        return Cli.OK;
    }

    /** The leaves of the merged values, by path, each as it would be written and where it was. */
    private static void flatten(Node node, KeyPath path, Map<String, String[]> lines) {
        if (node instanceof MapNode map && !map.entries().isEmpty()) {
            map.entries().forEach((key, value) -> flatten(value, path.child(key), lines));
        } else if (node instanceof ListNode list && list.items().stream().anyMatch(i -> !(i instanceof Scalar))) {
            for (int i = 0; i < list.items().size(); i++) {
                flatten(list.items().get(i), path.child(i), lines);
            }
        } else if (!path.isRoot()) {
            lines.put(path.toString(), new String[] {shown(node), origin(node)});
        }
    }

    private static String shown(Node node) {
        if (node instanceof ListNode list) {
            List<String> items = new ArrayList<>();
            list.items().forEach(item -> items.add(Encode.yaml(((Scalar) item).text())));
            return "[" + String.join(", ", items) + "]";
        }
        if (node instanceof MapNode) {
            return "{}";
        }
        Scalar scalar = (Scalar) node;
        return scalar.isString() ? Quote.abbreviate(Encode.yaml(scalar.text())) : scalar.text();
    }

    private static String origin(Node node) {
        var origin = node.origin();
        return origin.file() + ":" + origin.line();
    }

    /**
     * What spark-gen derives: the facts the per-app README shows (names against their limits, sizes, scheduling,
     * identity, the UI), then the executors' pod names and the PodGroup's reservation, which only explain shows.
     */
    private static Map<String, String> derived(App app, KubeVersion kube) {
        Map<String, String> facts = new LinkedHashMap<>();
        Run run = app.job().run();
        for (Facts.Name name : Facts.names(app)) {
            facts.put(name.what(), name.name() + " (" + name.length() + ")");
        }
        if (run.byController()) {
            facts.put("driver pod", Facts.driverPod(app) + ", named by the Job controller");
        }
        for (Facts.Setting setting : Facts.settings(app, kube)) {
            facts.put(setting.what(), setting.value());
        }
        facts.put("executor pods", Facts.executorPrefix(app, "<driver pod>", "<Spark's id for each spark-submit>")
                + "-exec-<N>");
        if (app.podGroup() != null) {
            facts.put("PodGroup resources", String.valueOf(app.podGroup().minResources()));
        } else if ("volcano".equals(app.job().schedulerName())) {
            facts.put("Volcano PodGroup", "one per run, made by Volcano's controller in queue "
                    + app.driverAnnotations().get(Derive.QUEUE_ANNOTATION));
        }
        if (!run.byController()) { // Facts has a Job's and a CronJob's run already
            facts.putAll(RunSummary.of(run, app.name(), app.job().restartPolicy(), kube));
        }
        return facts;
    }
}
