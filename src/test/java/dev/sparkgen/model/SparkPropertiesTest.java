package dev.sparkgen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sparkgen.testing.Jobs;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** What {@code spark-defaults.conf} holds for a job, and which properties name a field. */
class SparkPropertiesTest {

    private static SortedMap<String, String> defaults(String more) {
        return Jobs.app(more).sparkDefaults();
    }

    @Test
    void defaults_alwaysHoldTheDerivedPropertiesConsistentWithTheObjects() {
        SortedMap<String, String> p = defaults("namespace: spark-jobs\nnameSuffix: -x\ndriver: {port: 5678}\n");

        assertEquals("client", p.get("spark.submit.deployMode"));
        assertEquals("spark-jobs", p.get("spark.kubernetes.namespace"));
        assertEquals("pi-x-driver", p.get("spark.kubernetes.driver.pod.name"));
        assertEquals("pi-x-driver-svc.spark-jobs.svc", p.get("spark.driver.host"));
        assertEquals("5678", p.get("spark.driver.port"));
        assertEquals("7079", p.get("spark.driver.blockManager.port"));
        assertEquals("pi-x", p.get("spark.kubernetes.executor.podNamePrefix"));
        assertEquals("/etc/spark/conf/executor-pod-template.yaml", p.get("spark.kubernetes.executor.podTemplateFile"));
        assertEquals("pi-x", p.get("spark.app.name"));
        assertEquals("4040", p.get("spark.ui.port"));
    }

    @Test
    void defaults_sizingAndImage_comeFromTheirFields() {
        SortedMap<String, String> p = defaults("imagePullPolicy: Always\nimagePullSecrets: [a, b]\n"
                + "executor: {instances: 5, cores: 2, memory: 3g, memoryOverhead: 1g, coreLimit: 2500m}\n"
                + "driver: {memory: 2g}\n");

        assertEquals("apache/spark:3.5.1", p.get("spark.kubernetes.container.image"));
        assertEquals("Always", p.get("spark.kubernetes.container.image.pullPolicy"));
        assertEquals("a,b", p.get("spark.kubernetes.container.image.pullSecrets"));
        assertEquals("5", p.get("spark.executor.instances"));
        assertEquals("2", p.get("spark.executor.cores"));
        assertEquals("3g", p.get("spark.executor.memory"));
        assertEquals("1g", p.get("spark.executor.memoryOverhead"));
        assertEquals("2500m", p.get("spark.kubernetes.executor.limit.cores"));
        assertEquals("2g", p.get("spark.driver.memory"));
    }

    @Test
    void defaults_withoutOptionalFields_leaveTheirPropertiesOut() {
        SortedMap<String, String> p = defaults("");

        for (String key : new String[] {"spark.executor.memoryOverhead", "spark.kubernetes.executor.limit.cores",
            "spark.kubernetes.container.image.pullSecrets", "spark.jars", "spark.files", "spark.submit.pyFiles",
            "spark.jars.packages", "spark.jars.repositories", "spark.jars.excludes", "spark.jars.ivy"}) {
            assertFalse(p.containsKey(key), key);
        }
    }

    @Test
    void master_defaultsToTheInClusterApiServer_andSparkConfMayOverrideIt() {
        assertEquals("k8s://https://kubernetes.default.svc", defaults("").get("spark.master"));
        assertEquals("k8s://https://api:6443", defaults("sparkConf: {spark.master: 'k8s://https://api:6443'}\n")
                .get("spark.master"));
    }

    // ---------------------------------------------------------------- memory overhead factor by Spark version

    @Test
    void overheadFactor_pythonBeforeSpark33_isTheKubernetesProperty() {
        SortedMap<String, String> p = defaults("sparkVersion: 3.0.1\n");

        assertEquals("0.4", p.get("spark.kubernetes.memoryOverheadFactor"));
        assertFalse(p.containsKey("spark.executor.memoryOverheadFactor"));
    }

    @Test
    void overheadFactor_pythonJustBeforeSpark33_isStillTheKubernetesProperty() {
        assertEquals("0.4", defaults("sparkVersion: 3.2.4\n").get("spark.kubernetes.memoryOverheadFactor"));
    }

    @Test
    void overheadFactor_pythonFromSpark33_isTheExecutorProperty() {
        SortedMap<String, String> p = defaults("sparkVersion: 3.3.0\n");

        assertEquals("0.4", p.get("spark.executor.memoryOverheadFactor"));
        assertFalse(p.containsKey("spark.kubernetes.memoryOverheadFactor"));
    }

    @Test
    void overheadFactor_rJob_isWrittenToo() {
        assertEquals("0.4", defaults("type: R\n").get("spark.executor.memoryOverheadFactor"));
    }

    @Test
    void overheadFactor_jvmJob_isLeftToSparksDefault() {
        SortedMap<String, String> p = Jobs.appOf(Jobs.SCALA + "sparkVersion: 3.0.1\n").sparkDefaults();

        assertFalse(p.containsKey("spark.kubernetes.memoryOverheadFactor"));
        assertFalse(p.containsKey("spark.executor.memoryOverheadFactor"));
    }

    // ---------------------------------------------------------------- UI behind the Ingress

    @Test
    void proxy_pathRouting_setsProxyBaseAndARelativeRedirect() {
        SortedMap<String, String> p = defaults("");

        assertEquals("/pi", p.get("spark.ui.proxyBase"));
        assertEquals("/", p.get("spark.ui.proxyRedirectUri"));
    }

    @Test
    void proxy_givenPath_isTheProxyBase() {
        assertEquals("/team/pi", defaults("ui: {ingress: {path: /team/pi}}\n").get("spark.ui.proxyBase"));
    }

    @Test
    void proxy_hostRouting_setsNeither() {
        SortedMap<String, String> p = defaults("ui: {ingress: {host: spark.example.com}}\n");

        assertNull(p.get("spark.ui.proxyBase"));
        assertNull(p.get("spark.ui.proxyRedirectUri"));
    }

    @Test
    void proxy_hostWithTls_redirectsToTheHttpsOrigin() {
        SortedMap<String, String> p = defaults("ui: {ingress: {host: spark.example.com, tls: {secretName: cert}}}\n");

        assertNull(p.get("spark.ui.proxyBase"));
        assertEquals("https://spark.example.com", p.get("spark.ui.proxyRedirectUri"));
    }

    @Test
    void proxy_ingressDisabled_setsNeither() {
        SortedMap<String, String> p = defaults("ui: {ingress: {enabled: false, host: spark.example.com, "
                + "tls: {secretName: cert}}}\n");

        assertNull(p.get("spark.ui.proxyBase"));
        assertNull(p.get("spark.ui.proxyRedirectUri"));
    }

    // ---------------------------------------------------------------- dependencies and other maps

    @Test
    void deps_listsAreJoinedWithCommas() {
        SortedMap<String, String> p = defaults("deps: {jars: [a.jar, b.jar], files: [f], pyFiles: [x.zip, y.py], "
                + "packages: ['g:a:1', 'g:b:2'], repositories: ['https://r'], excludePackages: ['g:c']}\n");

        assertEquals("a.jar,b.jar", p.get("spark.jars"));
        assertEquals("f", p.get("spark.files"));
        assertEquals("x.zip,y.py", p.get("spark.submit.pyFiles"));
        assertEquals("g:a:1,g:b:2", p.get("spark.jars.packages"));
        assertEquals("https://r", p.get("spark.jars.repositories"));
        assertEquals("g:c", p.get("spark.jars.excludes"));
    }

    @Test
    void ivy_isSetOnlyWithPackages() {
        assertEquals("/var/data/ivy", defaults("deps: {packages: ['g:a:1']}\n").get("spark.jars.ivy"));
        assertNull(defaults("deps: {jars: [a.jar]}\n").get("spark.jars.ivy"));
    }

    @Test
    void hadoopConf_isWrittenAsSparkHadoopProperties() {
        SortedMap<String, String> p = defaults("hadoopConf: {fs.s3a.endpoint: 'http://minio:9000'}\n");

        assertEquals("http://minio:9000", p.get("spark.hadoop.fs.s3a.endpoint"));
        assertFalse(p.containsKey("fs.s3a.endpoint"));
    }

    @Test
    void sparkConf_valuesAreCopiedAsWritten() {
        assertEquals("0777", defaults("sparkConf: {spark.x: 0777}\n").get("spark.x"));
    }

    // ---------------------------------------------------------------- which field a property belongs to

    @Test
    void fieldOf_propertyOfAField_namesIt() {
        assertEquals("executor.instances", SparkProperties.fieldOf("spark.executor.instances"));
        assertEquals("executor.image", SparkProperties.fieldOf("spark.kubernetes.executor.container.image"));
        assertEquals("deps.packages", SparkProperties.fieldOf("spark.jars.packages"));
    }

    @Test
    void fieldOf_propertyInAFamilyOfAField_namesIt() {
        assertEquals("hadoopConf", SparkProperties.fieldOf("spark.hadoop.fs.defaultFS"));
        assertEquals("executor.env", SparkProperties.fieldOf("spark.executorEnv.JAVA_HOME"));
        assertEquals("driver.labels", SparkProperties.fieldOf("spark.kubernetes.driver.label.team"));
    }

    @Test
    void fieldOf_otherProperty_isNull() {
        assertNull(SparkProperties.fieldOf("spark.eventLog.enabled"));
        assertNull(SparkProperties.fieldOf("spark.master"));
    }

    @Test
    void derived_everyDerivedProperty_hasAReason() {
        SparkProperties.DERIVED.forEach((key, reason) -> assertFalse(reason.isBlank(), key));
    }
}
