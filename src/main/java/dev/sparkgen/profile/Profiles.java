package dev.sparkgen.profile;

import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.rules.Quantities;
import dev.sparkgen.schema.Schemas;
import dev.sparkgen.schema.Suggestions;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.source.YamlLoader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The profiles a job lists, as layers for the merge: each profile's own profiles before it, each profile once,
 * each file read and checked once per process (a profile's problems are reported with every job that uses it).
 * Unknown names and cycles are problems at the name.
 */
public final class Profiles {

    /** Keys of a profile that describe the profile itself, not values for the job. */
    private static final Set<String> OWN_KEYS = Set.of("apiVersion", "kind", "name", "profiles");

    private final Supplier<Schemas> schemas;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    /**
     * A profile read and checked on its own, and its values as a layer (without its own keys); {@code document}
     * and {@code layer} are null when it could not be read.
     */
    private record Loaded(MapNode document, MapNode layer, Problems problems) {
    }

    public Profiles(Supplier<Schemas> schemas) {
        this.schemas = schemas;
    }

    /** The values of the profiles a list names, in the order they apply, without their own keys. */
    public List<MapNode> layers(Node list, ProfileCatalog catalog, Problems problems) {
        List<MapNode> layers = new ArrayList<>();
        expand(list, catalog, problems, new ArrayDeque<>(), new HashSet<>(), layers);
        return layers;
    }

    /** A profile on its own: its schema, the sizes it gives, and a name that is its file's. */
    public void check(MapNode document, String fileName, Problems problems) {
        Quantities.check(schemas.get().validate(Schemas.Kind.PROFILE, document, problems), problems);
        if (document.get("name") instanceof Scalar name && !name.text().equals(fileName)) {
            problems.error(name.origin(), "the profile is named '" + name.text() + "' but its file is '" + fileName
                    + ".yaml'", "jobs find a profile by its file name: make them the same");
        }
    }

    private void expand(Node list, ProfileCatalog catalog, Problems problems, Deque<String> chain, Set<String> done,
                        List<MapNode> out) {
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
                Collections.reverse(cycle);
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
                String closest = Suggestions.closest(name, catalog.names());
                problems.error(item.origin(), "unknown profile '" + name + "'", (closest != null
                        ? "did you mean '" + closest + "'? " : "") + "known: " + String.join(", ", catalog.names()));
                continue;
            }
            Loaded profile = loaded.computeIfAbsent(source.location(), key -> load(source));
            problems.addAll(profile.problems());
            if (profile.document() == null) {
                continue;
            }
            chain.push(name);
            expand(profile.document().get("profiles"), catalog, problems, chain, done, out);
            chain.pop();
            out.add(profile.layer());
        }
    }

    private Loaded load(ProfileSource source) {
        Problems problems = new Problems();
        MapNode document = null;
        try {
            document = source.builtin() ? YamlLoader.loadMapping(source.location(), source.read(), problems)
                    : YamlLoader.loadMapping(source.path(), source.location(), problems);
        } catch (IOException e) {
            problems.error(Origin.of(source.location()), "cannot read the profile: " + e.getMessage());
        }
        if (document != null) {
            check(document, source.name(), problems);
        }
        if (document == null || problems.hasErrors()) {
            return new Loaded(null, null, problems);
        }
        Map<String, Node> values = new LinkedHashMap<>(document.entries());
        values.keySet().removeAll(OWN_KEYS);
        return new Loaded(document, new MapNode(document.origin(), values), problems);
    }
}
