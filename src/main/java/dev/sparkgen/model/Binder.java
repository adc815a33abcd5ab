package dev.sparkgen.model;

import dev.sparkgen.source.MapNode;

/**
 * Binds a merged, schema-valid document to a {@link SparkJob}, applying the defaults the schema documents.
 * It checks nothing: the schema has, and {@code rules} will.
 */
public final class Binder {

    private Binder() {
    }

    public static SparkJob bind(MapNode document) {
        Values v = new Values(document);
        String mainFile = v.text("mainApplicationFile", "");
        Values ui = v.child("ui");
        Values ingress = ui.child("ingress");
        Values deps = v.child("deps");
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
                        deps.texts("repositories"), deps.texts("excludePackages")),
                v.textMap("sparkConf"),
                v.textMap("hadoopConf"),
                v.textMap("sparkEnv"),
                new Driver(role(v.child("driver")), v.child("driver").integer("port", 7078),
                        v.child("driver").integer("blockManagerPort", 7079)),
                new Executor(role(v.child("executor")), v.child("executor").integer("instances", 2)),
                v.text("restartPolicy", "Never"),
                new Ui(ui.integer("port", 4040), ui.child("service").text("type", "ClusterIP"),
                        ui.child("service").integerOrNull("nodePort"),
                        new Ui.Ingress(ingress.bool("enabled", true), ingress.text("className", "nginx"),
                                ingress.text("host", null), ingress.text("path", null),
                                ingress.child("tls").text("secretName", null), ingress.textMap("annotations"))));
    }

    private static Role role(Values role) {
        Values affinity = role.child("nodeAffinity");
        return new Role(
                role.integer("cores", 1),
                role.text("coreLimit", null),
                Memory.parse(role.text("memory", "1g")),
                role.has("memoryOverhead") ? Memory.parse(role.text("memoryOverhead", "")) : null,
                role.has("nodeAffinity") ? new NodeAffinity(affinity.text("key", "type"), affinity.texts("values")) : null,
                role.textMap("labels"),
                role.textMap("annotations"),
                role.textMap("env"));
    }
}
