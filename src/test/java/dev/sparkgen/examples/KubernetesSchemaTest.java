package dev.sparkgen.examples;

import static dev.sparkgen.testing.KubeYaml.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.KubeYaml;
import dev.sparkgen.testing.KubernetesSchemas;
import dev.sparkgen.testing.RenderedApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object in {@code out/} passes Kubernetes' strict JSON schemas (unknown fields and wrong types are errors),
 * and so does each executor pod template, short of the required fields Spark fills in.
 */
class KubernetesSchemaTest {

    private static final KubernetesSchemas SCHEMAS = new KubernetesSchemas();

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void everyObject_ofEachExample_passesTheStrictKubernetesSchemaOfItsKind(String stem) {
        RenderedApp app = RenderedApp.load(stem);
        List<String> errors = new ArrayList<>();
        app.objectsByFile().forEach((file, objects) -> objects.forEach(object -> SCHEMAS.errors(object)
                .forEach(error -> errors.add(file + " (" + object.get("kind") + "): " + error))));

        assertFalse(app.objects().isEmpty(), stem + ": kustomization.yaml lists no objects");
        assertEquals(List.of(), errors, stem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sparkgen.testing.RenderedApp#exampleStems")
    void executorPodTemplate_ofEachExample_passesThePodSchemaShortOfRequiredFields(String stem) {
        Map<String, Object> template = RenderedApp.load(stem).executorTemplate();

        assertEquals(List.of(), SCHEMAS.errorsOfPodTemplate(template), stem);
    }

    @Test
    void strictSchema_rejectsAServiceWithAnUnknownField() {
        Map<String, Object> service = RenderedApp.load("pyspark-pi").driverService();
        Map<String, Object> spec = map(service, "spec");
        spec.put("selectr", spec.remove("selector"));

        List<String> errors = SCHEMAS.errors(service);

        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("/spec: ") && errors.get(0).contains("'selectr'"), errors.get(0));
    }

    @Test
    void strictSchema_rejectsAValueOfTheWrongType() {
        Map<String, Object> service = KubeYaml.parse("""
                apiVersion: v1
                kind: Service
                metadata: {name: ui, labels: {enabled: yes}}
                spec: {ports: [{port: 4040}]}
                """);

        List<String> errors = SCHEMAS.errors(service);

        assertEquals(1, errors.size(), "a YAML 1.1 'yes' is a boolean to Kubernetes, not a label value: " + errors);
        assertTrue(errors.get(0).startsWith("/metadata/labels/enabled: "), errors.get(0));
    }

    @Test
    void strictSchema_rejectsAnApiVersionKubernetes132DoesNotServe() {
        Map<String, Object> ingress = KubeYaml.parse("""
                apiVersion: networking.k8s.io/v1beta1
                kind: Ingress
                metadata: {name: ui}
                spec: {backend: {serviceName: ui, servicePort: 4040}}
                """);

        List<String> errors = SCHEMAS.errors(ingress);

        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("no schema for apiVersion networking.k8s.io/v1beta1, kind Ingress"),
                errors.get(0));
    }

    @Test
    void strictSchemas_ofJobAndCronJob_checkThePodTemplateTheyCarry() {
        Map<String, Object> job = KubeYaml.parse("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: etl-driver}
                spec:
                  backoffLimit: 2
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: driver, image: spark, imagePullPolicy: IfNotPresent}]
                """);
        Map<String, Object> cronJob = KubeYaml.parse("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: etl}
                spec:
                  schedule: "0 2 * * *"
                  timeZone: Europe/Berlin
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: Never
                          containers: [{name: driver, image: spark}]
                """);
        assertEquals(List.of(), SCHEMAS.errors(job));
        assertEquals(List.of(), SCHEMAS.errors(cronJob));

        map(map(map(job, "spec"), "template"), "spec").put("restartPolicyy", "Never");
        map(map(cronJob, "spec"), "jobTemplate").put("scheduel", "x");

        List<String> jobErrors = SCHEMAS.errors(job);
        List<String> cronJobErrors = SCHEMAS.errors(cronJob);
        assertEquals(1, jobErrors.size(), jobErrors.toString());
        assertTrue(jobErrors.get(0).startsWith("/spec/template/spec: ") && jobErrors.get(0).contains("'restartPolicyy'"),
                jobErrors.get(0));
        assertEquals(1, cronJobErrors.size(), cronJobErrors.toString());
        assertTrue(cronJobErrors.get(0).startsWith("/spec/jobTemplate: ") && cronJobErrors.get(0).contains("'scheduel'"),
                cronJobErrors.get(0));
    }

    @Test
    void podTemplateCheck_allowsAbsentContainersButRejectsAnUnknownField() {
        Map<String, Object> template = KubeYaml.parse("""
                apiVersion: v1
                kind: Pod
                metadata: {labels: {spark-role: executor}}
                spec: {schedulerName: volcano, priorityClasName: routine}
                """);

        List<String> errors = SCHEMAS.errorsOfPodTemplate(template);

        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("/spec: ") && errors.get(0).contains("'priorityClasName'"), errors.get(0));
        assertFalse(SCHEMAS.errors(template).isEmpty(), "as a Pod of its own, the template misses its containers");
    }
}
