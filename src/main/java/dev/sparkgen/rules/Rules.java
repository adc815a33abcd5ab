package dev.sparkgen.rules;

import dev.sparkgen.model.App;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.model.PodNames;
import dev.sparkgen.model.Derive;
import dev.sparkgen.model.EnvVar;
import dev.sparkgen.model.Memory;
import dev.sparkgen.model.Features;
import dev.sparkgen.model.Role;
import dev.sparkgen.model.SparkJob;
import dev.sparkgen.model.SparkProperties;
import dev.sparkgen.model.SparkVersion;
import dev.sparkgen.model.SparkVersions;
import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.problem.Quote;
import dev.sparkgen.source.KeyPath;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks the schema cannot make: across fields, and against what Spark and Kubernetes will do with the
 * derived objects. Each rule adds its problems at the place the offending value was written.
 */
public final class Rules {

    /** Spark 3.3.0 refuses an executor pod name prefix longer than this; later releases take up to 237. */
    public static final int MAX_APP_NAME = 47;
    /** Spark refuses an executor heap under 450 MiB (1.5 x its 300 MiB reserve). */
    public static final long MIN_EXECUTOR_HEAP_MIB = 450;
    /** The driver JVM's usable heap must pass the same 450 MiB check; 512m is the smallest size that does. */
    public static final long MIN_DRIVER_HEAP_MIB = 512;
    /** The largest memory quantity Kubernetes holds, in MiB: its bytes must fit in a 64-bit integer. */
    public static final long MAX_QUANTITY_MIB = Long.MAX_VALUE >> 20;

    /** Env vars spark-gen sets in the driver container. */
    public static final Set<String> DRIVER_ENV = PodNames.driverEnv();
    /** Env vars Spark sets in every executor container. */
    public static final Set<String> EXECUTOR_ENV = Set.of("SPARK_DRIVER_URL", "SPARK_EXECUTOR_CORES",
            "SPARK_EXECUTOR_MEMORY", "SPARK_APPLICATION_ID", "SPARK_CONF_DIR", "SPARK_EXECUTOR_ID",
            "SPARK_EXECUTOR_POD_IP", "SPARK_EXECUTOR_POD_NAME", "SPARK_LOCAL_DIRS", "SPARK_USER",
            "SPARK_RESOURCE_PROFILE_ID", "SPARK_CLASSPATH", "SPARK_EXECUTOR_DIRS");
    /** Labels Spark itself puts on the pods it creates. */
    public static final Set<String> SPARK_LABELS = Set.of("spark-app-selector", "spark-exec-id", "spark-app-name",
            "spark-version", "spark-exec-resourceprofile-id");

    private static final Pattern SPARK_REFERENCE = Pattern.compile("\\$\\{(env:|system:|spark\\.)");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern PATH = Pattern.compile("(/[a-z0-9]([-a-z0-9]*[a-z0-9])?)+");

    private final App app;
    private final SparkJob job;
    private final MapNode document;
    private final Problems problems;

    private Rules(App app, MapNode document, Problems problems) {
        this.app = app;
        this.job = app.job();
        this.document = document;
        this.problems = problems;
    }

    /**
     * Checks an app derived from {@code document} (the merged values, whose nodes know their origins), to be
     * rendered for a cluster of version {@code kube}.
     */
    public static void check(App app, MapNode document, Problems problems, KubeVersion kube) {
        Rules rules = new Rules(app, document, problems);
        rules.appNameFits();
        rules.sparkVersionSupported();
        rules.mainClassMatchesType();
        rules.sparkConfKeysAreFree();
        rules.propertyValuesSurviveSpark();
        rules.labelsAreFree();
        rules.envIsFree();
        rules.portsDiffer();
        rules.heapIsLargeEnough();
        rules.ingressIsConsistent();
        rules.urlFormatGivesARoute();
        rules.affinityIsGivenOnce();
        rules.volumesAreMountedAndFree();
        rules.driverMemoryLimitCoversItsRequest();
        rules.dynamicAllocationBoundsAgree();
        rules.rbacOwnsItsServiceAccount();
        rules.monitoringIsComplete();
        rules.batchSchedulerOptionsApply();
        rules.containerNamesAreUnique();
        rules.propertiesExistInThisSpark();
        rules.cpuLimitCoversItsRequest();
        rules.requestsFitKubernetes();
        rules.restartsKeepExecutorNamesFree();
        ContainerMounts.check(app, document, problems);
        ClusterModeProperties.check(app, document, problems);
        PropertyKeySyntax.check(app, document, problems);
        GpusAreFound.check(app, document, problems);
        RunRules.check(app, app.job().run(), document, problems);
        CommaSeparatedLists.check(document, problems);
        TargetCluster.check(app, document, problems, kube);
    }

    /** Kubernetes refuses a pod whose CPU limit is under its request. */
    void cpuLimitCoversItsRequest() {
        for (String role : List.of("driver", "executor")) {
            Role r = role.equals("driver") ? job.driver().role() : job.executor().role();
            if (r.coreLimit() != null && Derive.millicores(r.coreLimit()) < Derive.millicores(Derive.cpuRequest(r))) {
                problems.error(at(role, "coreLimit"), role + ".coreLimit " + r.coreLimit() + " is less than the "
                        + "CPU the pod requests, " + Derive.cpuRequest(r), "Kubernetes refuses such a pod: raise "
                        + "coreLimit, or lower " + (r.coreRequest() != null ? "coreRequest" : "cores"));
            }
        }
    }

    /**
     * Each size fits ({@code Quantities}), but a pod's heap and overhead together, or the PodGroup's sum over the
     * driver and the executors, may be more than Kubernetes holds.
     */
    void requestsFitKubernetes() {
        boolean podsFit = true;
        for (String role : List.of("driver", "executor")) {
            App.Sizing sizing = role.equals("driver") ? app.driverSizing() : app.executorSizing();
            if (sizing.podMiB() > MAX_QUANTITY_MIB) {
                problems.error(at(role, sizing.overheadGiven() && sizing.overheadMiB() > sizing.heapMiB()
                                ? "memoryOverhead" : "memory"), "the " + role + "'s pod would request "
                                + sizing.podMiB() + "Mi (" + sizing.heapMiB() + "Mi heap + " + sizing.overheadMiB()
                                + "Mi overhead), more than Kubernetes holds, " + MAX_QUANTITY_MIB + "Mi",
                        "Kubernetes holds a memory quantity in bytes, as a 64-bit integer: 8 EiB at most");
                podsFit = false;
            }
        }
        if (!podsFit || app.podGroup() == null || !job.batchScheduler().resources().isEmpty()) {
            return;
        }
        int instances = app.executorInstances();
        long cpu = Derive.allMillicores(job, instances);
        long memory = Derive.allMiB(app.driverSizing(), app.executorSizing(), instances);
        String what = cpu < 0 ? "CPU than Kubernetes holds, " + Long.MAX_VALUE + "m"
                : memory < 0 || memory > MAX_QUANTITY_MIB ? "memory than Kubernetes holds, " + MAX_QUANTITY_MIB + "Mi"
                : null;
        if (what != null) {
            problems.error(at("executor", "instances"), "the Volcano PodGroup's minResources, for the driver's pod and "
                            + Quote.count(instances, "executor pod") + ", would be more " + what,
                    "set batchSchedulerOptions.resources, or ask for fewer or smaller executors");
        }
    }

    /**
     * A driver restarted in place (OnFailure) starts a new Spark application in the same pod, whose executors
     * are named <app>-exec-1... again, while the first attempt's may still be there: creating them fails. (A Job's
     * driver leaves the prefix to Spark then, which makes a new one for each spark-submit.)
     */
    void restartsKeepExecutorNamesFree() {
        if (job.restartPolicy().equals("OnFailure") && !job.run().byController()) {
            problems.warning(at("restartPolicy"), "with restartPolicy OnFailure, a restarted driver creates "
                    + "executors named " + app.name() + "-exec-1... again, while those of the failed attempt may "
                    + "still exist (their owner, the pod, does)", "prefer Never and re-run the job (the README "
                    + "shows how), or keep executor.deleteOnTermination true so Spark removes them as it stops");
        }
    }

    private Origin at(Object... path) {
        return origin(document, path);
    }

    /** Where the value at {@code path} was written, else the nearest enclosing value that was. */
    static Origin origin(MapNode document, Object... path) {
        KeyPath keyPath = new KeyPath(List.of(path));
        Node node = keyPath.find(document);
        return (node != null ? node : keyPath.findNearest(document)).origin();
    }

    /** The app name is the executor pod name prefix, and the base of every object name. */
    void appNameFits() {
        int length = app.name().length();
        if (length > MAX_APP_NAME) {
            // The parts only when there are several: "(name 'x')" beside the name itself says nothing.
            String parts = job.priorityClassName() == null && job.nameSuffix().isEmpty() ? ""
                    : " (name '" + job.name() + "'"
                    + (job.priorityClassName() != null ? " + '-" + job.priorityClassName() + "'" : "")
                    + (job.nameSuffix().isEmpty() ? "" : " + '" + job.nameSuffix() + "'") + ")";
            problems.error(at("name"), "the app name '" + app.name() + "'" + parts + " is " + length
                            + " characters long, more than " + MAX_APP_NAME,
                    "it is the executor pod name prefix, which Spark 3.3 limits to " + MAX_APP_NAME
                            + " characters: shorten name, priorityClassName or nameSuffix");
        }
    }

    void sparkVersionSupported() {
        if (!job.sparkVersion().atLeast(SparkVersion.OLDEST)) {
            problems.error(at("sparkVersion"), "Spark " + job.sparkVersion() + " is not supported",
                    "spark-gen writes for Spark 3.0 and later (pod templates came with 3.0)");
        }
    }

    void mainClassMatchesType() {
        if (job.type().isJvm() && job.mainClass() == null) {
            problems.error(at(document.get("type") != null ? "type" : "mainApplicationFile"),
                    "a " + job.type().label() + " application needs 'mainClass'",
                    "e.g. mainClass: org.apache.spark.examples.SparkPi");
        } else if (!job.type().isJvm() && job.mainClass() != null) {
            problems.warning(at("mainClass"), "'mainClass' is ignored for a " + job.type().label() + " application",
                    "remove it, or set 'type' if the main file is a jar");
        }
    }

    void sparkConfKeysAreFree() {
        // claims Spark creates for each executor have no field: their properties stay in sparkConf
        Set<String> perPodClaims = new HashSet<>();
        for (VolumeProperties.Volume volume : VolumeProperties.of(job.sparkConf(), "executor")) {
            if (volume.perPodClaim()) {
                perPodClaims.addAll(volume.keys());
            }
        }
        for (String key : job.sparkConf().keySet()) {
            String owner = app.generatedBy().get(key);
            String field = owner != null && !owner.equals("spark-gen") ? owner : SparkProperties.fieldOf(key);
            field = perPodClaims.contains(key) ? null : field;
            if (SparkConfKeys.refuses(key, field)) { // the key's origin is looked up only for a problem
                SparkConfKeys.report(key, field, at("sparkConf", key), problems);
            }
        }
    }

    /** A key that came with a later Spark than the job's is ignored by it: say so at the field or the key. */
    void propertiesExistInThisSpark() {
        for (String key : app.sparkDefaults().keySet()) {
            SparkVersion since = SparkVersions.since(key);
            if (since == null || job.sparkVersion().atLeast(since)) {
                continue;
            }
            String owner = app.generatedBy().get(key);
            Origin origin = owner == null ? at("sparkConf", key)
                    : owner.equals("type") ? at("sparkVersion") : at(owner.split("\\."));
            problems.warning(origin, key + " came with Spark " + since.major() + "." + since.minor()
                            + (since.patch() > 0 ? "." + since.patch() : "") + ": Spark " + job.sparkVersion()
                            + " ignores it", "check sparkVersion, or leave it out");
        }
    }

    /** Spark trims property values and expands ${...} references in them: say so where it changes a value. */
    void propertyValuesSurviveSpark() {
        propertyValuesSurviveSpark("sparkConf", job.sparkConf());
        propertyValuesSurviveSpark("hadoopConf", job.hadoopConf());
    }

    private void propertyValuesSurviveSpark(String field, Map<String, String> values) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (!value.isEmpty() && (value.charAt(0) <= ' ' || value.charAt(value.length() - 1) <= ' ')) {
                // what String.trim removes: a character up to ' ' at either end
                problems.warning(at(field, key), field + " value of '" + key + "' starts or ends with blanks",
                        "Spark trims property values, so they are lost");
            }
            if (value.contains("${") && SPARK_REFERENCE.matcher(value).find()) {
                problems.warning(at(field, key), field + " value of '" + key + "' holds a ${...} reference",
                        "Spark replaces ${env:X}, ${system:X} and ${spark.x} in property values when it reads them");
            }
        }
    }

    void labelsAreFree() {
        for (String role : List.of("driver", "executor")) {
            Map<String, String> labels = role.equals("driver") ? job.driver().role().labels()
                    : job.executor().role().labels();
            for (String key : labels.keySet()) {
                if (app.labels().containsKey(key) || key.equals(Derive.ROLE_LABEL)
                        || key.equals("app.kubernetes.io/component")) {
                    problems.error(at(role, "labels", key), "label '" + key + "' is set by spark-gen",
                            "the services select the driver by app-name and spark-role; choose another key");
                } else if (SPARK_LABELS.contains(key)) {
                    problems.error(at(role, "labels", key), "label '" + key + "' is set by Spark on its pods",
                            "choose another key");
                }
            }
        }
    }

    void envIsFree() {
        for (String role : List.of("driver", "executor")) {
            List<EnvVar> env = (role.equals("driver") ? job.driver() .role() : job.executor().role()).container().env();
            Set<String> reserved = role.equals("driver") ? DRIVER_ENV : EXECUTOR_ENV;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < env.size(); i++) {
                String name = env.get(i).name();
                if (reserved.contains(name)) {
                    problems.error(envOrigin(role, i, name), role + " env '" + name + "' is set by "
                            + (role.equals("driver") ? "spark-gen" : "Spark"), name.equals("SPARK_HOME")
                            ? "set 'sparkHome' instead" : role.equals("driver") ? "choose another name"
                            : "Spark sets it in every executor; choose another name");
                } else if (!seen.add(name)) {
                    problems.error(envOrigin(role, i, name), role + " env '" + name + "' is set twice", "keep one");
                }
            }
        }
    }

    /** Where a role's {@code i}th env var, {@code name}, was written: in the list form or the map form. */
    private Origin envOrigin(String role, int i, String name) {
        return document.find(role, "env") instanceof dev.sparkgen.source.ListNode ? at(role, "env", i)
                : at(role, "env", name);
    }

    void portsDiffer() {
        int rpc = job.driver().port();
        int blockManager = job.driver().blockManagerPort();
        int ui = job.ui().port();
        List<Object> rpcKey = List.of("driver", "port");
        List<Object> blockManagerKey = List.of("driver", "blockManagerPort");
        List<Object> uiKey = List.of("ui", "port");
        if (rpc == blockManager) {
            problems.error(written(blockManagerKey, rpcKey), "driver.blockManagerPort is driver.port (" + rpc + ")",
                    "the driver listens on both: give them different ports");
        }
        if (ui == rpc || ui == blockManager) {
            problems.error(written(uiKey, ui == rpc ? rpcKey : blockManagerKey), "ui.port " + ui
                    + " is also a driver port", "the driver listens on all three: give them different ports");
        }
    }

    /** The first of these keys the user wrote (a default has no place), else where the first would go. */
    @SafeVarargs
    private Origin written(List<Object>... keys) {
        for (List<Object> key : keys) {
            Node node = new KeyPath(key).find(document);
            if (node != null) {
                return node.origin();
            }
        }
        return at(keys[0].toArray());
    }

    void heapIsLargeEnough() {
        long executor = job.executor().role().memory().mebibytes();
        if (executor < MIN_EXECUTOR_HEAP_MIB) {
            problems.error(at("executor", "memory"), "executor.memory " + job.executor().role().memory().text()
                    + " is less than Spark's minimum of 450m", "Spark refuses to start such an executor");
        }
        long driver = job.driver().role().memory().mebibytes();
        if (driver < MIN_DRIVER_HEAP_MIB) {
            problems.error(at("driver", "memory"), "driver.memory " + job.driver().role().memory().text()
                    + " is less than 512m", "Spark refuses to start with a heap under about 450 MiB");
        }
    }

    void urlFormatGivesARoute() {
        var ingress = job.ui().ingress();
        if (ingress.urlFormat() == null || !ingress.enabled()) {
            return;
        }
        if (ingress.host() != null || ingress.path() != null) {
            problems.error(at("ui", "ingress", "urlFormat"), "ui.ingress.urlFormat replaces host and path",
                    "keep urlFormat, or host and path");
        }
        App.Route route = app.route();
        if (!HOST.matcher(route.host()).matches()) {
            problems.error(at("ui", "ingress", "urlFormat"), "ui.ingress.urlFormat gives the host '"
                    + route.host() + "', which is not a DNS name", "use lowercase letters, digits, '-' and '.'");
        }
        if (route.path() != null && !PATH.matcher(route.path()).matches()) {
            problems.error(at("ui", "ingress", "urlFormat"), "ui.ingress.urlFormat gives the path '"
                    + route.path() + "', which is not a path of lowercase words", "such as /team/{{$appName}}");
        }
    }

    void affinityIsGivenOnce() {
        for (String role : List.of("driver", "executor")) {
            Role r = role.equals("driver") ? job.driver().role() : job.executor().role();
            if (r.nodeAffinity() != null && r.pod().affinity() != null && r.pod().affinity().containsKey("nodeAffinity")) {
                problems.error(at(role, "nodeAffinity"), role + ".nodeAffinity and " + role
                        + ".affinity.nodeAffinity are both set", "put the node affinity in one of them");
            }
        }
    }

    /** Every mount names a volume; every volume is mounted somewhere; spark-gen's own names stay free. */
    @SuppressWarnings("unchecked")
    void volumesAreMountedAndFree() {
        Set<String> volumes = new HashSet<>();
        for (int i = 0; i < job.volumes().size(); i++) {
            String name = String.valueOf(((Map<String, Object>) job.volumes().get(i)).get("name"));
            if (PodNames.reservedVolume(name)) {
                problems.error(at("volumes", i), "volume name '" + name + "' is spark-gen's",
                        "spark-gen names its own volumes spark-conf, spark-scratch, spark-metrics, hadoop-conf, "
                                + "secret-N and configmap-N: choose another name");
            }
            if (!volumes.add(name)) {
                problems.error(at("volumes", i), "volume '" + name + "' is defined twice", "keep one");
            }
        }
        Set<String> mounted = new HashSet<>();
        for (String role : List.of("driver", "executor")) {
            Role r = role.equals("driver") ? job.driver().role() : job.executor().role();
            List<Object> mounts = r.container().volumeMounts() == null ? List.of() : r.container().volumeMounts();
            for (int i = 0; i < mounts.size(); i++) {
                Map<String, Object> mount = (Map<String, Object>) mounts.get(i);
                String name = String.valueOf(mount.get("name"));
                mounted.add(name);
                if (!volumes.contains(name)) {
                    problems.error(at(role, "volumeMounts", i), role + ".volumeMounts names the volume '" + name
                            + "', which 'volumes' does not define", "add it to 'volumes'");
                }
                checkMountPath(String.valueOf(mount.get("mountPath")), at(role, "volumeMounts", i));
            }
            for (String kind : List.of("secrets", "configMaps")) {
                List<dev.sparkgen.model.Mount> list = kind.equals("secrets") ? r.secrets() : r.configMaps();
                for (int i = 0; i < list.size(); i++) {
                    checkMountPath(list.get(i).path(), at(role, kind, i));
                }
            }
        }
        List<Object> others = concat(concat(job.driver().initContainers(), job.driver().sidecars()),
                concat(job.executor().initContainers(), job.executor().sidecars()));
        for (Object container : others) {
            Object list = ((Map<String, Object>) container).get("volumeMounts");
            if (list instanceof List<?> items) {
                items.forEach(m -> mounted.add(String.valueOf(((Map<String, Object>) m).get("name"))));
            }
        }
        for (int i = 0; i < job.volumes().size(); i++) {
            String name = String.valueOf(((Map<String, Object>) job.volumes().get(i)).get("name"));
            if (!mounted.contains(name)) {
                problems.warning(at("volumes", i), "volume '" + name + "' is mounted nowhere",
                        "mount it with driver.volumeMounts or executor.volumeMounts, or remove it");
            }
        }
    }

    private void checkMountPath(String path, Origin origin) {
        for (String own : List.of(App.CONF_DIR, App.SCRATCH_DIR)) {
            if (path.equals(own) || path.startsWith(own + "/")) {
                problems.error(origin, "the mount path " + path + " is inside spark-gen's " + own,
                        own.equals(App.CONF_DIR) ? "use sparkConfigMap to add files to the Spark configuration"
                                : "choose another path");
            }
        }
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    void driverMemoryLimitCoversItsRequest() {
        Memory limit = job.driver().memoryLimit();
        if (limit != null && limit.mebibytes() < app.driverSizing().podMiB()) {
            problems.error(at("driver", "memoryLimit"), "driver.memoryLimit " + limit.text() + " is less than the "
                    + "pod's request, " + app.driverSizing().podMiB() + "Mi (the heap plus the overhead)",
                    "raise it, or lower driver.memory");
        }
    }

    void dynamicAllocationBoundsAgree() {
        Features.DynamicAllocation dynamic = job.dynamicAllocation();
        if (!dynamic.enabled()) {
            return;
        }
        Integer min = dynamic.minExecutors();
        Integer max = dynamic.maxExecutors();
        Integer initial = dynamic.initialExecutors();
        if (min != null && max != null && min > max) {
            problems.error(at("dynamicAllocation", "minExecutors"), "dynamicAllocation.minExecutors " + min
                    + " is more than maxExecutors " + max, null);
        }
        if (initial != null && max != null && initial > max) {
            problems.error(at("dynamicAllocation", "initialExecutors"), "dynamicAllocation.initialExecutors "
                    + initial + " is more than maxExecutors " + max, null);
        }
        if (!dynamic.shuffleTracking()) {
            problems.warning(at("dynamicAllocation", "shuffleTrackingEnabled"), "dynamic allocation without "
                    + "shuffle tracking needs an external shuffle service, which Kubernetes does not have",
                    "leave shuffleTrackingEnabled true");
        }
    }

    void rbacOwnsItsServiceAccount() {
        if (job.rbac() && job.serviceAccountName() != null) {
            problems.error(at("serviceAccountName"), "rbac.create writes the driver's own ServiceAccount, "
                    + app.names().serviceAccount(), "remove serviceAccountName, or rbac.create");
        }
    }

    void monitoringIsComplete() {
        Features.Monitoring monitoring = job.monitoring();
        if (monitoring.configuration() != null && monitoring.configFile() != null) {
            problems.error(at("monitoring", "prometheus", "configFile"), "monitoring.prometheus has both "
                    + "configuration and configFile", "keep one");
        }
        if (monitoring.jmxExporterJar() == null && document.find("monitoring", "prometheus") != null
                && monitoring.enabled()) {
            problems.warning(at("monitoring", "prometheus"), "monitoring.prometheus settings apply to the JMX "
                    + "exporter, which needs jmxExporterJar", "without it, Spark's own servlet serves the metrics "
                    + "on the UI port");
        }
        if (!monitoring.enabled() && document.find("monitoring") != null) {
            problems.warning(at("monitoring"), "monitoring exposes nothing",
                    "set exposeDriverMetrics or exposeExecutorMetrics");
        }
    }

    void batchSchedulerOptionsApply() {
        if (document.find("batchSchedulerOptions") != null && !"volcano".equals(job.schedulerName())
                && !"yunikorn".equals(job.schedulerName())) {
            problems.warning(at("batchSchedulerOptions"), "batchSchedulerOptions apply to the volcano and "
                    + "yunikorn schedulers", "set schedulerName");
        }
    }

    @SuppressWarnings("unchecked")
    void containerNamesAreUnique() {
        for (String role : List.of("driver", "executor")) {
            Set<String> names = new HashSet<>(Set.of("spark-kubernetes-" + role));
            for (String key : List.of("initContainers", "sidecars")) {
                List<Object> containers = role.equals("driver")
                        ? key.equals("initContainers") ? job.driver().initContainers() : job.driver().sidecars()
                        : key.equals("initContainers") ? job.executor().initContainers() : job.executor().sidecars();
                for (int i = 0; i < containers.size(); i++) {
                    String name = String.valueOf(((Map<String, Object>) containers.get(i)).get("name"));
                    if (!names.add(name)) {
                        problems.error(at(role, key, i), "container name '" + name + "' is taken", "the " + role
                                + "'s own container is spark-kubernetes-" + role + "; every name must differ");
                    }
                }
            }
        }
    }

    void ingressIsConsistent() {
        var ui = job.ui();
        var ingress = ui.ingress();
        if (ui.nodePort() != null && !ui.serviceType().equals("NodePort")) {
            problems.error(at("ui", "service", "nodePort"), "ui.service.nodePort needs ui.service.type NodePort", null);
        }
        if (!ingress.enabled()) {
            return;
        }
        if (ingress.tlsSecretName() != null && app.route().host() == null) {
            problems.error(at("ui", "ingress", "tls"), "TLS needs a host", "set 'ui.ingress.host'");
        }
        if (app.pathRouted() && ui.serviceType().equals("NodePort")) {
            problems.warning(at("ui", "service", "type"), "the UI is served under the path " + app.uiPath()
                            + ", so through the node port its links (which carry that path) break",
                    "set 'ui.ingress.host' for host-based routing, or use the Ingress only");
        }
        String className = app.route().className();
        if (app.pathRouted() && !className.equals("nginx") && !className.equals("traefik")) {
            problems.warning(at("ui", "ingress", "className"), "spark-gen writes the path rewrite of nginx and "
                    + "traefik, not of '" + className + "'", "check that the controller strips " + app.uiPath()
                    + " before the driver, or set a host");
        }
        String rewrite = "nginx.ingress.kubernetes.io/rewrite-target";
        if (app.pathRouted() && ingress.annotations().containsKey(rewrite)) {
            problems.error(at("ui", "ingress", "annotations", rewrite), "annotation '" + rewrite
                    + "' is set by spark-gen", "path-based routing rewrites to the UI's root (/$2)");
        }
        if (ingress.annotations().containsKey("kubernetes.io/ingress.class")) {
            problems.error(at("ui", "ingress", "annotations", "kubernetes.io/ingress.class"),
                    "annotation 'kubernetes.io/ingress.class' is set by spark-gen", "set 'ui.ingress.className'");
        }
    }
}
