package dev.sparkgen.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where profiles are found. In order of precedence, the first that has a name wins: each {@code --profiles-dir}
 * (the last given first), {@code profiles/} beside the job file, {@code ./profiles}, and the profiles built
 * into the jar. A profile is a file {@code NAME.yaml} in one of these directories.
 */
public final class ProfileCatalog {

    private static final String SUFFIX = ".yaml";
    private static List<ProfileSource> builtins;

    /** Every profile found, by name, each list in order of precedence (the winner first). */
    private final Map<String, List<ProfileSource>> byName = new TreeMap<>();
    private final List<String> searched = new ArrayList<>();

    private ProfileCatalog() {
    }

    /**
     * The catalog for a job: {@code explicit} the directories given on the command line, {@code jobDir} the job
     * file's directory (null for none), both as given (relative to {@code cwd}, the working directory), which
     * is how messages show them.
     */
    public static ProfileCatalog of(List<Path> explicit, Path jobDir, Path cwd) {
        ProfileCatalog catalog = new ProfileCatalog();
        Map<Path, Path> dirs = new LinkedHashMap<>();
        for (int i = explicit.size() - 1; i >= 0; i--) {
            dirs.putIfAbsent(key(cwd.resolve(explicit.get(i))), explicit.get(i));
        }
        if (jobDir != null) {
            Path beside = jobDir.resolve("profiles");
            dirs.putIfAbsent(key(cwd.resolve(beside)), beside);
        }
        dirs.putIfAbsent(key(cwd.resolve("profiles")), Path.of("profiles"));
        dirs.forEach((actual, shown) -> catalog.scan(actual, shown));
        catalog.searched.add("the profiles built into spark-gen");
        return catalog;
    }

    private static Path key(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }

    private void scan(Path dir, Path shown) {
        searched.add(shown.toString());
        if (!Files.isDirectory(dir)) {
            return;
        }
        TreeSet<Path> files = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            name = name.substring(0, name.length() - SUFFIX.length());
            byName.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(new ProfileSource(name, shown.resolve(file.getFileName()).toString(), file));
        }
    }

    /** The profile of this name that wins, or null. */
    public ProfileSource find(String name) {
        List<ProfileSource> sources = byName.get(name);
        if (sources != null) {
            return sources.get(0);
        }
        String resource = "profiles/" + name + SUFFIX;
        return ProfileCatalog.class.getClassLoader().getResource(resource) == null ? null
                : new ProfileSource(name, ProfileSource.BUILTIN + resource, null);
    }

    /** Every name found, sorted. */
    public List<String> names() {
        return new ArrayList<>(all().keySet());
    }

    /** Every profile found, by name, the winner first and the ones it shadows after it. */
    public Map<String, List<ProfileSource>> all() {
        Map<String, List<ProfileSource>> all = new TreeMap<>();
        byName.forEach((name, sources) -> all.put(name, new ArrayList<>(sources)));
        for (ProfileSource source : builtins()) {
            all.computeIfAbsent(source.name(), k -> new ArrayList<>()).add(source);
        }
        return all;
    }

    /** The places searched, in order of precedence, for messages. */
    public List<String> searched() {
        return searched;
    }

    /** The profiles in the jar: listed from the jar (or the classes directory, in tests). */
    private static synchronized List<ProfileSource> builtins() {
        if (builtins != null) {
            return builtins;
        }
        List<ProfileSource> found = new ArrayList<>();
        try {
            Path location = Path.of(ProfileCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            TreeSet<String> names = new TreeSet<>();
            if (Files.isDirectory(location)) {
                Path dir = location.resolve("profiles");
                if (Files.isDirectory(dir)) {
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
                        entries.forEach(p -> names.add(p.getFileName().toString()));
                    }
                }
            } else {
                try (ZipFile zip = new ZipFile(location.toFile())) {
                    zip.stream().map(ZipEntry::getName)
                            .filter(n -> n.startsWith("profiles/") && n.endsWith(SUFFIX) && n.indexOf('/', 9) < 0)
                            .forEach(n -> names.add(n.substring(9)));
                }
            }
            for (String file : names) {
                String name = file.substring(0, file.length() - SUFFIX.length());
                found.add(new ProfileSource(name, ProfileSource.BUILTIN + "profiles/" + file, null));
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the built-in profiles", e);
        }
        builtins = List.copyOf(found);
        return builtins;
    }
}
