package dev.sparkgen.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.model.Binder;
import dev.sparkgen.model.Derive;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.testing.Jobs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of {@link Rules}, each asserting the whole line a user sees, its {@code FILE:LINE:COLUMN}
 * included. {@link Jobs#MINIMAL} takes lines 1 to 5, so the values a test adds start on line 6.
 */
class RulesTest {

    private static List<String> check(String yaml) {
        MapNode document = Jobs.document(yaml);
        Problems problems = new Problems();
        Rules.check(Derive.app(Binder.bind(document, Jobs.DEFAULTS)), document, problems,
                KubeVersion.DEFAULT);
        return Jobs.lines(problems.all());
    }

    /** Problems of {@link Jobs#MINIMAL} plus {@code more}. */
    private static List<String> checkMinimal(String more) {
        return check(Jobs.MINIMAL + more);
    }

    @Test
    void check_minimalJob_hasNoProblems() {
        assertEquals(List.of(), checkMinimal(""));
        assertEquals(List.of(), check(Jobs.SCALA));
    }

    // ---------------------------------------------------------------- app name

    @Test
    void appName_longerThan47_isAnErrorWithTheDerivedNameItsLengthAndTheLimit() {
        String name = "a".repeat(39);
        List<String> problems = check(Jobs.MINIMAL.replace("name: pi", "name: " + name)
                + "priorityClassName: routine\nnameSuffix: -x\n");

        assertEquals(List.of("job.yaml:3:1: the app name '" + name + "-routine-x' (name '" + name
                + "' + '-routine' + '-x') is 49 characters long, more than 47 — it is the executor pod name prefix, "
                + "which Spark 3.3 limits to 47 characters: shorten name, priorityClassName or nameSuffix"), problems);
    }

    @Test
    void appName_of47Characters_isAccepted() {
        assertEquals(List.of(), check(Jobs.MINIMAL.replace("name: pi", "name: " + "a".repeat(39))
                + "priorityClassName: routine\n"));
    }

    // ---------------------------------------------------------------- Spark version and type

    @Test
    void sparkVersion_before30_isAnError() {
        assertEquals(List.of("job.yaml:6:1: Spark 2.4.8 is not supported — spark-gen writes for Spark 3.0 and later "
                + "(pod templates came with 3.0)"), checkMinimal("sparkVersion: 2.4.8\n"));
    }

    @Test
    void jvmType_withoutMainClass_isAnErrorAtTheMainFile() {
        String yaml = Jobs.SCALA.replace("mainClass: org.apache.spark.examples.SparkPi\n", "");

        assertEquals(List.of("job.yaml:5:1: a Scala application needs 'mainClass' — e.g. mainClass: "
                + "org.apache.spark.examples.SparkPi"), check(yaml));
    }

    @Test
    void jvmType_setExplicitlyWithoutMainClass_isAnErrorAtTheType() {
        assertEquals(List.of("job.yaml:6:1: a Java application needs 'mainClass' — e.g. mainClass: "
                + "org.apache.spark.examples.SparkPi"), checkMinimal("type: Java\n"));
    }

    @Test
    void mainClass_forAPythonJob_isIgnoredWithAWarning() {
        assertEquals(List.of("job.yaml:6:1: warning: 'mainClass' is ignored for a Python application — remove it, "
                + "or set 'type' if the main file is a jar"), checkMinimal("mainClass: a.B\n"));
    }

    // ---------------------------------------------------------------- sparkConf

    @Test
    void sparkConf_keyDerivedBySparkGen_isAnErrorThatSaysWhy() {
        assertEquals(List.of("job.yaml:7:3: sparkConf key 'spark.driver.host' is set by spark-gen — it is the headless "
                + "driver service spark-gen writes (with a CronJob's Replace, the driver pod's own IP)"), checkMinimal("sparkConf:\n  spark.driver.host: x\n"));
    }

    @Test
    void sparkConf_overheadFactor_isAnErrorThatNamesTheOverheadFields() {
        assertEquals(List.of("job.yaml:6:13: sparkConf key 'spark.kubernetes.memoryOverheadFactor' is set by spark-gen "
                + "— the overhead follows Spark's rule for the job's type; set 'executor.memoryOverhead' or "
                + "'driver.memoryOverhead' instead"), checkMinimal("sparkConf: {spark.kubernetes.memoryOverheadFactor: 0.2}\n"));
    }

    @Test
    void sparkConf_keyDuplicatingAField_isAnErrorThatNamesTheField() {
        assertEquals(List.of("job.yaml:8:3: sparkConf key 'spark.executor.instances' duplicates a field — set "
                + "'executor.instances' instead"), checkMinimal("sparkConf:\n  spark.eventLog.enabled: true\n"
                + "  spark.executor.instances: 4\n"));
    }

    @Test
    void sparkConf_keyInAFieldsFamily_isAnErrorThatNamesTheField() {
        assertEquals(List.of("job.yaml:7:3: sparkConf key 'spark.hadoop.fs.defaultFS' duplicates a field — set "
                + "'hadoopConf' instead"), checkMinimal("sparkConf:\n  spark.hadoop.fs.defaultFS: hdfs://nn\n"));
    }

    @Test
    void sparkConf_valueWithLeadingOrTrailingBlanks_isAWarning() {
        assertEquals(List.of("job.yaml:7:3: warning: sparkConf value of 'spark.x' starts or ends with blanks — Spark "
                + "trims property values, so they are lost"), checkMinimal("sparkConf:\n  spark.x: ' a'\n"));
    }

    @Test
    void hadoopConf_valueWithTrailingBlanks_isAWarning() {
        assertEquals(List.of("job.yaml:7:3: warning: hadoopConf value of 'fs.x' starts or ends with blanks — Spark "
                + "trims property values, so they are lost"), checkMinimal("hadoopConf:\n  fs.x: \"a\\t\"\n"));
    }

    @Test
    void sparkConf_valueWithASparkReference_isAWarning() {
        List<String> problems = checkMinimal("sparkConf:\n  spark.a: ${env:HOME}/x\n  spark.b: ${system:user.name}\n"
                + "  spark.c: ${spark.app.name}\n  spark.d: ${other}\n  spark.e: $HOME\n");

        assertEquals(List.of(
                "job.yaml:7:3: warning: sparkConf value of 'spark.a' holds a ${...} reference — Spark replaces "
                        + "${env:X}, ${system:X} and ${spark.x} in property values when it reads them",
                "job.yaml:8:3: warning: sparkConf value of 'spark.b' holds a ${...} reference — Spark replaces "
                        + "${env:X}, ${system:X} and ${spark.x} in property values when it reads them",
                "job.yaml:9:3: warning: sparkConf value of 'spark.c' holds a ${...} reference — Spark replaces "
                        + "${env:X}, ${system:X} and ${spark.x} in property values when it reads them"), problems);
    }

    // ---------------------------------------------------------------- labels and env

    @Test
    void labels_setBySparkGen_areErrors() {
        List<String> problems = checkMinimal("driver:\n  labels:\n    app-name: x\n    spark-role: x\n"
                + "executor:\n  labels:\n    app.kubernetes.io/component: x\n    app.kubernetes.io/managed-by: x\n");
        String hint = " — the services select the driver by app-name and spark-role; choose another key";

        assertEquals(List.of(
                "job.yaml:8:5: label 'app-name' is set by spark-gen" + hint,
                "job.yaml:9:5: label 'spark-role' is set by spark-gen" + hint,
                "job.yaml:12:5: label 'app.kubernetes.io/component' is set by spark-gen" + hint,
                "job.yaml:13:5: label 'app.kubernetes.io/managed-by' is set by spark-gen" + hint), problems);
    }

    @Test
    void labels_setBySpark_areErrors() {
        assertEquals(List.of("job.yaml:8:5: label 'spark-app-selector' is set by Spark on its pods — choose another key"),
                checkMinimal("executor:\n  labels:\n    spark-app-selector: x\n"));
    }

    @Test
    void driverEnv_setBySparkGen_isAnError() {
        List<String> problems = checkMinimal("driver:\n  env:\n    SPARK_HOME: /x\n    SPARK_LOCAL_DIRS: /y\n    MINE: z\n");

        assertEquals(List.of("job.yaml:8:5: driver env 'SPARK_HOME' is set by spark-gen — set 'sparkHome' instead",
                "job.yaml:9:5: driver env 'SPARK_LOCAL_DIRS' is set by spark-gen — choose another name"), problems);
    }

    @Test
    void executorEnv_setBySpark_isAnError() {
        assertEquals(List.of("job.yaml:8:5: executor env 'SPARK_EXECUTOR_ID' is set by Spark — Spark sets it in every "
                + "executor; choose another name"), checkMinimal("executor:\n  env:\n    SPARK_EXECUTOR_ID: x\n"));
    }

    // ---------------------------------------------------------------- ports

    @Test
    void ports_blockManagerEqualToRpc_isAnErrorAtTheBlockManagerPort() {
        assertEquals(List.of("job.yaml:8:3: driver.blockManagerPort is driver.port (5000) — the driver listens on both: "
                + "give them different ports"), checkMinimal("driver:\n  port: 5000\n  blockManagerPort: 5000\n"));
    }

    @Test
    void ports_uiEqualToADriverPort_isAnErrorAtTheUiPort() {
        assertEquals(List.of("job.yaml:7:3: ui.port 7079 is also a driver port — the driver listens on all three: give "
                + "them different ports"), checkMinimal("ui:\n  port: 7079\n"));
    }

    @Test
    void ports_writtenPortCollidingWithADefault_isReportedAtTheWrittenKey() {
        assertEquals(List.of("job.yaml:7:3: driver.blockManagerPort is driver.port (7079) — the driver listens on both: "
                + "give them different ports"), checkMinimal("driver:\n  port: 7079\n"));
        assertEquals("job.yaml:7:3", checkMinimal("driver:\n  port: 4040\n").get(0).substring(0, 12));
    }

    // ---------------------------------------------------------------- memory

    @Test
    void executorHeap_under450m_isAnError() {
        assertEquals(List.of("job.yaml:7:3: executor.memory 449m is less than Spark's minimum of 450m — Spark refuses "
                + "to start such an executor"), checkMinimal("executor:\n  memory: 449m\n"));
        assertEquals(List.of(), checkMinimal("executor:\n  memory: 450m\n"));
    }

    @Test
    void driverHeap_under512m_isAnError() {
        assertEquals(List.of("job.yaml:7:3: driver.memory 511m is less than 512m — Spark refuses to start with a heap "
                + "under about 450 MiB"), checkMinimal("driver:\n  memory: 511m\n"));
        assertEquals(List.of(), checkMinimal("driver:\n  memory: 512m\n"));
    }

    // ---------------------------------------------------------------- UI service and Ingress

    @Test
    void nodePort_withoutNodePortType_isAnError() {
        assertEquals(List.of("job.yaml:8:5: ui.service.nodePort needs ui.service.type NodePort"),
                checkMinimal("ui:\n  service:\n    nodePort: 30080\n"));
    }

    @Test
    void tls_withoutHost_isAnError() {
        assertEquals(List.of("job.yaml:8:5: TLS needs a host — set 'ui.ingress.host'"),
                checkMinimal("ui:\n  ingress:\n    tls: {secretName: cert}\n"));
    }

    @Test
    void tls_withoutHost_isNoErrorWhenTheIngressIsDisabled() {
        assertEquals(List.of(), checkMinimal("ui:\n  ingress:\n    enabled: false\n    tls: {secretName: cert}\n"));
    }

    @Test
    void nodePort_withPathRouting_isAWarning() {
        assertEquals(List.of("job.yaml:8:5: warning: the UI is served under the path /pi, so through the node port its "
                + "links (which carry that path) break — set 'ui.ingress.host' for host-based routing, or use the "
                + "Ingress only"), checkMinimal("ui:\n  service:\n    type: NodePort\n"));
    }

    @Test
    void nodePort_withHostRouting_isFine() {
        assertEquals(List.of(), checkMinimal("ui:\n  service: {type: NodePort}\n  ingress: {host: spark.example.com}\n"));
    }

    @Test
    void rewriteTargetAnnotation_withPathRouting_isAnError() {
        assertEquals(List.of("job.yaml:9:7: annotation 'nginx.ingress.kubernetes.io/rewrite-target' is set by spark-gen "
                + "— path-based routing rewrites to the UI's root (/$2)"),
                checkMinimal("ui:\n  ingress:\n    annotations:\n      nginx.ingress.kubernetes.io/rewrite-target: /\n"));
    }

    @Test
    void rewriteTargetAnnotation_withHostRouting_isAllowed() {
        assertEquals(List.of(), checkMinimal("ui:\n  ingress:\n    host: spark.example.com\n    annotations:\n"
                + "      nginx.ingress.kubernetes.io/rewrite-target: /\n"));
    }

    @Test
    void ingressClassAnnotation_isAnErrorThatNamesTheField() {
        assertEquals(List.of("job.yaml:9:7: annotation 'kubernetes.io/ingress.class' is set by spark-gen — set "
                + "'ui.ingress.className'"),
                checkMinimal("ui:\n  ingress:\n    annotations:\n      kubernetes.io/ingress.class: nginx\n"));
    }

    // ---------------------------------------------------------------- CPU, restarts, dynamic allocation

    @Test
    void coreLimit_underTheRequest_isAnErrorAtTheLimit() {
        assertEquals(List.of("job.yaml:8:3: executor.coreLimit 1500m is less than the CPU the pod requests, 2 — "
                + "Kubernetes refuses such a pod: raise coreLimit, or lower cores"),
                checkMinimal("executor:\n  cores: 2\n  coreLimit: 1500m\n"));
        assertEquals(List.of(), checkMinimal("executor:\n  cores: 2\n  coreLimit: 2000m\n"));
    }

    @Test
    void restartPolicyOnFailure_warnsAboutTheFormerAttemptsExecutors() {
        List<String> problems = checkMinimal("restartPolicy: OnFailure\n");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("job.yaml:6:1: warning: with restartPolicy OnFailure, a restarted "
                + "driver creates executors named pi-exec-1... again"), problems.get(0));
    }

    @Test
    void dynamicAllocationSettingsWithoutAField_areFreeInSparkConf() {
        assertEquals(List.of(), checkMinimal("sparkConf:\n  spark.dynamicAllocation.executorIdleTimeout: 120s\n"));
        assertEquals(List.of("job.yaml:7:3: sparkConf key 'spark.dynamicAllocation.maxExecutors' duplicates a field "
                + "— set 'dynamicAllocation.maxExecutors' instead"),
                checkMinimal("sparkConf:\n  spark.dynamicAllocation.maxExecutors: 4\n"));
    }

    // ---------------------------------------------------------------- the cheap passes before a regex

    @Test
    void propertyKeySyntax_plainKeys_areThoseTheRegexFindsNothingIn() {
        java.util.regex.Pattern outside = java.util.regex.Pattern.compile("[^A-Za-z0-9._\\-/*]");
        for (char c = 0; c < 0x3000; c++) {
            String key = "spark.a" + c + "b";
            assertEquals(!outside.matcher(key).find(), PropertyKeySyntax.plain(key), "character " + (int) c);
        }
    }

    @Test
    void sparkConf_keysOutsideSparkKubernetes_areNoClusterModeProperty_exceptTheDriversGpuVendor() {
        assertEquals(null, ClusterModeProperties.instead("spark.kubernetes"));
        assertEquals(null, ClusterModeProperties.instead("spark.driver.service.x"));
        assertTrue(ClusterModeProperties.instead("spark.kubernetes.driver.service.x") != null);
        assertTrue(ClusterModeProperties.instead("spark.driver.resource.gpu.vendor") != null);
    }

    @Test
    void sparkConf_valueOfBlanksOnlyOrWithAControlCharacterAtAnEnd_isAWarning_andAnEmptyOneIsNot() {
        String warning = "warning: sparkConf value of 'spark.x' starts or ends with blanks";
        assertTrue(checkMinimal("sparkConf:\n  spark.x: '  '\n").get(0).contains(warning));
        assertTrue(checkMinimal("sparkConf:\n  spark.x: \"a\\u0001\"\n").get(0).contains(warning));
        assertEquals(List.of(), checkMinimal("sparkConf:\n  spark.x: ''\n  spark.y: a b\n"));
    }
}
