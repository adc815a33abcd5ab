package dev.sparkgen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.SparkGen;
import dev.sparkgen.model.App;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.source.YamlLoader;
import dev.sparkgen.testing.SparkGenCli;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The self-check holds a render's output to the view it was rendered from: a wrong value, a key at the wrong
 * place, or output its own reader declines (read then by the full loader) is caught, never written.
 */
class SelfCheckTest {

    private static final String SOURCE = "secure-etl.yaml";

    private String source;
    private App app;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> inner = new LinkedHashMap<>();

    SelfCheckTest() {
        load(SOURCE);
    }

    /** The example {@code source}, rendered: the files the check is given. */
    private void load(String source, String... sets) {
        this.source = source;
        SparkGen gen = new SparkGen(SparkGenCli.ROOT);
        app = gen.load(SparkGenCli.ROOT.resolve("examples").resolve(source), "examples/" + source,
                new SparkGen.Options(List.of(), List.of(sets))).app();
        files.clear();
        files.putAll(gen.render(app, KubeVersion.DEFAULT, source).files());
        files.remove(Rendered.README);
        MapNode configMap = (MapNode) YamlLoader.load("configmap.yaml", files.get("configmap.yaml"), 0, 0,
                new Problems());
        inner.clear();
        ((MapNode) configMap.get("data")).entries().forEach((k, v) -> inner.put(k, ((Scalar) v).text()));
    }

    private void verify() {
        SelfCheck.verify(app, View.of(app, KubeVersion.DEFAULT, source), inner, files);
    }

    private void assertCaught(String what) {
        IllegalStateException e = assertThrows(IllegalStateException.class, this::verify);
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    private void change(String file, UnaryOperator<String> edit) {
        String before = files.get(file);
        String after = edit.apply(before);
        assertNotEquals(before, after, "the test's edit must change " + file);
        files.put(file, after);
    }

    @Test
    void theOutputAsRendered_passes() {
        verify();
    }

    @Test
    void aChangedValue_isCaught() {
        change("driver-pod.yaml", t -> t.replace("image: apache/spark:3.5.3", "image: apache/spark:3.5.4"));
        IllegalStateException e = assertThrows(IllegalStateException.class, this::verify);
        assertTrue(e.getMessage().contains("driver image"), e.getMessage());
    }

    @Test
    void aKeyAtTheWrongIndentation_isCaught() {
        change("driver-svc.yaml", t -> t.replaceFirst("\n    app-name: ", "\n  app-name: "));
        assertThrows(IllegalStateException.class, this::verify);
    }

    @Test
    void anEnvValueNotEscapedForKubernetes_isCaught() {
        change("driver-pod.yaml", t -> t.replace("value: production", "value: $(HOME)"));
        assertThrows(IllegalStateException.class, this::verify);
    }

    /** YAML the fast reader declines goes to the full loader, which reads it and the check still compares. */
    @Test
    void outputTheFastReaderDeclines_isStillChecked() {
        change("ui-svc.yaml", t -> t.replace("kind: Service", "kind: Service # a comment"));
        verify();
        change("driver-pod.yaml", t -> t.replace("image: apache/spark:3.5.3", "image: 'apache/spark:3.5.4'"));
        IllegalStateException e = assertThrows(IllegalStateException.class, this::verify);
        assertTrue(e.getMessage().contains("driver image"), e.getMessage());
    }

    @Test
    void aDuplicateKey_isCaught() {
        change("driver-svc.yaml", t -> t.replace("kind: Service", "kind: Service\nkind: Service"));
        IllegalStateException e = assertThrows(IllegalStateException.class, this::verify);
        assertTrue(e.getMessage().contains("does not parse back"), e.getMessage());
    }

    /** A value whose text is as intended but that YAML reads as a boolean or a number: not the intended string. */
    @Test
    void aValueReadAsOtherThanAString_isCaught() {
        load("monitored-stream.yaml");
        verify();
        change("driver-pod.yaml", t -> t.replace("prometheus.io/scrape: \"true\"", "prometheus.io/scrape: true"));
        assertCaught("not a string");
        load("monitored-stream.yaml");
        change("driver-pod.yaml", t -> t.replace("prometheus.io/port: \"8090\"", "prometheus.io/port: 8090"));
        assertCaught("not a string");
        load("monitored-stream.yaml");
        change("driver-pod.yaml", t -> t.replace("prometheus.io/port: \"8090\"", "prometheus.io/port: 8090.0"));
        assertCaught("not a string");
    }

    /** The ConfigMap's files are compared whole: even a comment line the other checks do not read. */
    @Test
    void aChangedLineOfAConfigMapFile_isCaught() {
        change("configmap.yaml", t -> t.replace("    # Sourced by spark-submit", "    # sourced by spark-submit"));
        assertCaught("configmap data");
    }

    /**
     * A ConfigMap file rendered wrong as spark-submit reads it, though as the ConfigMap holds it: its reader
     * (java.util.Properties, or bash's words) finds what the file-by-file comparison cannot.
     */
    @Test
    void aConfigMapFileWrongForItsReader_isCaught() {
        change("configmap.yaml", t -> t.replace("\n    spark.app.name ", "\n    spark.app.name x"));
        inner.put("spark-defaults.conf", inner.get("spark-defaults.conf").replace("\nspark.app.name ",
                "\nspark.app.name x"));
        assertCaught("rendered spark-defaults.conf");
        load(SOURCE);
        change("configmap.yaml", t -> t.replace("    #!/usr/bin/env bash\n", "    #!/usr/bin/env bash\n    export X=1\n"));
        inner.put("spark-env.sh", inner.get("spark-env.sh").replace("#!/usr/bin/env bash\n",
                "#!/usr/bin/env bash\nexport X=1\n"));
        assertCaught("rendered spark-env.sh");
    }

    @Test
    void aDocumentTooManyOrTooFew_isCaught() {
        change("podgroup.yaml", t -> t + "---\n" + t);
        assertCaught("podgroup.yaml documents");
        load(SOURCE);
        change("rbac.yaml", t -> t.substring(0, t.lastIndexOf("\n---\n") + 1));
        assertCaught("rbac.yaml documents");
    }

    /** A key moved out of its list item ("- name: ..." then the item's other keys under the name) is caught. */
    @Test
    void aKeyOutOfItsListItem_isCaught() {
        change("driver-pod.yaml", t -> t.replace("    - name: RUN_ENV\n      value: production",
                "    - name: RUN_ENV\n    - value: production"));
        assertThrows(IllegalStateException.class, this::verify);
        load(SOURCE);
        change("driver-pod.yaml", t -> t.replace("    - name: RUN_ENV\n      value: production",
                "    - name: RUN_ENV\n     value: production"));
        assertThrows(IllegalStateException.class, this::verify);
    }

    private void assertMessage(String message) {
        IllegalStateException e = assertThrows(IllegalStateException.class, this::verify);
        assertEquals(message, e.getMessage());
    }

    /**
     * A failing check names the file or item it read and both values, whole: each breakage below is caught by the
     * check that builds its name from a file, an env var or an argument's index, with today's message.
     */
    @Test
    void aFailingCheck_namesWhatItReadExactly() {
        change("podgroup.yaml", t -> t.replace("namespace: finance", "namespace: other"));
        assertMessage("self-check: rendered podgroup.yaml namespace is other, intended finance");
        load(SOURCE);
        change("podgroup.yaml", t -> t + "---\n" + t);
        assertMessage("self-check: rendered podgroup.yaml documents is 2, intended 1");
        load(SOURCE);
        change("rbac.yaml", t -> t.replace("kind: Role\n", "kind: Rolex\n"));
        assertMessage("self-check: rendered rbac.yaml kind is rbac.authorization.k8s.io/v1 Rolex, intended "
                + "rbac.authorization.k8s.io/v1 Role");
        load(SOURCE);
        change("networkpolicy.yaml", t -> t.replace("    app-name: secure-etl-routine\n",
                "    app-name: other\n"));
        assertMessage("self-check: rendered networkpolicy.yaml labels is {app.kubernetes.io/managed-by=spark-gen, "
                + "app.kubernetes.io/name=secure-etl, app.kubernetes.io/instance=secure-etl-routine, app-name=other}, "
                + "intended {app-name=secure-etl-routine, app.kubernetes.io/instance=secure-etl-routine, "
                + "app.kubernetes.io/managed-by=spark-gen, app.kubernetes.io/name=secure-etl}");
        load(SOURCE);
        change("ui-svc.yaml", t -> t.replace("name: secure-etl-routine-ui-svc", "name: other"));
        assertMessage("self-check: rendered ui-svc.yaml name is other, intended secure-etl-routine-ui-svc");
        load(SOURCE);
        change("driver-svc.yaml", t -> t.replace("apiVersion: v1", "apiVersion: v2"));
        assertMessage("self-check: rendered driver-svc.yaml apiVersion is v2, intended v1");
        load(SOURCE);
        change("driver-svc.yaml", t -> t.replace("kind: Service", "kind: Services"));
        assertMessage("self-check: rendered driver-svc.yaml kind is Services, intended Service");
        load(SOURCE);
        change("driver-svc.yaml", t -> t.replace("namespace: finance", "namespace: other"));
        assertMessage("self-check: rendered driver-svc.yaml namespace is other, intended finance");
        load(SOURCE);
        change("driver-pod.yaml", t -> t.replace("value: production", "value: staging"));
        assertMessage("self-check: rendered driver env RUN_ENV is staging, intended production");
        load(SOURCE);
        change("driver-pod.yaml", t -> t.replace("    - --conf\n", "    - --confx\n"));
        assertMessage("self-check: rendered driver arg 1 is --confx, intended --conf");
    }

    /**
     * A value that is not the intended string is named whole, the same whichever reader read the file: spark-gen's
     * own, or the full loader it leaves a file to (here for a comment after the changed value).
     */
    @Test
    void aValueThatIsNotAString_isNamedTheSameByEitherReader() {
        for (String comment : List.of("", " # the fast reader declines this file")) {
            load("monitored-stream.yaml");
            change("driver-pod.yaml", t -> t.replace("prometheus.io/port: \"8090\"", "prometheus.io/port: 8090"
                    + comment));
            assertMessage("rendered value is not a string: the number 8090");
            load("monitored-stream.yaml");
            change("driver-pod.yaml", t -> t.replace("prometheus.io/scrape: \"true\"", "prometheus.io/scrape: true"
                    + comment));
            assertMessage("rendered value is not a string: the boolean true");
            load("monitored-stream.yaml");
            change("driver-pod.yaml", t -> t.replace("  namespace: streaming\n", "  namespace:" + comment + "\n"));
            assertMessage("rendered value is not a string: null");
            load("monitored-stream.yaml");
            change("driver-pod.yaml", t -> t.replace("    image: registry.example.com/spark/clicks:1.4.2\n",
                    "    image:" + comment + "\n      a: b\n"));
            assertMessage("rendered value is not a string: a mapping");
            load("monitored-stream.yaml");
            change("driver-pod.yaml", t -> t.replace("    image: registry.example.com/spark/clicks:1.4.2\n",
                    "    image:" + comment + "\n    - b\n"));
            assertMessage("rendered value is not a string: a list");
            load("monitored-stream.yaml");
            change("driver-pod.yaml", t -> t.replace("    image: registry.example.com/spark/clicks:1.4.2\n",
                    "    imagex: x" + comment + "\n"));
            assertMessage("rendered value is not a string: missing");
        }
    }

    /**
     * Values Kubernetes expands ($$ and $(VAR)) are compared as it expands them: the output, escaped, passes only
     * when read back through the expansion, and the same value left unescaped is caught.
     */
    @Test
    void aValueKubernetesWouldExpand_isComparedExpanded() {
        load(SOURCE, "driver.env.RUN_ENV=$(SPARK_NAMESPACE) costs $$5", "arguments=[--tag, $(SPARK_HOME)$$]");
        verify();
        change("driver-pod.yaml", t -> t.replace("value: \"$$(SPARK_NAMESPACE) costs $$$$5\"",
                "value: \"$(SPARK_NAMESPACE) costs $$5\""));
        assertMessage("self-check: rendered driver env RUN_ENV is <runtime> costs $5, intended $(SPARK_NAMESPACE) "
                + "costs $$5");
        load(SOURCE, "driver.env.RUN_ENV=$(SPARK_NAMESPACE) costs $$5", "arguments=[--tag, $(SPARK_HOME)$$]");
        change("driver-pod.yaml", t -> t.replace("- \"$$(SPARK_HOME)$$$$\"\n", "- \"$(SPARK_HOME)$$\"\n"));
        assertMessage("self-check: rendered driver arg 9 is /opt/spark$, intended $(SPARK_HOME)$$");
    }
}
