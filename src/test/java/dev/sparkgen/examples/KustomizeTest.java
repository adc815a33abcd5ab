package dev.sparkgen.examples;

import static dev.sparkgen.testing.KubeYaml.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sparkgen.testing.KubeYaml;
import dev.sparkgen.testing.Kubectl;
import dev.sparkgen.testing.RenderedApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kubectl kustomize out/<stem>} (what {@code kubectl apply -k} runs) builds every example, and yields exactly
 * the objects of the files its kustomization lists, unchanged: no object lost, added, renamed or altered.
 */
class KustomizeTest {

    private static final List<String> MANIFESTS = List.of("configmap.yaml", "driver-svc.yaml", "ui-svc.yaml");

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void kustomization_ofEachExample_listsTheAppsManifestsOnceEach(String stem) {
        List<String> listed = RenderedApp.listedFiles(RenderedApp.OUT.resolve(stem));

        assertTrue(listed.containsAll(MANIFESTS), stem + " lists " + listed);
        assertEquals(1, listed.stream().filter(RenderedApp.DRIVER_FILES::contains).count(),
                stem + " lists one driver (Pod, Job or CronJob): " + listed);
        assertEquals(listed.stream().distinct().toList(), listed, stem + " lists a file twice");
        listed.forEach(file -> assertTrue(Files.isRegularFile(RenderedApp.OUT.resolve(stem).resolve(file)),
                stem + " lists " + file + ", which is not there"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void kubectlKustomize_ofEachExample_yieldsExactlyTheObjectsOfItsListedFiles(String stem, @TempDir Path scratch) {
        RenderedApp app = RenderedApp.load(stem);

        List<Map<String, Object>> built = KubeYaml.parseAll(Kubectl.kustomize(app.dir(), scratch));

        assertEquals(byIdentity(app.objects()).keySet(), byIdentity(built).keySet(), stem + ": kinds, namespaces, names");
        assertEquals(byIdentity(app.objects()), byIdentity(built), stem + ": the objects, field by field");
    }

    /** Objects by {@code kind namespace/name}, which must be unique. */
    private static Map<String, Map<String, Object>> byIdentity(List<Map<String, Object>> objects) {
        Map<String, Map<String, Object>> byIdentity = new TreeMap<>();
        for (Map<String, Object> object : objects) {
            String identity = object.get("kind") + " " + string(object, "metadata", "namespace") + "/"
                    + string(object, "metadata", "name");
            if (byIdentity.put(identity, object) != null) {
                fail("two objects are " + identity);
            }
        }
        return byIdentity;
    }
}
