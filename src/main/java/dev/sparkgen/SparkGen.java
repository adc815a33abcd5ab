package dev.sparkgen;

import dev.sparkgen.importer.Importer;
import dev.sparkgen.importer.SparkApplicationFile;
import dev.sparkgen.merge.Merger;
import dev.sparkgen.merge.SetOverride;
import dev.sparkgen.model.App;
import dev.sparkgen.model.Binder;
import dev.sparkgen.model.Derive;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problem;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.profile.ProfileCatalog;
import dev.sparkgen.render.Rendered;
import dev.sparkgen.rules.Quantities;
import dev.sparkgen.rules.Rules;
import dev.sparkgen.rules.SparkConfKeys;
import dev.sparkgen.schema.Schemas;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.YamlLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.IntConsumer;

/**
 * The library's front door: load a job (its file, its profiles, {@code --set}), validate it, derive the app,
 * check the rules, render. Each step returns values; nothing here writes a file. One instance serves any
 * number of jobs, and reads each profile once. What is not the facade's own has a class beside it:
 * {@link InputFiles} reads the files, {@link SharedParts} holds what the jobs share, {@link RenderBatch} renders
 * many jobs in parallel.
 *
 * <pre>
 * load (YAML with locations) -> merge (profiles, job, --set) -> validate (JSON Schema)
 *   -> bind (records) -> derive (names, sizes, properties) -> rules -> render (returns files)
 * </pre>
 */
public final class SparkGen {

    private final Path cwd;
    private final SharedParts shared;

    public SparkGen(Path cwd) {
        this.cwd = cwd;
        this.shared = new SharedParts(cwd);
    }

    /**
     * How a job is loaded: where else to look for profiles, the {@code --set} overrides, and the Kubernetes version
     * of the cluster it is for (what that cluster cannot honour is an error, as the rules' other checks are).
     */
    public record Options(List<Path> profileDirs, List<String> sets, KubeVersion kube) {

        public static final Options DEFAULT = new Options(List.of(), List.of());

        public Options {
            profileDirs = List.copyOf(profileDirs);
            sets = List.copyOf(sets);
        }

        /** For the default Kubernetes version. */
        public Options(List<Path> profileDirs, List<String> sets) {
            this(profileDirs, sets, KubeVersion.DEFAULT);
        }
    }

    /**
     * A file loaded: the app when it is a valid job, and every problem found (warnings too). A profile met in a
     * directory listing is {@code profile}: not a job, and no problem.
     */
    public record JobResult(String file, App app, MapNode values, List<Problem> problems, boolean profile) {

        JobResult(String file, App app, MapNode values, List<Problem> problems) {
            this(file, app, values, problems, false);
        }

        public boolean ok() {
            return app != null;
        }

        /** Where the app's name was written: the job's {@code name}. */
        Origin nameOrigin() {
            return values.get("name").origin();
        }
    }

    /** Loads, merges, validates, binds, derives and checks one job file, shown in messages as {@code display}. */
    public JobResult load(Path file, String display, Options options) {
        return load(new Input(file, display, false), options);
    }

    /**
     * Loads one input: a job (as {@link #load(Path, String, Options)}), or, for a file found in a directory
     * listing, possibly a profile, which is then checked on its own.
     */
    public JobResult load(Input input, Options options) {
        Path file = input.file();
        String display = input.display();
        Problems problems = new Problems();
        MapNode job = InputFiles.read(file, display, problems);
        if (job == null) {
            return new JobResult(display, null, null, problems.all());
        }
        if (InputFiles.isProfile(job) && input.listed()) {
            shared.profiles().check(job, InputFiles.nameOf(file), problems);
            return new JobResult(display, null, job, problems.all(), true);
        }
        if (SparkApplicationFile.is(job)) {
            problems.error(job.get("kind").origin(), "this is a Spark Operator SparkApplication, not a job "
                    + "(kind: SparkJob)", "convert it with: " + SparkApplicationFile.importCommand(display));
            return new JobResult(display, null, null, problems.all());
        }
        if (InputFiles.isProfile(job)) {
            problems.error(Origin.of(display), "this is a profile (kind: Profile), not a job",
                    "render a job (kind: SparkJob) that lists it in 'profiles'");
            return new JobResult(display, null, null, problems.all());
        }
        List<MapNode> sets = new ArrayList<>();
        for (int i = 0; i < options.sets().size(); i++) {
            MapNode set = SetOverride.parse(options.sets().get(i), i + 1, problems);
            if (set != null) {
                sets.add(set);
            }
        }
        Node profileList = Merger.profiles(job, sets);
        Path dir = Path.of(display).getParent();
        ProfileCatalog catalog = shared.catalog(options.profileDirs(), dir);
        List<MapNode> layers = new ArrayList<>(shared.profiles().layers(profileList, catalog, problems));
        layers.add(job);
        layers.addAll(sets);
        return checkJob(Merger.merge(job.origin(), layers, problems), display, problems, options.kube());
    }

    /**
     * Validates a job given whole, without profiles or {@code --set} (as {@code import} builds one): the schema,
     * then the rules. Problems point wherever the document's nodes say they were written.
     */
    public JobResult check(MapNode job, String display) {
        return checkJob(job, display, new Problems(), KubeVersion.DEFAULT);
    }

    private JobResult checkJob(MapNode job, String display, Problems problems, KubeVersion kube) {
        MapNode merged = shared.schemas().validate(Schemas.Kind.JOB, job, problems);
        Quantities.check(merged, problems);
        if (problems.hasErrors()) {
            SparkConfKeys.check(merged, problems); // the rules that hold whatever the schema's errors turn out to be
            return new JobResult(display, null, merged, problems.all());
        }
        App app = Derive.app(Binder.bind(merged, shared.schemas().defaults()));
        Rules.check(app, merged, problems, kube);
        return new JobResult(display, problems.hasErrors() ? null : app, merged, problems.all());
    }

    /** Validates a job or a profile (by its kind), as {@code validate} does; returns every problem. */
    public List<Problem> validate(Input input, Options options) {
        return load(new Input(input.file(), input.display(), true), options).problems();
    }

    /**
     * Imports the SparkApplication of a file (the one named {@code name} when it holds several) into a job,
     * validated as {@code validate} would validate it; see {@link Importer}.
     */
    public Importer.Imported importApplication(Path file, String display, String name) {
        Problems problems = new Problems();
        byte[] bytes = InputFiles.readBytes(file, display, problems);
        if (bytes == null) {
            return new Importer.Imported(null, null, problems.all());
        }
        return Importer.importFile(display, bytes, name, problems, (job, shown) -> {
            JobResult checked = check(job, shown);
            return new Importer.Checked(checked.app(), checked.problems());
        });
    }

    public Rendered render(App app, KubeVersion kube, String source) {
        return shared.renderer().render(app, kube, source);
    }

    /**
     * A file to load: where to read it, how messages name it (as the user gave it), and whether it was found by
     * listing a directory (where profiles and jobs may sit together).
     */
    public record Input(Path file, String display, boolean listed) {
    }

    /** What rendering several jobs gives: every problem of every job, and the names of the apps rendered. */
    public record Batch(List<Problem> problems, List<String> apps) {

        public boolean ok() {
            return problems.stream().noneMatch(Problem::isError);
        }
    }

    /** Where a batch's apps go as they are rendered: called from any thread, at most once per app. */
    public interface Sink {

        void accept(Rendered app);
    }

    /**
     * Loads and renders jobs for the options' Kubernetes version, in parallel when there are several, and hands
     * each app to {@code sink} as soon as it is rendered, so that a batch holds a few apps at a time, whatever its
     * size. The apps handed over are only worth keeping when the batch is {@link Batch#ok()}: a job's error is
     * known only once it is loaded, so the caller stages what the sink receives and discards it otherwise. Two jobs that derive the same app
     * name are an error at each (and the sink sees that app once). The result does not depend on the order or
     * the parallelism. A failure of the sink is thrown once every job is done, unless a job has an error.
     * {@code progress} hears how many jobs are done, from whichever thread did one.
     */
    public Batch renderAll(List<Input> inputs, Options options, Sink sink, IntConsumer progress) {
        return RenderBatch.run(this, inputs, options, sink, progress);
    }

    /** The kustomization at the root of a directory of several apps: it lists each app's directory. */
    public String rootKustomization(List<String> apps) {
        return shared.renderer().renderRoot(apps);
    }

    /** The text of a starter job file (see {@code init}), checked as any job is: it must validate. */
    public String starter(String name, String schema) {
        String text = shared.renderer().starter(name, schema);
        Problems problems = new Problems();
        MapNode job = YamlLoader.loadMapping(name + ".yaml", text.getBytes(java.nio.charset.StandardCharsets.UTF_8), problems);
        JobResult result = job == null ? null : checkJob(job, name + ".yaml", problems, KubeVersion.DEFAULT);
        if (result == null || !result.ok()) {
            throw new IllegalStateException("the starter job does not validate: " + problems.all());
        }
        return text;
    }

    /** The defaults the job schema documents, by path: what a job that leaves a field out gets. */
    public SortedMap<String, Object> defaults() {
        return shared.schemas().defaults();
    }

    /** The job's objects whose defaults apply only where a job writes them (see {@link Schemas#objectsWithRequiredKeys}). */
    public java.util.SortedSet<String> objectsWithRequiredKeys() {
        return shared.schemas().objectsWithRequiredKeys();
    }

    /** The catalog of profiles a job in {@code dir} (relative to the working directory; null: none) would see. */
    public ProfileCatalog catalog(Path dir, List<Path> profileDirs) {
        return ProfileCatalog.of(profileDirs, dir, cwd);
    }
}
