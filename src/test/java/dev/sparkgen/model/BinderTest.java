package dev.sparkgen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.Jobs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The defaults a job gets for every field it leaves out, as the contract's table lists them. */
class BinderTest {

    private static SparkJob bind(String yaml) {
        return Binder.bind(Jobs.document(yaml), Jobs.DEFAULTS);
    }

    @Test
    void bind_takesEveryDefaultFromTheSchema_andHasNoneOfItsOwn() {
        java.util.Map<String, Object> defaults = new java.util.HashMap<>(Jobs.DEFAULTS);
        defaults.put("namespace", "from-the-schema");
        defaults.put("driver.port", 9999);
        defaults.put("ui.ingress.className", "traefik");

        SparkJob job = Binder.bind(Jobs.document(Jobs.MINIMAL), defaults);

        assertEquals("from-the-schema", job.namespace());
        assertEquals(9999, job.driver().port());
        assertEquals("traefik", job.ui().ingress().className());
    }

    @Test
    void bind_aFieldTheSchemaGivesNoDefault_isABugNotASilentValue() {
        java.util.Map<String, Object> defaults = new java.util.HashMap<>(Jobs.DEFAULTS);
        defaults.remove("sparkHome");

        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Binder.bind(Jobs.document(Jobs.MINIMAL), defaults));

        assertEquals("the job schema gives sparkHome no default", e.getMessage());
    }

    @Test
    void bind_minimalJob_getsTheContractsDefaults() {
        SparkJob job = bind(Jobs.MINIMAL);

        assertEquals("default", job.namespace());
        assertEquals(SparkVersion.NEWEST, job.sparkVersion());
        assertEquals(List.of(), job.profiles());
        assertNull(job.priorityClassName());
        assertEquals("", job.nameSuffix());
        assertNull(job.schedulerName());
        assertNull(job.serviceAccountName());
        assertEquals("IfNotPresent", job.imagePullPolicy());
        assertEquals(List.of(), job.imagePullSecrets());
        assertEquals("/opt/spark", job.sparkHome());
        assertNull(job.mainClass());
        assertEquals(List.of(), job.arguments());
        assertEquals("Never", job.restartPolicy());
        assertTrue(job.sparkConf().isEmpty() && job.hadoopConf().isEmpty() && job.sparkEnv().isEmpty());
    }

    @Test
    void bind_minimalJob_getsSparksDefaultPortsAndSizes() {
        SparkJob job = bind(Jobs.MINIMAL);

        assertEquals(7078, job.driver().port());
        assertEquals(7079, job.driver().blockManagerPort());
        assertEquals(2, job.executor().instances());
        assertFalse(job.executor().instancesGiven(), "under dynamic allocation Spark starts from its own numbers");
        for (Role role : List.of(job.driver().role(), job.executor().role())) {
            assertEquals(1, role.cores());
            assertNull(role.coreLimit());
            assertEquals(new Memory("1g", 1024), role.memory());
            assertNull(role.memoryOverhead());
            assertNull(role.nodeAffinity());
            assertTrue(role.labels().isEmpty() && role.annotations().isEmpty()
                    && role.container().env().isEmpty());
        }
    }

    @Test
    void bind_minimalJob_getsTheUiDefaults() {
        Ui ui = bind(Jobs.MINIMAL).ui();

        assertEquals(4040, ui.port());
        assertEquals("ClusterIP", ui.serviceType());
        assertNull(ui.nodePort());
        assertTrue(ui.ingress().enabled());
        assertEquals("nginx", ui.ingress().className());
        assertNull(ui.ingress().host());
        assertNull(ui.ingress().path());
        assertNull(ui.ingress().tlsSecretName());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"local:///opt/app/main.py, PYTHON", "local:///opt/app/MAIN.PY, PYTHON", "local:///opt/app/main.R, R",
        "local:///opt/app/main.r, R", "local:///opt/app/app.jar, SCALA", "s3a://bucket/app, SCALA"})
    void bind_withoutType_takesTheTypeFromTheMainFilesExtension(String file, AppType type) {
        SparkJob job = bind("apiVersion: spark-gen/v1\nkind: SparkJob\nname: pi\nimage: x\nmainApplicationFile: " + file + "\n");

        assertEquals(type, job.type());
    }

    @Test
    void bind_explicitType_winsOverTheExtension() {
        assertEquals(AppType.JAVA, bind(Jobs.MINIMAL + "type: Java\n").type());
    }

    @Test
    void bind_nodeAffinityWithoutKey_defaultsTheKeyToType() {
        NodeAffinity affinity = bind(Jobs.MINIMAL + "executor: {nodeAffinity: {values: [compute]}}\n")
                .executor().role().nodeAffinity();

        assertEquals(new NodeAffinity("type", List.of("compute")), affinity);
    }

    @Test
    void bind_numbersAndBooleansInTextFields_keepTheirTextAsWritten() {
        SparkJob job = bind(Jobs.MINIMAL + "arguments: [10, 0777, 1e3, true]\nsparkConf: {spark.x: 0x1F}\n"
                + "sparkEnv: {A: 1.50}\n");

        assertEquals(List.of("10", "0777", "1e3", "true"), job.arguments());
        assertEquals(Map.of("spark.x", "0x1F"), job.sparkConf());
        assertEquals(Map.of("A", "1.50"), job.sparkEnv());
    }

    @Test
    void bind_sparkVersionWithoutPatch_readsPatchZero() {
        assertEquals(new SparkVersion(3, 3, 0), bind(Jobs.MINIMAL + "sparkVersion: '3.3'\n").sparkVersion());
    }

    @Test
    void memory_sizes_roundDownToWholeMebibytesAsSparkDoes() {
        assertEquals(1, Memory.parse("1536k").mebibytes());
        assertEquals(512, Memory.parse("512mb").mebibytes());
        assertEquals(2048, Memory.parse("2G").mebibytes());
        assertEquals(1024 * 1024, Memory.parse("1t").mebibytes());
    }
}
