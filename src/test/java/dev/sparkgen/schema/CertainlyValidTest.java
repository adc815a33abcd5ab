package dev.sparkgen.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.SparkGen;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.source.YamlLoader;
import dev.sparkgen.testing.Corpus;
import dev.sparkgen.testing.SparkGenCli;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Schemas#validate} asks networknt only about the documents its own check cannot find valid. That check
 * must never find valid a document networknt finds an error in (else an error goes unreported), and it must find
 * valid the ordinary ones (else every job pays for networknt again). Compared here over every job and profile of
 * the repository (examples, profiles, test resources), a generated corpus, the jobs as merged with their profiles,
 * and thousands of seeded random mutations of them.
 */
class CertainlyValidTest {

    private static final Path ROOT = SparkGenCli.ROOT;

    /** A document and the kind of file it is. */
    private record Doc(String name, Schemas.Kind kind, MapNode node) {
    }

    private static final Schemas SCHEMAS = Schemas.load();
    /** The ordinary documents: examples, profiles, the corpus, each job also as merged with its profiles. */
    private static final List<Doc> ORDINARY = new ArrayList<>();
    /** Every document of the repository, valid or not, and the ordinary ones. */
    private static final List<Doc> ALL = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException, InterruptedException {
        Path corpus = Corpus.path();
        List<Path> profileDirs = new ArrayList<>(List.of(ROOT.resolve("profiles")));
        List<Path> jobs = new ArrayList<>(Corpus.yamlFiles(ROOT.resolve("examples")));
        profileDirs.add(corpus.resolve("profiles"));
        jobs.addAll(Corpus.yamlFiles(corpus.resolve("jobs")));
        for (Path dir : profileDirs) {
            for (Path profile : Corpus.yamlFiles(dir)) {
                ORDINARY.add(doc(profile));
            }
        }
        SparkGen sparkGen = new SparkGen(ROOT);
        for (Path job : jobs) {
            ORDINARY.add(doc(job));
            List<Path> dirs = job.startsWith(corpus) ? List.of(corpus.resolve("profiles"))
                    : List.of(ROOT.resolve("profiles"));
            SparkGen.JobResult merged = sparkGen.load(job, job.toString(), new SparkGen.Options(dirs, List.of()));
            assertTrue(merged.ok(), job + ": " + merged.problems());
            ORDINARY.add(new Doc(job + " (merged)", Schemas.Kind.JOB, merged.values()));
        }
        ALL.addAll(ORDINARY);
        for (Path file : Corpus.yamlFiles(ROOT.resolve("src/test/resources"))) {
            Doc doc = doc(file);
            if (doc != null) {
                ALL.add(doc);
            }
        }
        assertTrue(ORDINARY.size() >= 2000, "too few documents: " + ORDINARY.size());
    }

    /** A file's document, of the kind its {@code kind} says; null when it is no mapping. */
    private static Doc doc(Path file) throws IOException {
        MapNode node = YamlLoader.loadMapping(file.toString(), Files.readAllBytes(file), new Problems());
        if (node == null) {
            return null;
        }
        boolean profile = node.get("kind") instanceof Scalar kind && "Profile".equals(kind.value());
        return new Doc(file.toString(), profile ? Schemas.Kind.PROFILE : Schemas.Kind.JOB, node);
    }

    /** Whether the check found the document valid; fails when networknt finds an error in it all the same. */
    private static boolean compare(Doc doc, String what) {
        boolean fast = SCHEMAS.certainlyValid(doc.kind(), doc.node());
        if (fast) {
            Problems problems = new Problems();
            MapNode written = SCHEMAS.validate(doc.kind(), doc.node(), problems);
            assertEquals(List.of(), problems.all(), doc.name() + " " + what);
            List<String> errors = SCHEMAS.errors(doc.kind(), written).stream().map(e -> e.getInstanceLocation() + " "
                    + e.getKeyword() + " " + e.getMessage()).toList();
            assertEquals(List.of(), errors, "the check finds valid what networknt does not: " + doc.name() + " " + what);
        }
        return fast;
    }

    @Test
    void everyExampleProfileAndCorpusJob_isFoundValidByTheCheck_soNetworkntIsNotAsked() {
        List<String> slow = new ArrayList<>();
        for (Doc doc : ORDINARY) {
            if (!compare(doc, "")) {
                slow.add(doc.name());
            }
        }
        assertEquals(List.of(), slow, "these ordinary documents go to networknt");
    }

    @Test
    void validatingOrdinaryJobs_neverCompilesNetworkntsSchema() {
        Schemas schemas = Schemas.load();
        for (Doc doc : ORDINARY) {
            Problems problems = new Problems();
            schemas.validate(doc.kind(), doc.node(), problems);
            assertEquals(List.of(), problems.all(), doc.name());
        }
        assertTrue(!schemas.compiled(), "networknt's schema was compiled for valid documents");
    }

    @Test
    void everyFileOfTheRepository_theCheckFindsValidOnlyWhatNetworkntDoes() {
        for (Doc doc : ALL) {
            compare(doc, "");
        }
    }

    /**
     * Thousands of documents a little wrong, or a little odd: a value of another type, an odd string or number, a
     * key added, dropped or renamed, a list item twice, an empty list, a list where a mapping is. Some are valid,
     * most not; the check must find valid only what networknt does, and must find some valid. 6,000 in the build;
     * {@code -Dspark-gen.mutations=N} tries more (120,000 on 2 December 2026: none found valid wrongly).
     */
    @Test
    void seededMutations_theCheckFindsValidOnlyWhatNetworkntDoes() {
        int valid = 0;
        int unsure = 0;
        int tries = Integer.getInteger("spark-gen.mutations", 6000);
        for (int seed = 0; seed < tries; seed++) {
            Random random = new Random(seed);
            Doc base = ALL.get(random.nextInt(ALL.size()));
            MapNode node = base.node();
            StringBuilder what = new StringBuilder("seed " + seed + ":");
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                node = (MapNode) mutate(node, random, what);
            }
            Doc doc = new Doc(base.name(), base.kind(), node);
            if (compare(doc, what.toString())) {
                valid++;
            } else if (networkntFindsValid(doc)) {
                unsure++;
            }
        }
        System.err.println("CertainlyValidTest: of " + tries + " mutations, " + valid + " found valid by the check, "
                + unsure + " more by networknt only");
        assertTrue(valid > tries / 20 && valid < tries * 3 / 4, "the check found " + valid + " of " + tries
                + " mutations valid: the mutations test too little");
    }

    private static boolean networkntFindsValid(Doc doc) {
        // networknt must take any document without throwing: .inf or .nan in an enum once did (Json.NonFinite)
        return SCHEMAS.errors(doc.kind(), SCHEMAS.validate(doc.kind(), doc.node(), new Problems())).isEmpty();
    }

    // ---------------------------------------------------------------- mutations

    /** The node with one node inside it (or itself) changed, and what changed appended to {@code what}. */
    private static Node mutate(Node node, Random random, StringBuilder what) {
        List<Node> all = new ArrayList<>();
        collect(node, all);
        Node target = all.get(random.nextInt(all.size()));
        Node changed = change(target, random, all);
        if (target == node && !(changed instanceof MapNode)) {
            return node; // a document is a mapping
        }
        what.append(" ").append(target.origin()).append(" -> ").append(changed instanceof Scalar s ? "'" + s.text()
                + "' (" + (s.value() == null ? "null" : s.value().getClass().getSimpleName()) + ")" : changed);
        return replace(node, target, changed);
    }

    private static void collect(Node node, List<Node> all) {
        all.add(node);
        if (node instanceof MapNode map) {
            map.entries().values().forEach(v -> collect(v, all));
        } else if (node instanceof ListNode list) {
            list.items().forEach(v -> collect(v, all));
        }
    }

    private static Node replace(Node node, Node target, Node changed) {
        if (node == target) {
            return changed;
        }
        if (node instanceof MapNode map) {
            Map<String, Node> entries = new LinkedHashMap<>();
            map.entries().forEach((k, v) -> entries.put(k, replace(v, target, changed)));
            return new MapNode(map.origin(), entries);
        }
        if (node instanceof ListNode list) {
            return new ListNode(list.origin(), list.items().stream().map(v -> replace(v, target, changed)).toList());
        }
        return node;
    }

    private static final String[] KEYS = {"zzz", "name", "spark.x", "bad key", "1abc", "Name", "values", "a/b/c",
            "example.com/team", "-x", "valueFrom", "secretName", "path", "quantity", "spark.", "x\n", "é"};

    private static Node change(Node node, Random random, List<Node> all) {
        if (node instanceof MapNode map && random.nextInt(3) > 0) {
            Map<String, Node> entries = new LinkedHashMap<>(map.entries());
            List<String> keys = new ArrayList<>(entries.keySet());
            switch (random.nextInt(4)) {
                case 0 -> entries.put(KEYS[random.nextInt(KEYS.length)], oddScalar(node, random));
                case 1 -> {
                    if (!keys.isEmpty()) {
                        entries.remove(keys.get(random.nextInt(keys.size())));
                    }
                }
                case 2 -> {
                    if (!keys.isEmpty()) {
                        String key = keys.get(random.nextInt(keys.size()));
                        Node value = entries.remove(key);
                        entries.put(KEYS[random.nextInt(KEYS.length)], value);
                    }
                }
                default -> {
                    return new ListNode(map.origin(), new ArrayList<>(map.entries().values()));
                }
            }
            return new MapNode(map.origin(), entries);
        }
        if (node instanceof ListNode list && random.nextInt(3) > 0) {
            List<Node> items = new ArrayList<>(list.items());
            switch (random.nextInt(4)) {
                case 0 -> items.clear();
                case 1 -> {
                    if (!items.isEmpty()) {
                        items.add(items.get(random.nextInt(items.size())));
                    }
                }
                case 2 -> items.add(oddScalar(node, random));
                default -> {
                    return new MapNode(list.origin(), Map.of("a", node));
                }
            }
            return new ListNode(list.origin(), items);
        }
        if (node instanceof Scalar scalar && scalar.isString() && random.nextBoolean()) {
            String text = scalar.text();
            String changed = switch (random.nextInt(9)) {
                case 0 -> text + " x";
                case 1 -> text + "\n";
                case 2 -> text.toUpperCase(java.util.Locale.ROOT);
                case 3 -> "-" + text;
                case 4 -> text + "-";
                case 5 -> text.repeat(1 + random.nextInt(40));
                case 6 -> "\uD83D\uDE00".repeat(30 + random.nextInt(40)); // 2 chars, 1 code point each
                case 7 -> text.isEmpty() ? text : text.substring(0, random.nextInt(text.length()));
                default -> text + "." + text;
            };
            return Scalar.string(scalar.origin(), changed);
        }
        if (random.nextInt(4) == 0) {
            return all.get(random.nextInt(all.size())); // another value of the document, of whatever type
        }
        return oddScalar(node, random);
    }

    private static Scalar oddScalar(Node at, Random random) {
        Object[] values = {"x", "", " ", "a b", "abc\n", "ABC", "é", "1", "12", "1.5", "true", "null", "spark.x",
                "0.5", "500m", "2g", "2G", "4Gi", "/abs/path", "rel/path", "a".repeat(64), "a".repeat(254),
                "a".repeat(320), "Always", "SparkJob", "Profile", "spark-gen/v1",
                0L, 1L, -1L, 7L, 2L, 30000L, 32767L, 32768L, 65535L, 65536L, 2147483647L, 2147483648L,
                Long.MAX_VALUE, Long.MIN_VALUE, new BigInteger("99999999999999999999"),
                new BigInteger("-99999999999999999999"), 1.0, 2.5, -0.0, 1e300, Double.NaN,
                Double.POSITIVE_INFINITY, true, false, null};
        Object value = values[random.nextInt(values.length)];
        String text = value == null ? "null" : value instanceof Double d && d.isNaN() ? ".nan"
                : value instanceof Double d && d.isInfinite() ? ".inf" : String.valueOf(value);
        return new Scalar(at.origin(), text, value);
    }
}
