package dev.sparkgen.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.SparkGen;
import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.source.YamlLoader;
import dev.sparkgen.testing.Jobs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per rule of {@link Merger}'s doc comment, and the layer order the library feeds it. */
class MergerTest {

    private static MapNode layer(String file, String yaml) {
        Problems problems = new Problems();
        MapNode map = YamlLoader.loadMapping(file, yaml.getBytes(StandardCharsets.UTF_8), problems);
        assertTrue(problems.isEmpty(), () -> problems.all().toString());
        return map;
    }

    private static MapNode merge(MapNode... layers) {
        return Merger.merge(Origin.of("merged"), List.of(layers));
    }

    private static String text(MapNode map, String... path) {
        return ((Scalar) map.find(path)).text();
    }

    @Test
    void merge_mappingOverMapping_mergesKeyByKeyRecursively() {
        MapNode merged = merge(
                layer("a.yaml", "driver: {cores: 2, nodeAffinity: {key: type, values: [driver]}}\n"),
                layer("b.yaml", "driver: {memory: 2g, nodeAffinity: {key: pool}}\n"));

        assertEquals("2", text(merged, "driver", "cores"));
        assertEquals("2g", text(merged, "driver", "memory"));
        assertEquals("pool", text(merged, "driver", "nodeAffinity", "key"));
        assertInstanceOf(ListNode.class, merged.find("driver", "nodeAffinity", "values"));
    }

    @Test
    void merge_listOverList_replacesTheListWhole() {
        MapNode merged = merge(layer("a.yaml", "arguments: [a, b, c]\n"), layer("b.yaml", "arguments: [z]\n"));

        ListNode arguments = (ListNode) merged.get("arguments");
        assertEquals(List.of("z"), arguments.items().stream().map(n -> ((Scalar) n).text()).toList());
    }

    @Test
    void merge_setListIndex_mergesIntoThatItem_appendsAtTheLength_andNullRemovesIt() {
        MapNode base = layer("a.yaml", "arguments: [a, b]\ndriver: {tolerations: [{key: k, value: v}]}\n");

        MapNode merged = merge(base, set("driver.tolerations[0].value=gpu"), set("arguments[2]=c"),
                set("arguments[0]=null"));

        MapNode toleration = (MapNode) ((ListNode) merged.find("driver", "tolerations")).items().get(0);
        assertEquals("k", text(toleration, "key"));
        assertEquals("gpu", text(toleration, "value"));
        assertEquals(List.of("b", "c"), ((ListNode) merged.get("arguments")).items().stream()
                .map(n -> ((Scalar) n).text()).toList());
    }

    @Test
    void merge_setListIndexPastTheEnd_isAProblemAtTheSet_andLeavesTheList() {
        Problems problems = new Problems();
        MapNode merged = Merger.merge(Origin.of("merged"), List.of(layer("a.yaml", "arguments: [a]\n"),
                set("arguments[5]=x")), problems);

        assertEquals(List.of("--set:1:10: 'arguments' has 1 item (a.yaml:1:1), so [5] is out of range — change one "
                + "with arguments[0] to [0], or add one with arguments[1]"), Jobs.lines(problems.all()));
        assertEquals(1, ((ListNode) merged.get("arguments")).items().size());
    }

    @Test
    void merge_setListIndexUnderAMappingNothingHolds_makesTheListAndThePathInItsProblem() {
        // a --set mapping placed where nothing was is merged over nothing, so its [N] still picks an item
        MapNode merged = merge(layer("a.yaml", "name: pi\n"), set("driver.tolerations[0].key=gpu"));

        ListNode tolerations = (ListNode) merged.find("driver", "tolerations");
        assertEquals(1, tolerations.items().size());
        assertEquals("gpu", text((MapNode) tolerations.items().get(0), "key"));

        Problems problems = new Problems();
        Merger.merge(Origin.of("merged"), List.of(layer("a.yaml", "name: pi\n"), set("driver.tolerations[1].key=x")),
                problems);
        assertEquals(List.of("--set:1:19: 'driver.tolerations' is not set, so [1] is out of range — add the first "
                + "item with driver.tolerations[0]"), Jobs.lines(problems.all()));
    }

    @Test
    void merge_filesMappingPlacedWhereNothingWas_isTheNodeItselfWhenItHoldsNoNull() {
        MapNode job = layer("b.yaml", "driver: {cores: 2, labels: {team: a}}\nexecutor: {cores: 1, labels: ~}\n");

        MapNode merged = merge(layer("a.yaml", "name: pi\n"), job);

        assertTrue(merged.get("driver") == job.get("driver"), "no copy of a mapping without nulls");
        assertEquals(List.of("cores"), List.copyOf(((MapNode) merged.get("executor")).entries().keySet()));
    }

    private static MapNode set(String argument) {
        Problems problems = new Problems();
        MapNode layer = SetOverride.parse(argument, 1, problems);
        assertTrue(problems.isEmpty(), () -> problems.all().toString());
        return layer;
    }

    @Test
    void merge_scalarOverScalar_replacesIt() {
        MapNode merged = merge(layer("a.yaml", "namespace: one\n"), layer("b.yaml", "namespace: two\n"));

        assertEquals("two", text(merged, "namespace"));
    }

    @Test
    void merge_mappingOverScalar_replacesTheScalar() {
        MapNode merged = merge(layer("a.yaml", "ui: off\n"), layer("b.yaml", "ui: {port: 4041}\n"));

        assertEquals("4041", text(merged, "ui", "port"));
    }

    @Test
    void merge_scalarOrListOverMapping_replacesTheMapping() {
        MapNode merged = merge(layer("a.yaml", "ui: {port: 4041}\ndeps: {jars: [x]}\n"),
                layer("b.yaml", "ui: 3\ndeps: [y]\n"));

        assertEquals("3", text(merged, "ui"));
        assertInstanceOf(ListNode.class, merged.get("deps"));
    }

    @Test
    void merge_explicitNull_removesTheInheritedScalar() {
        MapNode merged = merge(layer("p.yaml", "schedulerName: volcano\n"), layer("job.yaml", "schedulerName: null\n"));

        assertFalse(merged.entries().containsKey("schedulerName"));
    }

    @Test
    void merge_explicitNull_removesAWholeInheritedMapping() {
        MapNode merged = merge(layer("p.yaml", "driver: {nodeAffinity: {values: [driver]}, cores: 2}\n"),
                layer("job.yaml", "driver: {nodeAffinity: ~}\n"));

        assertNull(merged.find("driver", "nodeAffinity"));
        assertEquals("2", text(merged, "driver", "cores"));
    }

    @Test
    void merge_tildeAndEmptyValues_removeLikeNull() {
        MapNode merged = merge(layer("p.yaml", "schedulerName: volcano\npriorityClassName: routine\n"),
                layer("job.yaml", "schedulerName: ~\npriorityClassName:\n"));

        assertTrue(merged.entries().isEmpty(), merged.entries()::toString);
    }

    @Test
    void merge_quotedNull_isAStringAndRemovesNothing() {
        MapNode merged = merge(layer("p.yaml", "nameSuffix: -x\n"), layer("job.yaml", "nameSuffix: 'null'\n"));

        assertEquals("null", ((Scalar) merged.get("nameSuffix")).value());
    }

    @Test
    void merge_nullWithNothingUnderIt_isDropped() {
        MapNode merged = merge(layer("job.yaml", "schedulerName: null\nname: pi\n"));

        assertFalse(merged.entries().containsKey("schedulerName"));
        assertEquals("pi", text(merged, "name"));
    }

    @Test
    void merge_nestedNullsPlacedWhereNothingWas_areDropped() {
        MapNode merged = merge(layer("p.yaml", "name: pi\n"),
                layer("job.yaml", "driver: {labels: {team: null, tier: gold}, env: {A: ~}}\n"));

        assertEquals(List.of("tier"), List.copyOf(((MapNode) merged.find("driver", "labels")).entries().keySet()));
        assertTrue(((MapNode) merged.find("driver", "env")).entries().isEmpty());
    }

    @Test
    void merge_nestedNullsPlacedOverAScalar_areDropped() {
        MapNode merged = merge(layer("p.yaml", "ui: 3\n"), layer("job.yaml", "ui: {port: null, service: {type: NodePort}}\n"));

        assertEquals(List.of("service"), List.copyOf(((MapNode) merged.get("ui")).entries().keySet()));
    }

    @Test
    void merge_nullsInAListsMappings_areDropped_andTheItemsAroundThemKeptInOrder() {
        MapNode merged = merge(layer("p.yaml", "name: pi\n"), layer("job.yaml",
                "driver: {secrets: [{name: a, path: /a}, {name: b, path: null, secretType: ~}, {name: c}]}\n"));

        List<Node> secrets = ((ListNode) merged.find("driver", "secrets")).items();
        assertEquals(List.of(List.of("name", "path"), List.of("name"), List.of("name")),
                secrets.stream().map(item -> List.copyOf(((MapNode) item).entries().keySet())).toList());
        assertEquals(List.of("a", "b", "c"), secrets.stream().map(item -> text((MapNode) item, "name")).toList());
    }

    @Test
    void merge_nullListItem_isKeptForTheSchemaToReport() {
        // Dropping an item would shift the arguments after it; the schema refuses the null instead.
        MapNode merged = merge(layer("job.yaml", "arguments: [a, null, b]\n"));

        ListNode arguments = (ListNode) merged.get("arguments");
        assertEquals(3, arguments.items().size());
        assertTrue(((Scalar) arguments.items().get(1)).isNull());
    }

    @Test
    void merge_everyLeaf_keepsTheOriginOfTheLayerThatWroteIt() {
        MapNode merged = merge(
                layer("p.yaml", "driver:\n  cores: 2\n  memory: 1g\n"),
                layer("job.yaml", "name: pi\ndriver:\n  memory: 2g\n"));

        assertEquals(new Origin("p.yaml", 2, 3), merged.find("driver", "cores").origin());
        assertEquals(new Origin("job.yaml", 3, 3), merged.find("driver", "memory").origin());
        assertEquals(new Origin("job.yaml", 1, 1), merged.find("name").origin());
    }

    @Test
    void merge_mergedMapping_takesTheOriginOfTheLastLayerThatWroteIt() {
        MapNode merged = merge(
                layer("p.yaml", "driver:\n  cores: 2\n"),
                layer("job.yaml", "name: pi\n\ndriver:\n  memory: 2g\n"),
                layer("q.yaml", "namespace: x\n"));

        assertEquals(new Origin("job.yaml", 3, 1), merged.get("driver").origin());
    }

    @Test
    void merge_result_takesTheOriginItIsGiven() {
        assertEquals(Origin.of("merged"), merge(layer("a.yaml", "a: 1\n")).origin());
    }

    @Test
    void merge_laterLayers_winOverEarlierOnes() {
        MapNode merged = merge(layer("1.yaml", "namespace: one\n"), layer("2.yaml", "namespace: two\n"),
                layer("3.yaml", "namespace: three\n"));

        assertEquals("three", text(merged, "namespace"));
        assertEquals("3.yaml", merged.get("namespace").origin().file());
    }

    @Test
    void merge_layers_leaveTheirInputsUnchanged() {
        MapNode first = layer("a.yaml", "driver: {cores: 2}\nschedulerName: volcano\n");
        merge(first, layer("b.yaml", "driver: {memory: 2g}\nschedulerName: null\n"));

        assertEquals(List.of("cores"), List.copyOf(((MapNode) first.get("driver")).entries().keySet()));
        assertEquals("volcano", text(first, "schedulerName"));
    }

    @Test
    void load_appliesProfilesInOrderThenTheJobThenEachSet(@TempDir Path dir) {
        Jobs.profile(dir, "first", "apiVersion: spark-gen/v1\nkind: Profile\nname: first\n"
                + "namespace: first\nschedulerName: first\nnameSuffix: -first\npriorityClassName: first\n");
        Jobs.profile(dir, "second", "apiVersion: spark-gen/v1\nkind: Profile\nname: second\n"
                + "namespace: second\nschedulerName: second\nnameSuffix: -second\n");

        SparkGen.JobResult result = Jobs.load(dir, Jobs.MINIMAL + "profiles: [first, second]\nnamespace: job\n"
                + "schedulerName: job\n", "schedulerName=set1", "schedulerName=set2");

        assertTrue(result.ok(), () -> Jobs.lines(result.problems()).toString());
        assertEquals("first", result.app().job().priorityClassName());
        assertEquals("-second", result.app().job().nameSuffix());
        assertEquals("job", result.app().job().namespace());
        assertEquals("set2", result.app().job().schedulerName());
        Node scheduler = result.values().get("schedulerName");
        assertEquals(new Origin("--set", 2, 1), scheduler.origin());
        assertEquals(new Origin("profiles/first.yaml", 7, 1), result.values().get("priorityClassName").origin());
    }

    @Test
    void profiles_areTheJobsListAsTheSetsChangeIt_andAJobWithoutSetsKeepsItsOwn() {
        dev.sparkgen.source.MapNode job = dev.sparkgen.testing.Jobs.document("profiles: [routine, spot]\n");
        dev.sparkgen.problem.Problems problems = new dev.sparkgen.problem.Problems();
        dev.sparkgen.source.MapNode set = SetOverride.parse("profiles[1]=on-demand", 1, problems);

        dev.sparkgen.source.Node changed = Merger.profiles(job, java.util.List.of(set));

        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("routine", "on-demand"),
                ((dev.sparkgen.source.ListNode) changed).items().stream()
                        .map(n -> ((dev.sparkgen.source.Scalar) n).text()).toList());
        org.junit.jupiter.api.Assertions.assertSame(job.get("profiles"), Merger.profiles(job, java.util.List.of()));
    }
}
