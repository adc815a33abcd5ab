package dev.sparkgen.importer;

import dev.sparkgen.model.App;
import dev.sparkgen.problem.Problem;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.source.YamlLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code spark-gen import}: a SparkApplication converted into a job ({@link ApplicationConverter}), checked as any
 * job is, written as commented YAML ({@link JobYaml}), then read back and checked again: a job that does not read
 * back as converted, or is not valid once written, is a bug of spark-gen's, thrown as an
 * {@link IllegalStateException}.
 */
public final class Importer {

    /**
     * How the caller validates a converted job, as {@code validate} would (schema, bind, rules): the importer
     * needs the verdict, not the facade, so it depends on nothing above it.
     */
    @FunctionalInterface
    public interface Check {
        Checked check(MapNode job, String display);
    }

    /** A converted job checked: its app when it is valid (null otherwise), and every problem found. */
    public record Checked(App app, List<Problem> problems) {

        public boolean ok() {
            return app != null;
        }
    }

    private Importer() {
    }

    public record Imported(String yaml, String app, List<Problem> problems) {

        public boolean ok() {
            return yaml != null;
        }
    }

    private static final java.util.Set<String> KINDS = java.util.Set.of("SparkApplication",
            "ScheduledSparkApplication");

    /**
     * Imports the SparkApplication (or ScheduledSparkApplication) of a file that may hold several documents: the
     * others are reported as not imported. With several applications, {@code name} picks one by its
     * metadata.name; without it, that is an error naming them.
     */
    public static Imported importFile(String display, byte[] bytes, String name, Problems problems,
                                      Check check) {
        List<MapNode> documents = Documents.load(display, bytes, problems);
        if (documents == null) {
            return new Imported(null, null, problems.all());
        }
        List<MapNode> applications = documents.stream()
                .filter(Importer::isApplication).toList();
        if (applications.isEmpty() || documents.size() == 1) {
            return importApplication(documents.get(0), display, problems, check);
        }
        List<String> names = applications.stream().map(Importer::nameOf).toList();
        List<MapNode> chosen = name == null ? applications
                : applications.stream().filter(a -> name.equals(nameOf(a))).toList();
        if (chosen.size() != 1) {
            MapNode at = chosen.size() > 1 ? chosen.get(1) : applications.get(0);
            problems.error((at.get("kind") != null ? at.get("kind") : at).origin(), name == null
                    ? "the file holds " + applications.size() + " SparkApplications (" + String.join(", ", names)
                    + "): spark-gen import writes one job at a time" : chosen.isEmpty() ? "the file holds no "
                    + "SparkApplication named '" + name + "': it holds " + String.join(", ", names)
                    : "the file holds " + chosen.size() + " SparkApplications named '" + name + "'",
                    chosen.isEmpty() || name == null ? "choose one with --name " + names.get(0) + " (and import "
                    + "each of the others with its own --name and -o)" : "give them different names");
            return new Imported(null, null, problems.all());
        }
        for (MapNode other : documents) {
            if (other != chosen.get(0)) {
                String kind = Conversion.textOf(other.get("kind"));
                problems.warning((other.get("kind") != null ? other.get("kind") : other).origin(), "the "
                        + (kind != null ? kind : "document without a kind") + " '" + nameOf(other) + "' is not "
                        + "imported: spark-gen import converts the SparkApplication " + nameOf(chosen.get(0)),
                        isApplication(other) ? "import it with --name " + nameOf(other) : "apply it beside the "
                        + "rendered job (kubectl apply -f), or add it to the job's kustomization");
            }
        }
        return importApplication(chosen.get(0), display, problems, check);
    }

    private static boolean isApplication(MapNode document) {
        String kind = Conversion.textOf(document.get("kind"));
        return kind != null && KINDS.contains(kind);
    }

    private static String nameOf(MapNode document) {
        String name = Conversion.textOf(document.find("metadata", "name"));
        return name != null ? name : "(no name)";
    }

    public static Imported importApplication(MapNode document, String display, Problems problems,
                                             Check check) {
        ApplicationConverter.Result converted = ApplicationConverter.convert(document, display);
        converted.problems().forEach(problems::add);
        if (converted.job() == null || problems.hasErrors()) {
            return new Imported(null, null, problems.all());
        }
        Checked checked = check.check(converted.job(), display);
        checked.problems().forEach(problems::add);
        if (!checked.ok()) {
            return new Imported(null, null, problems.all());
        }
        List<String> header = new ArrayList<>(List.of(
                "spark-gen job imported by 'spark-gen import' from the SparkApplication " + checked.app().job().name()
                        + " in " + display + ".",
                "Review it, then render it: spark-gen render THIS_FILE -o OUT.",
                "Fields whose name or place differ from the SparkApplication's carry a comment saying where they"
                        + " came from."));
        List<Problem> warnings = problems.all().stream().filter(p -> !p.isError()).toList();
        if (!warnings.isEmpty()) {
            header.add("");
            header.add("What was not carried over as it was (LINE:COLUMN in " + display + "):");
            for (Problem warning : warnings) {
                header.add("  " + warning.origin().line() + ":" + warning.origin().column() + ": " + warning.text());
            }
        }
        String yaml = JobYaml.write(converted.job(), header, converted.notes());
        readBack(converted.job(), yaml, check);
        return new Imported(yaml, checked.app().name(), problems.all());
    }

    /** The written job must read back as the job converted, and be valid: anything else is a bug of ours. */
    private static void readBack(MapNode job, String yaml, Check check) {
        Problems problems = new Problems();
        String name = "the imported job";
        MapNode reread = YamlLoader.loadMapping(name, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), problems);
        if (reread == null || !sameValues(job, reread)) {
            throw new IllegalStateException("the imported job does not read back as converted"
                    + (problems.isEmpty() ? "" : ": " + problems.all().get(0).format()));
        }
        Checked checked = check.check(reread, name);
        if (!checked.ok()) {
            throw new IllegalStateException("the imported job is not valid once written: "
                    + checked.problems().stream().filter(Problem::isError).findFirst().map(Problem::format).orElse(""));
        }
    }

    /** The same keys in the same order, the same items, the same scalars (text and value). */
    private static boolean sameValues(Node a, Node b) {
        if (a instanceof MapNode ma && b instanceof MapNode mb) {
            if (!List.copyOf(ma.entries().keySet()).equals(List.copyOf(mb.entries().keySet()))) {
                return false;
            }
            return ma.entries().keySet().stream().allMatch(key -> sameValues(ma.get(key), mb.get(key)));
        }
        if (a instanceof ListNode la && b instanceof ListNode lb) {
            if (la.items().size() != lb.items().size()) {
                return false;
            }
            for (int i = 0; i < la.items().size(); i++) {
                if (!sameValues(la.items().get(i), lb.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a instanceof Scalar sa && b instanceof Scalar sb && sa.text().equals(sb.text())
                && java.util.Objects.equals(sa.value(), sb.value());
    }
}
