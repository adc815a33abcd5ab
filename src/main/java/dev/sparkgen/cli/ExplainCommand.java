package dev.sparkgen.cli;

import dev.sparkgen.SparkGen;
import dev.sparkgen.model.App;
import dev.sparkgen.model.Derive;
import dev.sparkgen.model.Role;
import dev.sparkgen.problem.Quote;
import dev.sparkgen.render.Encode;
import dev.sparkgen.rules.Rules;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spark-gen explain JOB}: every value of a job after the merge, with where it came from (a default, a
 * profile's file and line, the job file, a {@code --set}), then the derived facts users are surprised by.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prints a job's merged values, each with where it came from (default, profile file and "
                + "line, job file, --set), and what spark-gen derives: names and their limits, pod memory after "
                + "Spark's overhead rule, the UI route, the Spark properties.")
final class ExplainCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(index = "0", paramLabel = "JOB", description = "The job file.")
    String job;

    @Option(names = "--profiles-dir", paramLabel = "DIR", description = "Also look for profiles here (see render).")
    List<String> profileDirs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value, as render does.")
    List<String> sets = new ArrayList<>();

    ExplainCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Path file = cli.existing(job);
        SparkGen.JobResult result = cli.sparkGen().load(file, job,
                new SparkGen.Options(profileDirs.stream().map(Path::of).toList(), sets));
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
            if (lines.keySet().stream().noneMatch(p -> p.equals(path) || p.startsWith(path + ".")
                    || p.startsWith(path + "[")) && absent.stream().noneMatch(o -> path.startsWith(o + "."))) {
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
        derived(app).forEach((what, fact) -> cli.out.println(Quote.controls(String.format("  %-24s %s", what + ":",
                fact))));
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

    /** The facts users ask about: names against their limits, pod sizes, the route, the further objects. */
    private static Map<String, String> derived(App app) {
        Map<String, String> facts = new LinkedHashMap<>();
        App.Names n = app.names();
        facts.put("app name", app.name() + " (" + app.name().length() + " of at most " + Rules.MAX_APP_NAME
                + " characters: it is the executor pod name prefix)");
        facts.put("driver pod", n.driverPod() + " (" + n.driverPod().length() + " of 253)");
        facts.put("headless service", n.driverService() + " (" + n.driverService().length() + " of 63)");
        facts.put("UI service", n.uiService() + " (" + n.uiService().length() + " of 63)");
        facts.put("ConfigMap", n.configMap());
        facts.put("executor pods", app.name() + "-exec-<N>, " + app.executorInstances()
                + (app.job().dynamicAllocation().enabled() ? " at first (dynamic allocation)" : ""));
        facts.put("driver pod memory", memory(app.driverSizing()));
        facts.put("executor pod memory", memory(app.executorSizing()));
        facts.put("driver pod CPU", cpu(app.job().driver().role()));
        facts.put("executor pod CPU", cpu(app.job().executor().role()));
        App.Route route = app.route();
        facts.put("UI", !route.enabled() ? "no Ingress" : (route.host() != null ? route.host() : "any host")
                + (route.path() != null ? " under " + route.path() + " (spark.ui.proxyBase)" : ", at its root"));
        facts.put("service account", app.serviceAccount() != null ? app.serviceAccount() : "the namespace's default");
        if (app.podGroup() != null) {
            facts.put("Volcano PodGroup", n.podGroup() + " in queue " + app.podGroup().queue() + ", minResources "
                    + app.podGroup().minResources());
        }
        return facts;
    }

    private static String memory(App.Sizing sizing) {
        return sizing.podMiB() + "Mi = " + sizing.heapMiB() + "Mi heap + " + sizing.overheadMiB() + "Mi overhead ("
                + (sizing.overheadGiven() ? "given" : "max(384Mi, " + sizing.factor() + " x heap), Spark's rule") + ")";
    }

    private static String cpu(Role role) {
        return "request " + Derive.cpuRequest(role) + (role.coreLimit() != null ? ", limit " + role.coreLimit()
                : ", no limit");
    }
}
