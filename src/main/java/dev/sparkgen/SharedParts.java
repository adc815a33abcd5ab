package dev.sparkgen;

import dev.sparkgen.profile.ProfileCatalog;
import dev.sparkgen.profile.Profiles;
import dev.sparkgen.render.Renderer;
import dev.sparkgen.schema.Schemas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The facade's cache: what every job of a run shares, each made on first use and once whatever the threads (the
 * schemas, the profiles, the renderer, and one profile catalog per set of directories).
 */
final class SharedParts {

    private final Path cwd;
    private final Map<List<Path>, ProfileCatalog> catalogs = new ConcurrentHashMap<>();
    private final Lazy<Schemas> schemas = new Lazy<>(Schemas::load);
    private final Lazy<Profiles> profiles = new Lazy<>(() -> new Profiles(this::schemas));
    private final Lazy<Renderer> renderer = new Lazy<>(Renderer::new);

    SharedParts(Path cwd) {
        this.cwd = cwd;
    }

    /** The catalog of profiles a job in {@code dir} sees besides {@code profileDirs}, listed once per pair. */
    ProfileCatalog catalog(List<Path> profileDirs, Path dir) {
        List<Path> key = new ArrayList<>(profileDirs);
        key.add(dir);
        return catalogs.computeIfAbsent(key, k -> ProfileCatalog.of(profileDirs, dir, cwd));
    }

    Schemas schemas() {
        return schemas.get();
    }

    Profiles profiles() {
        return profiles.get();
    }

    Renderer renderer() {
        return renderer.get();
    }

    /** A value made by the first thread that asks for it; the others wait for that one. */
    private static final class Lazy<T> {

        private final Supplier<T> make;
        private volatile T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            T made = value;
            if (made == null) {
                synchronized (this) {
                    made = value;
                    if (made == null) {
                        made = make.get();
                        value = made;
                    }
                }
            }
            return made;
        }
    }
}
