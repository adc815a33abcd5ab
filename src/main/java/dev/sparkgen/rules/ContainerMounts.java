package dev.sparkgen.rules;

import dev.sparkgen.model.App;
import dev.sparkgen.model.Role;
import dev.sparkgen.model.SparkJob;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.MapNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A container may mount only volumes of its pod, or the API server refuses the pod. The driver's and the
 * executors' own containers are checked with {@code volumes} (in {@link Rules}); this checks the others: the
 * init containers and sidecars of the driver pod and of the executor template. A pod has the volumes of
 * {@code volumes} and those spark-gen adds to it (its configuration, scratch, Secrets, ConfigMaps...).
 */
final class ContainerMounts {

    private ContainerMounts() {
    }

    static void check(App app, MapNode document, Problems problems) {
        SparkJob job = app.job();
        for (String role : List.of("driver", "executor")) {
            boolean driver = role.equals("driver");
            Set<String> volumes = volumesOf(job, driver ? job.driver().role() : job.executor().role(), driver);
            check(document, problems, role, "initContainers", volumes,
                    driver ? job.driver().initContainers() : job.executor().initContainers());
            check(document, problems, role, "sidecars", volumes,
                    driver ? job.driver().sidecars() : job.executor().sidecars());
        }
    }

    @SuppressWarnings("unchecked")
    private static void check(MapNode document, Problems problems, String role, String key, Set<String> volumes,
                              List<Object> containers) {
        for (int i = 0; i < containers.size(); i++) {
            Map<String, Object> container = (Map<String, Object>) containers.get(i);
            if (!(container.get("volumeMounts") instanceof List<?> mounts)) {
                continue;
            }
            for (int j = 0; j < mounts.size(); j++) {
                String name = String.valueOf(((Map<String, Object>) mounts.get(j)).get("name"));
                if (!volumes.contains(name)) {
                    problems.error(Rules.origin(document, role, key, i, "volumeMounts", j), role + "." + key
                            + " '" + container.get("name") + "' mounts the volume '" + name + "', which the " + role
                            + " pod does not have: Kubernetes refuses the pod", "define it in 'volumes' (a pod gets "
                            + "the volumes its containers mount), or mount one of: " + String.join(", ",
                            new java.util.TreeSet<>(volumes)));
                }
            }
        }
    }

    /** The names of the volumes a pod has: the job's, and spark-gen's own for that pod. */
    @SuppressWarnings("unchecked")
    private static Set<String> volumesOf(SparkJob job, Role role, boolean driver) {
        Set<String> names = new HashSet<>();
        job.volumes().forEach(v -> names.add(String.valueOf(((Map<String, Object>) v).get("name"))));
        if (driver) {
            names.add("spark-conf");
            names.add("spark-scratch");
        }
        for (int i = 0; i < role.secrets().size(); i++) {
            names.add("secret-" + i);
        }
        for (int i = 0; i < role.configMaps().size(); i++) {
            names.add("configmap-" + i);
        }
        if (job.hadoopConfigMap() != null) {
            names.add("hadoop-conf");
        }
        return names;
    }
}
