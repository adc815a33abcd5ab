package dev.sparkgen.rules;

import dev.sparkgen.problem.Quote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spark's volume properties, {@code spark.kubernetes.{driver,executor}.volumes.<type>.<name>.{mount.*,options.*}},
 * read as Spark reads them (hostPath, emptyDir, nfs, persistentVolumeClaim), and written as the Kubernetes volume
 * and mount they stand for. A claim named {@code OnDemand} (or holding {@code SPARK_EXECUTOR_ID}) is one Spark
 * creates per pod; for the driver, whose pod spark-gen writes, that is a generic ephemeral volume.
 */
public final class VolumeProperties {

    public static final String DRIVER = "spark.kubernetes.driver.volumes.";
    public static final String EXECUTOR = "spark.kubernetes.executor.volumes.";
    private static final List<String> TYPES = List.of("hostPath", "emptyDir", "nfs", "persistentVolumeClaim");
    private static final List<String> MOUNT = List.of("path", "readOnly", "subPath", "subPathExpr");

    private VolumeProperties() {
    }

    /**
     * One volume declared by properties: its keys (in the order given), the Kubernetes volume and mount, or
     * {@code problem} saying why there are none.
     */
    public record Volume(String role, String type, String name, List<String> keys, Map<String, Object> volume,
                         Map<String, Object> mount, String problem) {

        /** A claim Spark creates for each pod: OnDemand, or a name with the executor's id in it. */
        public boolean perPodClaim() {
            return volume != null && volume.get("ephemeral") != null;
        }

        /** The volume and its mount as job fields, in YAML's flow style, for a hint. */
        public String asFields() {
            return "volumes: [" + Quote.flow(volume) + "] and " + role + ".volumeMounts: [" + Quote.flow(mount) + "]";
        }
    }

    /** The volumes the properties declare for a role ({@code driver} or {@code executor}), by name. */
    public static List<Volume> of(Map<String, String> properties, String role) {
        String prefix = role.equals("driver") ? DRIVER : EXECUTOR;
        Map<String, Map<String, String>> byVolume = new LinkedHashMap<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (!key.startsWith(prefix)) {
                return;
            }
            String[] parts = key.substring(prefix.length()).split("\\.", 3);
            String id = parts[0] + "." + (parts.length > 1 ? parts[1] : "");
            byVolume.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(parts.length > 2 ? parts[2] : "", value);
            keys.computeIfAbsent(id, k -> new ArrayList<>()).add(key);
        });
        List<Volume> volumes = new ArrayList<>();
        byVolume.forEach((id, settings) -> volumes.add(volume(role, id, settings, keys.get(id))));
        return volumes;
    }

    private static Volume volume(String role, String id, Map<String, String> settings, List<String> keys) {
        String type = id.substring(0, id.indexOf('.'));
        String name = id.substring(id.indexOf('.') + 1);
        if (!TYPES.contains(type)) {
            return problem(role, type, name, keys, "Spark knows the volume types " + String.join(", ", TYPES)
                    + ", not '" + type + "'");
        }
        if (name.isEmpty()) {
            return problem(role, type, name, keys, "the key names no volume");
        }
        Map<String, Object> mount = new TreeMap<>();
        Map<String, Object> options = new TreeMap<>();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String key = setting.getKey();
            String value = setting.getValue().trim();
            if (key.startsWith("mount.") && MOUNT.contains(key.substring(6))) {
                String field = key.substring(6);
                mount.put(field.equals("path") ? "mountPath" : field, field.equals("readOnly")
                        ? (Object) Boolean.parseBoolean(value) : value);
            } else if (key.startsWith("options.") && key.length() > 8) {
                options.put(key.substring(8), value);
            } else {
                return problem(role, type, name, keys, "Spark reads mount.path, mount.readOnly, mount.subPath, "
                        + "mount.subPathExpr and options.* of a volume, not '" + key + "'");
            }
        }
        if (!mount.containsKey("mountPath")) {
            return problem(role, type, name, keys, "the volume has no mount.path, which Spark requires");
        }
        mount.put("name", name);
        if (Boolean.FALSE.equals(mount.get("readOnly"))) {
            mount.remove("readOnly");
        }
        String needed = switch (type) {
            case "hostPath" -> options.containsKey("path") ? null : "options.path";
            case "nfs" -> options.containsKey("server") && options.containsKey("path") ? null
                    : "options.server and options.path";
            case "persistentVolumeClaim" -> options.containsKey("claimName") ? null : "options.claimName";
            default -> null;
        };
        if (needed != null) {
            return problem(role, type, name, keys, "a " + type + " volume needs " + needed);
        }
        Map<String, Object> source = new TreeMap<>();
        String kind = type;
        switch (type) {
            case "hostPath" -> copy(options, source, "path", "type");
            case "emptyDir" -> copy(options, source, "medium", "sizeLimit");
            case "nfs" -> copy(options, source, "server", "path");
            default -> {
                String claim = String.valueOf(options.get("claimName"));
                if (claim.equals("OnDemand") || claim.contains("SPARK_EXECUTOR_ID")) {
                    if (!options.containsKey("sizeLimit")) {
                        return problem(role, type, name, keys, "an OnDemand claim needs options.sizeLimit, its size");
                    }
                    kind = "ephemeral";
                    Map<String, Object> spec = new TreeMap<>();
                    spec.put("accessModes", List.of("ReadWriteOnce"));
                    spec.put("resources", Map.of("requests", Map.of("storage", options.get("sizeLimit"))));
                    if (options.containsKey("storageClass")) {
                        spec.put("storageClassName", options.get("storageClass"));
                    }
                    source.put("volumeClaimTemplate", Map.of("spec", spec));
                } else {
                    copy(options, source, "claimName");
                    if (Boolean.TRUE.equals(mount.get("readOnly"))) {
                        source.put("readOnly", true);
                    }
                }
            }
        }
        Map<String, Object> volume = new LinkedHashMap<>();
        volume.put("name", name);
        volume.put(kind, source);
        return new Volume(role, type, name, keys, volume, mount, null);
    }

    private static void copy(Map<String, Object> options, Map<String, Object> into, String... names) {
        for (String name : names) {
            if (options.containsKey(name)) {
                into.put(name, options.get(name));
            }
        }
    }

    private static Volume problem(String role, String type, String name, List<String> keys, String problem) {
        return new Volume(role, type, name, keys, null, null, problem);
    }
}
