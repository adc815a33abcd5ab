package dev.sparkgen.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.Jobs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message of each schema keyword, at the place its value was written: the job file, a profile, or
 * {@code --set}. {@link Jobs#MINIMAL} takes lines 1 to 5, so the values a test adds start on line 6.
 */
class SchemasTest {

    @TempDir
    Path dir;

    private List<String> problems(String yaml, String... sets) {
        return Jobs.lines(Jobs.load(dir, yaml, sets).problems());
    }

    private List<String> problemsMinimal(String more, String... sets) {
        return problems(Jobs.MINIMAL + more, sets);
    }

    private static final String PROFILE = "apiVersion: spark-gen/v1\nkind: Profile\nname: p\n";

    // ---------------------------------------------------------------- unknown keys

    @Test
    void unknownKey_closeToAKnownOne_suggestsIt() {
        assertEquals(List.of("job.yaml:7:3: unknown key 'instnces' in 'executor' — did you mean 'instances'?"),
                problemsMinimal("executor:\n  instnces: 2\n"));
    }

    @Test
    void unknownTopLevelKey_closeToAKnownOne_suggestsIt() {
        assertEquals(List.of("job.yaml:6:1: unknown key 'namespce' — did you mean 'namespace'?"),
                problemsMinimal("namespce: x\n"));
    }

    @Test
    void unknownKey_ofAnotherSection_suggestsThatSection() {
        assertEquals(List.of("job.yaml:7:3: unknown key 'instnces' in 'driver' — did you mean 'executor.instances'?"),
                problemsMinimal("driver:\n  instnces: 2\n"));
    }

    @Test
    void unknownKey_farFromEveryKnownOneOfASmallSection_listsItsKeys() {
        assertEquals(List.of("job.yaml:7:3: unknown key 'zzz' in 'ui.service' — known keys: type, nodePort, "
                + "annotations, labels"), problemsMinimal("ui:\n  service:\n    zzz: 1\n").stream()
                .map(p -> p.replace("job.yaml:8:5", "job.yaml:7:3")).toList());
    }

    @Test
    void unknownKey_farFromEveryKnownOneOfALargeSection_pointsAtTheSchema() {
        assertEquals(List.of("job.yaml:6:1: unknown key 'zzz' — 'spark-gen schema' lists the known keys"),
                problemsMinimal("zzz: 1\n"));
    }

    @Test
    void unknownKeys_areAllReported() {
        assertEquals(3, problemsMinimal("a1: 1\nui: {b2: 2, ingress: {c3: 3}}\n").size());
    }

    // ---------------------------------------------------------------- types

    // ---------------------------------------------------------------- numbers where text belongs

    /**
     * A number or boolean where the schema asks for text is read as the text written, wherever the schema says
     * so: at the top, behind a {@code $ref}, in a list's items, under {@code additionalProperties}; a Kubernetes
     * object keeps its numbers. One {@code Schemas} reads two jobs, so what it keeps of the schema serves both.
     */
    @Test
    void numbersWhereTextBelongs_areReadAsWritten_everywhereTheSchemaSaysText() {
        Schemas schemas = Schemas.load();
        for (int i = 0; i < 2; i++) {
            dev.sparkgen.problem.Problems problems = new dev.sparkgen.problem.Problems();
            dev.sparkgen.source.MapNode job = dev.sparkgen.source.YamlLoader.loadMapping("job.yaml", (Jobs.MINIMAL
                    + "sparkVersion: 3.10\nimagePullSecrets: [1, 010]\ndriver: {coreLimit: 1}\n"
                    + "batchSchedulerOptions: {resources: {cpu: 2}}\nexecutor: {cores: 2, tolerations: [{key: k, "
                    + "operator: Equal, value: 5}]}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), problems);

            dev.sparkgen.source.MapNode read = schemas.validate(Schemas.Kind.JOB, job, problems);

            assertEquals("3.10", ((dev.sparkgen.source.Scalar) read.get("sparkVersion")).value());
            assertEquals(List.of("1", "010"), ((dev.sparkgen.source.ListNode) read.get("imagePullSecrets"))
                    .items().stream().map(item -> ((dev.sparkgen.source.Scalar) item).value()).toList());
            assertEquals("1", ((dev.sparkgen.source.Scalar) read.find("driver", "coreLimit")).value());
            assertEquals("2", ((dev.sparkgen.source.Scalar) read.find("batchSchedulerOptions", "resources", "cpu"))
                    .value());
            assertEquals(2L, ((dev.sparkgen.source.Scalar) read.find("executor", "cores")).value());
            assertEquals(List.of("job.yaml:10:62: 'executor.tolerations[0].value' must be a string, not the number 5"),
                    Jobs.lines(problems.all()));
        }
    }

    @Test
    void wrongType_quotedNumber_hintsToWriteItWithoutQuotes() {
        assertEquals(List.of("job.yaml:7:3: 'executor.cores' must be an integer, not the string '2' — write it without "
                + "quotes"), problemsMinimal("executor:\n  cores: '2'\n"));
    }

    @Test
    void wrongType_yaml11Boolean_hintsThatYaml12ReadsItAsAString() {
        assertEquals(List.of("job.yaml:8:5: 'ui.ingress.enabled' must be true or false, not the string 'yes' — spark-gen "
                + "reads YAML 1.2, where 'yes' is a string: write true or false"),
                problemsMinimal("ui:\n  ingress:\n    enabled: yes\n"));
    }

    @Test
    void wrongType_quotedBoolean_hintsToWriteItWithoutQuotes() {
        assertEquals(List.of("job.yaml:8:5: 'ui.ingress.enabled' must be true or false, not the string 'true' — write it "
                + "without quotes"), problemsMinimal("ui:\n  ingress:\n    enabled: \"true\"\n"));
    }

    @Test
    void wrongType_scalarForAList_saysWhatWasFound() {
        assertEquals(List.of("job.yaml:6:1: 'arguments' must be a list, not the string 'a b'"),
                problemsMinimal("arguments: a b\n"));
    }

    @Test
    void wrongType_mappingForText_saysWhatWasFound() {
        assertEquals(List.of("job.yaml:7:3: 'sparkConf.\"spark.x\"' must be text, not a mapping"),
                problemsMinimal("sparkConf:\n  spark.x: {a: 1}\n"));
    }

    @Test
    void wrongType_insideAPassedThroughKubernetesObject_namesTheTypeWithoutNull() {
        assertEquals(List.of("job.yaml:8:5: 'executor.securityContext.runAsUser' must be an integer, not the "
                + "string 'x'"), problemsMinimal("executor:\n  securityContext:\n    runAsUser: x\n"));
    }

    @Test
    void unknownKey_insideAPassedThroughKubernetesObject_suggestsTheKubernetesField() {
        assertEquals(List.of("job.yaml:9:7: unknown key 'efect' in 'executor.tolerations[0]' — did you mean "
                + "'effect'?"), problemsMinimal("executor:\n  tolerations:\n    - key: spot\n      efect: NoSchedule\n"));
    }

    @Test
    void unknownKey_inAKubernetesObjectUnderIfThen_isReported() {
        // the list form of env: a Kubernetes definition reached through the job schema's if/then, compiled when a
        // document first reaches it
        assertEquals(List.of("job.yaml:10:7: missing required key 'key' in 'driver.env[0].valueFrom.secretKeyRef' — "
                        + "the key of the secret to select from.  Must be a valid secret key.",
                "job.yaml:10:31: unknown key 'ky' in 'driver.env[0].valueFrom.secretKeyRef' — did you mean 'key'?"),
                problemsMinimal("driver:\n  env:\n  - name: PW\n    valueFrom:\n      secretKeyRef: {name: s, ky: k}\n"));
    }

    @Test
    void validKubernetesObject_underIfThen_isValid() {
        assertEquals(List.of(), problemsMinimal("driver:\n  env:\n  - name: PW\n    valueFrom:\n"
                + "      secretKeyRef: {name: s, key: k}\n  - name: A\n    value: b\n"));
    }

    @Test
    void errors_ofAJobWithoutKubernetesObjects_areReportedWithoutTheKubernetesDefinitions() {
        assertEquals(List.of("job.yaml:7:3: unknown key 'instnces' in 'executor' — did you mean 'instances'?",
                "job.yaml:8:3: 'executor.cores' must be an integer, not the string 'x'"),
                problemsMinimal("executor:\n  instnces: 2\n  cores: x\n"));
    }

    // ---------------------------------------------------------------- enum, const, pattern, propertyNames

    @Test
    void enum_closeToAnAllowedValue_suggestsIt() {
        assertEquals(List.of("job.yaml:8:5: 'ui.service.type' must be one of ClusterIP, NodePort, not the string "
                + "'nodeport' — did you mean 'NodePort'?"), problemsMinimal("ui:\n  service:\n    type: nodeport\n"));
    }

    @Test
    void enum_farFromEveryAllowedValue_listsThem() {
        assertEquals(List.of("job.yaml:6:1: 'imagePullPolicy' must be one of Always, IfNotPresent, Never, not the "
                + "string 'Sometimes'"), problemsMinimal("imagePullPolicy: Sometimes\n"));
    }

    @Test
    void const_wrongKind_namesTheExpectedKind() {
        assertEquals(List.of("job.yaml:2:1: 'kind' must be 'SparkJob', not the string 'SparkJb'"),
                problems(Jobs.MINIMAL.replace("kind: SparkJob", "kind: SparkJb")));
    }

    @Test
    void const_wrongApiVersion_namesTheExpectedVersion() {
        assertEquals(List.of("job.yaml:1:1: 'apiVersion' must be 'spark-gen/v1', not the string 'v1'"),
                problems(Jobs.MINIMAL.replace("apiVersion: spark-gen/v1", "apiVersion: v1")));
    }

    @Test
    void pattern_invalidName_givesThePatternErrorMessage() {
        assertEquals(List.of("job.yaml:3:1: 'name' must be a DNS-1035 label: lowercase letters, digits and '-', starting "
                + "with a letter and ending with a letter or digit (found the string 'Pi')"),
                problems(Jobs.MINIMAL.replace("name: pi", "name: Pi")));
    }

    @Test
    void pattern_memoryWithoutUnit_givesThePatternErrorMessage() {
        assertEquals(List.of("job.yaml:7:3: 'driver.memory' must be a memory size with a unit, such as 512m or 2g "
                + "(found the string '512') — give a unit, as Spark reads it: 512m for mebibytes, 512g for gibibytes"),
                problemsMinimal("driver:\n  memory: '512'\n"));
    }

    @Test
    void propertyNames_sparkConfKeyNotStartingWithSpark_isReportedAtTheKey() {
        assertEquals(List.of("job.yaml:7:3: key 'foo.bar' in 'sparkConf' must start with 'spark.' and hold no spaces "
                + "(spark-submit ignores other keys)"), problemsMinimal("sparkConf:\n  foo.bar: x\n"));
    }

    @Test
    void propertyNames_envNameWithADash_isReportedAtTheKey() {
        assertEquals(List.of("job.yaml:8:5: key 'MY-VAR' in 'driver.env' must be letters, digits and '_', not starting "
                + "with a digit"), problemsMinimal("driver:\n  env:\n    MY-VAR: x\n"));
    }

    // ---------------------------------------------------------------- bounds and sizes

    @Test
    void minimum_negativeInstances_namesTheMinimum() {
        assertEquals(List.of("job.yaml:7:3: 'executor.instances' must be at least 0, not the number -1"),
                problemsMinimal("executor:\n  instances: -1\n"));
    }

    @Test
    void maximum_portAbove65535_namesTheMaximum() {
        assertEquals(List.of("job.yaml:7:3: 'ui.port' must be at most 65535, not the number 70000"),
                problemsMinimal("ui:\n  port: 70000\n"));
    }

    @Test
    void maxLength_longSuffix_givesTheLengthFound() {
        assertTrue(problemsMinimal("nameSuffix: -" + "a".repeat(46) + "\n")
                .contains("job.yaml:6:1: 'nameSuffix' must be at most 46 characters long (found 47)"));
    }

    @Test
    void minLength_emptyMainFile_saysItMustNotBeEmpty() {
        assertEquals(List.of("job.yaml:5:1: 'mainApplicationFile' must not be empty"),
                problems(Jobs.MINIMAL.replace("mainApplicationFile: local:///opt/spark/examples/src/main/python/pi.py",
                        "mainApplicationFile: ''")));
    }

    @Test
    void minItems_emptyAffinityValues_saysHowMany() {
        assertEquals(List.of("job.yaml:8:5: 'executor.nodeAffinity.values' must list at least 1 item"),
                problemsMinimal("executor:\n  nodeAffinity:\n    values: []\n"));
    }

    @Test
    void uniqueItems_profileListedTwice_isReported() {
        assertEquals(List.of("job.yaml:6:1: 'profiles' lists the same item twice"),
                problemsMinimal("profiles: [nightly, nightly]\n"));
    }

    // ---------------------------------------------------------------- required

    @Test
    void required_missingTopLevelKey_isReportedAtTheFileWithTheFieldsDescription() {
        assertEquals(List.of("job.yaml:1:1: missing required key 'image' — the image of the driver and the executors: a "
                + "Spark image whose entrypoint passes other commands through (Spark's own images do)."),
                problems(Jobs.MINIMAL.replace("image: apache/spark:3.5.1\n", "")));
    }

    @Test
    void required_missingNestedKey_isReportedAtItsMapping() {
        assertEquals(List.of("job.yaml:7:3: missing required key 'values' in 'driver.nodeAffinity' — the label values "
                + "accepted (the key In values)."), problemsMinimal("driver:\n  nodeAffinity:\n    key: pool\n"));
    }

    @Test
    void required_keyRemovedByTheJob_isReportedWhereTheJobWroteTheMapping() {
        Jobs.profile(dir, "p", PROFILE + "driver:\n  nodeAffinity: {values: [driver]}\n");

        assertEquals(List.of("job.yaml:8:3: missing required key 'values' in 'driver.nodeAffinity' — the label values "
                + "accepted (the key In values)."),
                problemsMinimal("profiles: [p]\ndriver:\n  nodeAffinity: {key: pool, values: null}\n"));
    }

    // ---------------------------------------------------------------- values from profiles and --set

    @Test
    void valueFromAProfile_isReportedInTheProfile() {
        Jobs.profile(dir, "p", PROFILE + "\nexecutor:\n  cores: '2'\n");

        assertEquals(List.of("profiles/p.yaml:6:3: 'executor.cores' must be an integer, not the string '2' — write it "
                + "without quotes"), problemsMinimal("profiles: [p]\n"));
    }

    @Test
    void unknownKeyInAProfile_isReportedInTheProfile() {
        Jobs.profile(dir, "p", PROFILE + "executor:\n  instnces: 2\n");

        assertEquals(List.of("profiles/p.yaml:5:3: unknown key 'instnces' in 'executor' — did you mean 'instances'?"),
                problemsMinimal("profiles: [p]\n"));
    }

    @Test
    void profileWithoutItsKind_isReportedAgainstTheProfileSchema() {
        Jobs.profile(dir, "p", "apiVersion: spark-gen/v1\nkind: SparkJob\nname: p\n");

        assertEquals(List.of("profiles/p.yaml:2:1: 'kind' must be 'Profile', not the string 'SparkJob'"),
                problemsMinimal("profiles: [p]\n"));
    }

    @Test
    void valueFromSet_isReportedAtItsColumnInTheArgument() {
        assertEquals(List.of("--set:1:10: 'executor.cores' must be an integer, not the string 'two'"),
                problemsMinimal("", "executor.cores=two"));
    }

    @Test
    void unknownKeyFromSet_isReportedAtItsColumnWithASuggestion() {
        assertEquals(List.of("--set:2:10: unknown key 'instnces' in 'executor' — did you mean 'instances'?"),
                problemsMinimal("", "executor.instances=3", "executor.instnces=2"));
    }

    @Test
    void sparkConfValueFromSet_withAQuotedKey_isReportedAtTheKey() {
        assertEquals(List.of("--set:1:11: 'sparkConf.\"spark.x\"' must be text, not a list"),
                problemsMinimal("", "sparkConf.\"spark.x\"=[a]"));
    }

    @Test
    void everyError_ofOneFile_isReported() {
        assertEquals(4, problemsMinimal("executor: {cores: x, instances: -1}\nui: {port: 0}\nzzz: 1\n").size());
    }
}
