package dev.sparkgen.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kubernetes v1.32.2's strict JSON schemas, vendored in {@code src/test/resources/kubernetes-json-schema/} (see its
 * SOURCE.md): the errors of an object against the schema of its apiVersion and kind, found as kubeconform finds it
 * ({@code batch/v1} Job and CronJob included, whose pod template their schema checks as strictly as a Pod's).
 * Every object schema there forbids unknown fields; an object whose apiVersion and kind have no schema (one a 1.32
 * cluster does not serve) is an error itself.
 */
public final class KubernetesSchemas {

    private static final String DIRECTORY = "kubernetes-json-schema/v1.32.2-standalone-strict/";

    /**
     * The Kubernetes schemas declare {@code "$schema": "http://json-schema.org/schema#"}, the pre-draft-06 name of
     * "the current draft"; openapi2jsonschema writes draft-04 keywords, so that name is read as draft 4. The Volcano
     * schema declares nothing and gets draft 4 as the default.
     */
    private static final Dialect KUBERNETES = Dialect.builder("http://json-schema.org/schema#", Dialects.getDraft4())
            .build();

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft4(),
            builder -> builder.dialectRegistry(new BasicDialectRegistry(List.of(KUBERNETES, Dialects.getDraft4()))));
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Schema> schemas = new HashMap<>();

    /** Every error of an object against its kind's schema, one line each ({@code /spec: ...}); empty when valid. */
    public List<String> errors(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String kind = String.valueOf(object.get("kind"));
        String path = schemaPath(apiVersion, kind);
        if (KubernetesSchemas.class.getClassLoader().getResource(path) == null) {
            return List.of("no schema for apiVersion " + apiVersion + ", kind " + kind + " (looked for " + path
                    + "): Kubernetes 1.32 does not serve it, or it needs a vendored CRD schema");
        }
        return validate(schemas.computeIfAbsent(path, p -> registry.getSchema(SchemaLocation.of("classpath:" + p))),
                object, false);
    }

    /**
     * The errors of an executor pod template against the Pod schema, except missing required fields: Spark completes
     * the template (its container, for one), so only what the template says must be valid and known.
     */
    public List<String> errorsOfPodTemplate(Map<String, Object> template) {
        String path = DIRECTORY + "pod-v1.json";
        return validate(schemas.computeIfAbsent(path, p -> registry.getSchema(SchemaLocation.of("classpath:" + p))),
                template, true);
    }

    private List<String> validate(Schema schema, Map<String, Object> object, boolean allowMissingRequired) {
        JsonNode json = mapper.valueToTree(object);
        return schema.validate(json).stream()
                .filter(error -> !(allowMissingRequired && "required".equals(error.getKeyword())))
                .map(KubernetesSchemas::describe)
                .toList();
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }

    /**
     * Where kubeconform's layout keeps the schema of an apiVersion and kind: {@code pod-v1.json},
     * {@code ingress-networking-v1.json}; a custom resource's under {@code crds/<group>/<kind>_<version>.json}.
     */
    static String schemaPath(String apiVersion, String kind) {
        String lowerKind = kind.toLowerCase(Locale.ROOT);
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return DIRECTORY + lowerKind + "-" + apiVersion + ".json";
        }
        String group = apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (!group.contains(".") || group.endsWith(".k8s.io")) {
            return DIRECTORY + lowerKind + "-" + group.split("\\.")[0] + "-" + version + ".json";
        }
        return DIRECTORY + "crds/" + group + "/" + lowerKind + "_" + version + ".json";
    }
}
