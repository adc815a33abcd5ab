package dev.sparkgen.model;

import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds a merged, schema-valid document to a {@link SparkJob}, applying the defaults the schema documents (passed
 * in: {@code Schemas.defaults()}; no default is written here).
 * It checks nothing: the schema has, and {@code rules} will. Kubernetes objects passed through are plain data.
 */
public final class Binder {

    private Binder() {
    }

    public static SparkJob bind(MapNode document, Map<String, Object> defaults) {
        Values v = new Values(document, defaults);
        String mainFile = v.required("mainApplicationFile");
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
                new SparkJob.Identity(v.required("name"), v.text("namespace"), v.text("nameSuffix"),
                        v.has("sparkVersion") ? SparkVersion.parse(v.required("sparkVersion")) : SparkVersion.NEWEST,
                        v.texts("profiles")),
                new SparkJob.Container(v.required("image"), v.text("imagePullPolicy"), v.texts("imagePullSecrets"),
                        v.text("sparkHome")),
                new SparkJob.Application(v.has("type") ? AppType.of(v.required("type")) : AppType.fromFile(mainFile),
                        mainFile, v.textOrNull("mainClass"), v.texts("arguments"),
                        new Deps(deps.texts("jars"), deps.texts("files"), deps.texts("pyFiles"),
                                deps.texts("packages"), deps.texts("repositories"), deps.texts("excludePackages"),
                                deps.texts("archives"))),
                new SparkJob.Configuration(v.textMap("sparkConf"), v.textMap("hadoopConf"), v.textMap("sparkEnv"),
                        v.textOrNull("sparkConfigMap"), v.textOrNull("hadoopConfigMap")),
                new SparkJob.Scheduling(v.textOrNull("priorityClassName"), v.textOrNull("schedulerName"),
                        v.textOrNull("serviceAccountName"),
                        new Features.BatchScheduler(batch.textOrNull("queue"), batch.textOrNull("priorityClassName"),
                                batch.textMap("resources"))),
                new SparkJob.Pods(
                        new Driver(role(driver), driver.integer("port"), driver.integer("blockManagerPort"),
                                driver.has("memoryLimit") ? Memory.parse(driver.required("memoryLimit")) : null,
                                driver.rawList("initContainers"), driver.rawList("sidecars")),
                        new Executor(role(executor), executor.integer("instances"), executor.has("instances"),
                                executor.textOrNull("serviceAccount"), executor.boolOrNull("deleteOnTermination"),
                                executor.rawList("initContainers"), executor.rawList("sidecars")),
                        v.text("restartPolicy"),
                        Run.bind(v.child("run")),
                        v.rawList("volumes")),
                new SparkJob.Extras(
                        new Ui(ui.integer("port"), ui.bool("killEnabled"), service.text("type"),
                                service.integerOrNull("nodePort"),
                                service.textMap("annotations"), service.textMap("labels"),
                                new Ui.Ingress(ingress.bool("enabled"), ingress.text("className"),
                                        ingress.textOrNull("host"), ingress.textOrNull("path"),
                                        ingress.textOrNull("urlFormat"), ingress.child("tls").textOrNull("secretName"),
                                        ingress.textMap("annotations"))),
                        new Features.DynamicAllocation(dynamic.bool("enabled"),
                                dynamic.integerOrNull("initialExecutors"), dynamic.integerOrNull("minExecutors"),
                                dynamic.integerOrNull("maxExecutors"), dynamic.bool("shuffleTrackingEnabled"),
                                dynamic.longOrNull("shuffleTrackingTimeout")),
                        new Features.Monitoring(monitoring.bool("exposeDriverMetrics"),
                                monitoring.bool("exposeExecutorMetrics"), prometheus.textOrNull("jmxExporterJar"),
                                prometheus.integer("port"), prometheus.text("portName"),
                                prometheus.textOrNull("configuration"), prometheus.textOrNull("configFile")),
                        v.child("rbac").bool("create"),
                        new Features.NetworkPolicy(v.child("networkPolicy").bool("create"),
                                v.child("networkPolicy").text("ingressControllerNamespace"))));
    }

    private static Role role(Values role) {
        Values affinity = role.child("nodeAffinity");
        return new Role(
                role.integer("cores"),
                role.textOrNull("coreRequest"),
                role.textOrNull("coreLimit"),
                Memory.parse(role.text("memory")),
                role.has("memoryOverhead") ? Memory.parse(role.required("memoryOverhead")) : null,
                role.textOrNull("image"),
                role.textOrNull("javaOptions"),
                role.has("nodeAffinity") ? new NodeAffinity(affinity.text("key"), affinity.texts("values")) : null,
                role.textMap("labels"),
                role.textMap("annotations"),
                mounts(role, "secrets"),
                mounts(role, "configMaps"),
                new PodSettings(role.has("nodeSelector") ? role.textMap("nodeSelector") : null,
                        role.has("tolerations") ? role.rawList("tolerations") : null, role.rawMap("affinity"),
                        role.rawMap("podSecurityContext"), role.boolOrNull("hostNetwork"), role.rawMap("dnsConfig"),
                        role.has("hostAliases") ? role.rawList("hostAliases") : null,
                        role.longOrNull("terminationGracePeriodSeconds")),
                new ContainerSettings(env(role.node("env")),
                        role.has("envFrom") ? role.rawList("envFrom") : null,
                        role.has("volumeMounts") ? role.rawList("volumeMounts") : null,
                        role.rawMap("securityContext"), role.rawMap("lifecycle")),
                role.has("gpu") ? new Gpu(role.child("gpu").required("name"), role.child("gpu").longOrNull("quantity"),
                        role.child("gpu").textOrNull("discoveryScript")) : null);
    }

    private static List<Mount> mounts(Values role, String key) {
        List<Mount> mounts = new ArrayList<>();
        for (Values mount : role.children(key)) {
            mounts.add(new Mount(mount.required("name"), mount.required("path"),
                    key.equals("secrets") ? mount.text("secretType") : null));
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
                Values entry = new Values((MapNode) item, Map.of());
                String value = entry.textOrNull("value");
                // Kubernetes reads a variable without value or valueFrom as set to the empty string
                env.add(new EnvVar(entry.required("name"), entry.has("valueFrom") ? null : value == null ? "" : value,
                        entry.rawMap("valueFrom")));
            }
        }
        return env;
    }
}
