package dev.sparkgen.model;

import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds a merged, schema-valid document to a {@link SparkJob}, applying the defaults the schema documents.
 * It checks nothing: the schema has, and {@code rules} will. Kubernetes objects passed through are plain data.
 */
public final class Binder {

    private Binder() {
    }

    public static SparkJob bind(MapNode document) {
        Values v = new Values(document);
        String mainFile = v.text("mainApplicationFile", "");
        Values ui = v.child("ui");
        Values service = ui.child("service");
        Values ingress = ui.child("ingress");
        Values deps = v.child("deps");
        Values driver = v.child("driver");
        Values executor = v.child("executor");
        Values dynamic = v.child("dynamicAllocation");
        Values monitoring = v.child("monitoring");
        Values prometheus = monitoring.child("prometheus");
        Values batch = v.child("batchSchedulerOptions");
        return new SparkJob(
                v.text("name", ""),
                v.text("namespace", "default"),
                v.has("sparkVersion") ? SparkVersion.parse(v.text("sparkVersion", "")) : SparkVersion.NEWEST,
                v.texts("profiles"),
                v.text("priorityClassName", null),
                v.text("nameSuffix", ""),
                v.text("schedulerName", null),
                v.text("serviceAccountName", null),
                v.text("image", ""),
                v.text("imagePullPolicy", "IfNotPresent"),
                v.texts("imagePullSecrets"),
                v.text("sparkHome", "/opt/spark"),
                v.has("type") ? AppType.of(v.text("type", "")) : AppType.fromFile(mainFile),
                mainFile,
                v.text("mainClass", null),
                v.texts("arguments"),
                new Deps(deps.texts("jars"), deps.texts("files"), deps.texts("pyFiles"), deps.texts("packages"),
                        deps.texts("repositories"), deps.texts("excludePackages"), deps.texts("archives")),
                v.textMap("sparkConf"),
                v.textMap("hadoopConf"),
                v.textMap("sparkEnv"),
                new Driver(role(driver), driver.integer("port", 7078), driver.integer("blockManagerPort", 7079),
                        driver.has("memoryLimit") ? Memory.parse(driver.text("memoryLimit", "")) : null,
                        driver.rawList("initContainers"), driver.rawList("sidecars")),
                new Executor(role(executor), executor.integerOrNull("instances"),
                        executor.text("serviceAccount", null), executor.boolOrNull("deleteOnTermination"),
                        executor.rawList("initContainers"), executor.rawList("sidecars")),
                v.text("restartPolicy", "Never"),
                new Ui(ui.integer("port", 4040), ui.bool("killEnabled", false), service.text("type", "ClusterIP"),
                        service.integerOrNull("nodePort"),
                        service.textMap("annotations"), service.textMap("labels"),
                        new Ui.Ingress(ingress.bool("enabled", true), ingress.text("className", "nginx"),
                                ingress.text("host", null), ingress.text("path", null),
                                ingress.text("urlFormat", null), ingress.child("tls").text("secretName", null),
                                ingress.textMap("annotations"))),
                v.rawList("volumes"),
                v.text("sparkConfigMap", null),
                v.text("hadoopConfigMap", null),
                new Options.DynamicAllocation(dynamic.bool("enabled", false), dynamic.integerOrNull("initialExecutors"),
                        dynamic.integerOrNull("minExecutors"), dynamic.integerOrNull("maxExecutors"),
                        dynamic.bool("shuffleTrackingEnabled", true), dynamic.longOrNull("shuffleTrackingTimeout")),
                new Options.Monitoring(monitoring.bool("exposeDriverMetrics", false),
                        monitoring.bool("exposeExecutorMetrics", false), prometheus.text("jmxExporterJar", null),
                        prometheus.integer("port", 8090), prometheus.text("portName", "jmx-exporter"),
                        prometheus.text("configuration", null), prometheus.text("configFile", null)),
                v.child("rbac").bool("create", false),
                new Options.BatchScheduler(batch.text("queue", null), batch.text("priorityClassName", null),
                        batch.textMap("resources")),
                new Options.NetworkPolicy(v.child("networkPolicy").bool("create", false),
                        v.child("networkPolicy").text("ingressControllerNamespace", "ingress-nginx")));
    }

    private static Role role(Values role) {
        Values affinity = role.child("nodeAffinity");
        return new Role(
                role.integer("cores", 1),
                role.text("coreRequest", null),
                role.text("coreLimit", null),
                Memory.parse(role.text("memory", "1g")),
                role.has("memoryOverhead") ? Memory.parse(role.text("memoryOverhead", "")) : null,
                role.text("image", null),
                role.text("javaOptions", null),
                role.has("nodeAffinity") ? new NodeAffinity(affinity.text("key", "type"), affinity.texts("values")) : null,
                role.textMap("labels"),
                role.textMap("annotations"),
                mounts(role, "secrets"),
                mounts(role, "configMaps"),
                new PodSettings(role.has("nodeSelector") ? role.textMap("nodeSelector") : null,
                        role.has("tolerations") ? role.rawList("tolerations") : null, role.rawMap("affinity"),
                        role.rawMap("podSecurityContext"), role.boolOrNull("hostNetwork"), role.rawMap("dnsConfig"),
                        role.has("hostAliases") ? role.rawList("hostAliases") : null,
                        role.integerOrNull("terminationGracePeriodSeconds")),
                new ContainerSettings(env(role.node("env")),
                        role.has("envFrom") ? role.rawList("envFrom") : null,
                        role.has("volumeMounts") ? role.rawList("volumeMounts") : null,
                        role.rawMap("securityContext"), role.rawMap("lifecycle")),
                role.has("gpu") ? new Gpu(role.child("gpu").text("name", ""), role.child("gpu").longOrNull("quantity"),
                        role.child("gpu").text("discoveryScript", null)) : null);
    }

    private static List<Mount> mounts(Values role, String key) {
        List<Mount> mounts = new ArrayList<>();
        for (Values mount : role.children(key)) {
            mounts.add(new Mount(mount.text("name", ""), mount.text("path", ""), mount.text("secretType", "Generic")));
        }
        return mounts;
    }

    /** The map form sorted by name, or the list form in its order. */
    @SuppressWarnings("unchecked")
    private static List<EnvVar> env(Node node) {
        List<EnvVar> env = new ArrayList<>();
        if (node instanceof MapNode map) {
            new java.util.TreeMap<>(map.entries()).forEach((name, value) -> env.add(value instanceof Scalar s
                    ? new EnvVar(name, s.text(), null)
                    : new EnvVar(name, null, (Map<String, Object>) Values.plain(((MapNode) value).get("valueFrom")))));
        } else if (node instanceof ListNode list) {
            for (Node item : list.items()) {
                Values entry = new Values((MapNode) item);
                env.add(new EnvVar(entry.text("name", ""), entry.has("valueFrom") ? null : entry.text("value", ""),
                        entry.rawMap("valueFrom")));
            }
        }
        return env;
    }
}
