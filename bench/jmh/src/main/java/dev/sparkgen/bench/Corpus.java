package dev.sparkgen.bench;

import dev.sparkgen.SparkGen;
import dev.sparkgen.merge.Merger;
import dev.sparkgen.model.App;
import dev.sparkgen.model.Binder;
import dev.sparkgen.model.Derive;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.render.RenderStages;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.source.YamlLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The generated corpus (bench/corpus/gen.py) in memory: each job's bytes, and its intermediate value after each
 * stage, so that every stage can be timed on its own input. Profiles are read once, as in a batch.
 */
final class Corpus {

    static final Set<String> PROFILE_OWN_KEYS = Set.of("apiVersion", "kind", "name", "profiles");

    /** One job and what each stage makes of it. */
    record Job(Path path, String display, String source, byte[] bytes, MapNode document, List<MapNode> layers,
               MapNode merged, App app, RenderStages.Output rendered) {
    }

    final List<Job> jobs = new ArrayList<>();
    final SparkGen gen;
    final SparkGen.Options options;
    final RenderStages stages = new RenderStages();

    Corpus(Path dir, int limit) {
        Path jobsDir = dir.resolve("jobs");
        Path profilesDir = dir.resolve("profiles");
        if (!Files.isDirectory(jobsDir)) {
            throw new IllegalStateException("no corpus at " + dir.toAbsolutePath() + ": run bench/corpus/gen.py");
        }
        gen = new SparkGen(Path.of("").toAbsolutePath());
        options = new SparkGen.Options(List.of(profilesDir), List.of());
        Map<String, MapNode> profiles = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(jobsDir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().limit(limit).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                String display = file.toString();
                Problems problems = new Problems();
                MapNode document = YamlLoader.loadMapping(display, bytes, problems);
                List<MapNode> layers = new ArrayList<>();
                expand(document.get("profiles"), profilesDir, profiles, new HashSet<>(), layers);
                layers.add(document);
                MapNode merged = Merger.merge(document.origin(), layers);
                App app = Derive.app(Binder.bind(merged, gen.defaults()));
                SparkGen.JobResult result = gen.load(file, display, options);
                if (!result.ok() || !result.app().name().equals(app.name())) {
                    throw new IllegalStateException(display + ": not a valid job: " + result.problems());
                }
                String source = file.getFileName().toString();
                jobs.add(new Job(file, display, source, bytes, document, layers, merged, app,
                        stages.templates(app, KubeVersion.DEFAULT, source)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The layers of a job's profiles, as SparkGen expands them: each profile's own profiles first, each once. */
    private static void expand(Node list, Path dir, Map<String, MapNode> cache, Set<String> done, List<MapNode> out)
            throws IOException {
        if (!(list instanceof ListNode items)) {
            return;
        }
        for (Node item : items.items()) {
            String name = ((Scalar) item).text();
            if (!done.add(name)) {
                continue;
            }
            MapNode profile = cache.get(name);
            if (profile == null) {
                Path file = dir.resolve(name + ".yaml");
                if (!Files.exists(file)) {
                    file = Path.of("profiles", name + ".yaml");
                }
                profile = YamlLoader.loadMapping(file.toString(), Files.readAllBytes(file), new Problems());
                cache.put(name, profile);
            }
            expand(profile.get("profiles"), dir, cache, done, out);
            Map<String, Node> values = new LinkedHashMap<>(profile.entries());
            values.keySet().removeAll(PROFILE_OWN_KEYS);
            out.add(new MapNode(profile.origin(), values));
        }
    }
}
