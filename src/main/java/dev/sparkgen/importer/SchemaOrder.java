package dev.sparkgen.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkgen.schema.Schemas;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The order of the job schema's properties ({@code schema/job.schema.json}, the single source of truth for job
 * fields), so that an imported job lists its fields as the schema does. Objects the schema takes from Kubernetes
 * and free-form maps keep the order they were written in.
 */
final class SchemaOrder {

    private final JsonNode schema;

    private SchemaOrder(JsonNode schema) {
        this.schema = schema;
    }

    static SchemaOrder job() {
        return new SchemaOrder(Schemas.tree(Schemas.Kind.JOB));
    }

    Position root() {
        return new Position(schema);
    }

    /** A place in the schema: the (sub)schema of one mapping of the job, or none outside spark-gen's own objects. */
    final class Position {

        private final JsonNode node;

        private Position(JsonNode node) {
            this.node = resolve(node);
        }

        /** The keys, those the schema lists first in its order, then the others as they came. */
        List<String> order(Collection<String> keys) {
            List<String> ordered = new ArrayList<>();
            JsonNode properties = node == null ? null : node.get("properties");
            if (properties != null) {
                properties.fieldNames().forEachRemaining(name -> {
                    if (keys.contains(name)) {
                        ordered.add(name);
                    }
                });
            }
            keys.stream().filter(key -> !ordered.contains(key)).forEach(ordered::add);
            return ordered;
        }

        Position child(String key) {
            JsonNode properties = node == null ? null : node.get("properties");
            return new Position(properties == null ? null : properties.get(key));
        }
    }

    /** Follows a {@code $ref} within the job schema; a reference elsewhere (Kubernetes) has no order of ours. */
    private JsonNode resolve(JsonNode node) {
        while (node != null && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return null;
            }
            node = schema.at(ref.substring(1));
            if (node.isMissingNode()) {
                return null;
            }
        }
        return node;
    }
}
