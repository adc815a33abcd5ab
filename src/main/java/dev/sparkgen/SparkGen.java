package dev.sparkgen;

import dev.sparkgen.merge.Merger;
import dev.sparkgen.merge.SetOverride;
import dev.sparkgen.model.App;
import dev.sparkgen.model.Binder;
import dev.sparkgen.model.Derive;
import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problem;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.profile.ProfileCatalog;
import dev.sparkgen.profile.ProfileSource;
import dev.sparkgen.render.KubeVersion;
import dev.sparkgen.render.Rendered;
import dev.sparkgen.render.Renderer;
import dev.sparkgen.rules.Rules;
import dev.sparkgen.schema.Schemas;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.source.YamlLoader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The library's front door: load a job (its file, its profiles, {@code --set}), validate it, derive the app,
 * check the rules, render. Each step returns values; nothing here writes a file. One instance serves any
 * number of jobs, and reads each profile once.
 *
 * <pre>
 * load (YAML with locations) -> merge (profiles, job, --set) -> validate (JSON Schema)
 *   -> bind (records) -> derive (names, sizes, properties) -> rules -> render (returns files)
 * </pre>
 */
public final class SparkGen {

    /** Keys of a profile that describe the profile itself, not values for the job. */
    private static final Set<String> PROFILE_OWN_KEYS = Set.of("apiVersion", "kind", "name", "profiles");

    private final Path cwd;
    private volatile Schemas schemas;
    private volatile Renderer renderer;
    private final Map<List<Path>, ProfileCatalog> catalogs = new ConcurrentHashMap<>();
    private final Map<String, LoadedProfile> profiles = new ConcurrentHashMap<>();

    public SparkGen(Path cwd) {
        this.cwd = cwd;
    }

    /** How a job is loaded: where else to look for profiles, and the {@code --set} overrides. */
    public record Options(List<Path> profileDirs, List<String> sets) {

        public static final Options DEFAULT = new Options(List.of(), List.of());

        public Options {
            profileDirs = List.copyOf(profileDirs);
            sets = List.copyOf(sets);
        }
    }

    /** A job loaded: the app when it is valid, and every problem found (warnings too). */
    public record JobResult(String file, App app, MapNode values, List<Problem> problems) {

        public boolean ok() {
            return app != null;
        }
    }

    /** A profile read and validated on its own; {@code document} is null when it could not be read. */
    private record LoadedProfile(ProfileSource source, MapNode document, Problems problems) {
    }

    /** What a file is, by its {@code kind}: validate checks a profile on its own, and a job with its profiles. */
    public enum FileKind { JOB, PROFILE }

    /** Loads, merges, validates, binds, derives and checks one job file, shown in messages as {@code display}. */
    public JobResult load(Path file, String display, Options options) {
        Problems problems = new Problems();
        MapNode job = read(file, display, problems);
        if (job == null) {
            return new JobResult(display, null, null, problems.all());
        }
        if (kind(job) == FileKind.PROFILE) {
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
        Node profileList = job.get("profiles");
        for (MapNode set : sets) {
            if (set.get("profiles") != null) {
                profileList = set.get("profiles");
            }
        }
        Path dir = Path.of(display).getParent();
        List<Path> key = new ArrayList<>(options.profileDirs());
        key.add(dir);
        ProfileCatalog catalog = catalogs.computeIfAbsent(key, k -> ProfileCatalog.of(options.profileDirs(), dir, cwd));
        List<MapNode> layers = new ArrayList<>();
        for (LoadedProfile profile : expand(profileList, catalog, problems)) {
            Map<String, Node> values = new LinkedHashMap<>(profile.document().entries());
            values.keySet().removeAll(PROFILE_OWN_KEYS);
            layers.add(new MapNode(profile.document().origin(), values));
        }
        layers.add(job);
        layers.addAll(sets);
        MapNode merged = Merger.merge(job.origin(), layers);
        schemas().validate(Schemas.Kind.JOB, merged, problems);
        if (problems.hasErrors()) {
            return new JobResult(display, null, merged, problems.all());
        }
        App app = Derive.app(Binder.bind(merged));
        Rules.check(app, merged, problems);
        return new JobResult(display, problems.hasErrors() ? null : app, merged, problems.all());
    }

    /** Validates a profile file on its own (as {@code validate} does when given one). */
    public List<Problem> validateProfile(Path file, String display) {
        Problems problems = new Problems();
        MapNode document = read(file, display, problems);
        if (document != null) {
            check(document, nameOf(file), problems);
        }
        return problems.all();
    }

    /** The kind of a file, by its {@code kind} key; a file that cannot be read counts as a job. */
    public FileKind kindOf(Path file, String display) {
        MapNode document = read(file, display, new Problems());
        return document == null ? FileKind.JOB : kind(document);
    }

    public Rendered render(App app, KubeVersion kube, String source) {
        return renderer().render(app, kube, source);
    }

    /** The catalog of profiles a job in {@code dir} (relative to the working directory; null: none) would see. */
    public ProfileCatalog catalog(Path dir, List<Path> profileDirs) {
        return ProfileCatalog.of(profileDirs, dir, cwd);
    }

    private Schemas schemas() {
        if (schemas == null) {
            synchronized (this) {
                if (schemas == null) {
                    schemas = Schemas.load();
                }
            }
        }
        return schemas;
    }

    private Renderer renderer() {
        if (renderer == null) {
            synchronized (this) {
                if (renderer == null) {
                    renderer = new Renderer();
                }
            }
        }
        return renderer;
    }

    private static FileKind kind(MapNode document) {
        return document.get("kind") instanceof Scalar s && "Profile".equals(s.text()) ? FileKind.PROFILE : FileKind.JOB;
    }

    /** Reads a file as a YAML mapping; null, with problems, when it cannot be. */
    private static MapNode read(Path file, String display, Problems problems) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                problems.error(Origin.of(display), "is a directory, not a file");
                return null;
            }
            if (Files.size(file) > YamlLoader.MAX_BYTES) {
                problems.error(Origin.of(display), "the file is " + Files.size(file) + " bytes, more than spark-gen "
                        + "reads (" + YamlLoader.MAX_BYTES + ")", "a job or profile file is a few kilobytes of YAML");
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            problems.error(Origin.of(display), "no such file");
            return null;
        } catch (AccessDeniedException e) {
            problems.error(Origin.of(display), "cannot read the file: permission denied");
            return null;
        } catch (IOException e) {
            problems.error(Origin.of(display), "cannot read the file: " + e.getMessage());
            return null;
        }
        return YamlLoader.loadMapping(display, bytes, problems);
    }

    /**
     * The profiles a list names, in the order they apply: each profile's own profiles before it, each profile
     * once. Unknown names and cycles are problems at the name.
     */
    private List<LoadedProfile> expand(Node list, ProfileCatalog catalog, Problems problems) {
        List<LoadedProfile> out = new ArrayList<>();
        expand(list, catalog, problems, new ArrayDeque<>(), new HashSet<>(), out);
        return out;
    }

    private void expand(Node list, ProfileCatalog catalog, Problems problems, Deque<String> chain, Set<String> done,
                        List<LoadedProfile> out) {
        if (!(list instanceof ListNode items)) {
            return; // absent, or not a list: the schema reports it
        }
        for (Node item : items.items()) {
            if (!(item instanceof Scalar scalar) || !scalar.isString()) {
                continue;
            }
            String name = scalar.text();
            if (chain.contains(name)) {
                List<String> cycle = new ArrayList<>(chain);
                java.util.Collections.reverse(cycle);
                cycle.add(name);
                problems.error(item.origin(), "profile '" + name + "' includes itself: " + String.join(" -> ", cycle),
                        "remove '" + name + "' from this list");
                continue;
            }
            if (!done.add(name)) {
                continue;
            }
            ProfileSource source = catalog.find(name);
            if (source == null) {
                String closest = dev.sparkgen.schema.Suggestions.closest(name, catalog.names());
                problems.error(item.origin(), "unknown profile '" + name + "'", (closest != null
                        ? "did you mean '" + closest + "'? " : "") + "known: " + String.join(", ", catalog.names()));
                continue;
            }
            LoadedProfile profile = profiles.computeIfAbsent(source.location(), key -> loadProfile(source));
            problems.addAll(profile.problems());
            if (profile.document() == null) {
                continue;
            }
            chain.push(name);
            expand(profile.document().get("profiles"), catalog, problems, chain, done, out);
            chain.pop();
            out.add(profile);
        }
    }

    private LoadedProfile loadProfile(ProfileSource source) {
        Problems problems = new Problems();
        MapNode document = null;
        try {
            document = YamlLoader.loadMapping(source.location(), source.read(), problems);
        } catch (IOException e) {
            problems.error(Origin.of(source.location()), "cannot read the profile: " + e.getMessage());
        }
        if (document != null) {
            check(document, source.name(), problems);
        }
        return new LoadedProfile(source, problems.hasErrors() ? null : document, problems);
    }

    /** A profile on its own: its schema, and a name that is its file's. */
    private void check(MapNode document, String fileName, Problems problems) {
        schemas().validate(Schemas.Kind.PROFILE, document, problems);
        if (document.get("name") instanceof Scalar name && !name.text().equals(fileName)) {
            problems.error(name.origin(), "the profile is named '" + name.text() + "' but its file is '" + fileName
                    + ".yaml'", "jobs find a profile by its file name: make them the same");
        }
    }

    private static String nameOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
    }
}
