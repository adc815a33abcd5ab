package dev.sparkgen.render;

import dev.sparkgen.model.App;
import dev.sparkgen.model.DriverRole;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.model.NetworkPolicyRules;
import dev.sparkgen.model.SparkJob;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the templates see, and what {@link SelfCheck} holds the output to: one typed record per object, its
 * components named as the templates read them ({@link Template}). Values stay raw; the templates' functions
 * encode them. Assembling it decides nothing: names, sizes and routes come from the {@link App}, the shape of
 * each object from its unit ({@link Pods}, {@link UiIngress}, {@link Manifests}); Kubernetes objects that are
 * printed whole (volumes, ports, passed-through fields) are plain maps and lists.
 */
record View(
        String source,
        String app,
        String namespace,
        App.Names names,
        SortedMap<String, String> labels,
        SortedMap<String, String> selector,
        Map<String, String> syncBeforePod,
        DriverPod pod,
        ExecutorTemplate executor,
        SortedMap<String, String> sparkDefaults,
        SortedMap<String, String> sparkEnv,
        List<ServicePort> driverPorts,
        UiService uiService,
        UiIngress ingress,
        UiIngress.StripPrefix middleware,
        List<Map<String, Object>> rbacRules,
        PodGroup podGroup,
        NetworkPolicies networkPolicy,
        DriverJob job,
        DriverCronJob cronJob,
        List<String> resources) {

    /** Argo CD applies an object with this annotation before the pods: the PodGroup and the driver's identity. */
    static final Map<String, String> SYNC_BEFORE_THE_POD = Map.of("argocd.argoproj.io/sync-wave", "-1");

    /** What the comment naming the job file keeps of its name: the rest becomes '_'. */
    private static final Pattern NOT_IN_A_SOURCE = Pattern.compile("[^A-Za-z0-9._-]");

    /** The driver pod: metadata, the pod-level fields (sorted, printed beside each other), its one container. */
    record DriverPod(SortedMap<String, String> labels, SortedMap<String, String> annotations,
                     Map<String, Object> spec, String image, String imagePullPolicy, List<Arg> args, List<Env> env,
                     List<Port> ports, Resources resources, List<Object> volumeMounts,
                     Map<String, Object> containerFields, List<Object> sidecars, List<Object> volumes) {
    }

    /** A container's named TCP port. */
    record Port(String name, int number) {
    }

    /** A Service's named TCP port, the same number on the pod; nodePort 0 unless the job gives one. */
    record ServicePort(String name, int number, int nodePort) {
    }

    /** A container's requests and limits (Kubernetes quantities); cpuLimit empty when there is none. */
    record Resources(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit, String gpuName,
                     long gpuCount) {
    }

    /** The executors' pod template: what Spark completes for each executor. */
    record ExecutorTemplate(SortedMap<String, String> labels, SortedMap<String, String> annotations,
                            Map<String, Object> spec, Map<String, Object> container, List<Env> env,
                            List<Object> sidecars) {
    }

    /** One argument of a container's command; a literal one is escaped against Kubernetes' $(VAR) expansion. */
    record Arg(String text, boolean literal) {
    }

    /** One env var of a container: a literal value, or (valueFrom not empty) a reference Kubernetes resolves. */
    record Env(String name, String value, Map<String, Object> valueFrom) {

        static Env literal(String name, String value) {
            return new Env(name, value, Map.of());
        }

        static Env from(String name, Map<String, Object> source) {
            return new Env(name, "", source);
        }
    }

    /** The UI's Service. */
    record UiService(String type, SortedMap<String, String> labels, SortedMap<String, String> annotations,
                     List<ServicePort> ports) {
    }

    /** Volcano's PodGroup; priorityClassName is empty when none applies. */
    record PodGroup(String queue, String priorityClassName, SortedMap<String, String> minResources) {
    }

    /**
     * The Job that runs the driver pod (a CronJob's Jobs too): retries, deadline and time to live, each absent
     * (false, 0) when unset; with {@code podFailurePolicy} an evicted driver runs again without using up a retry.
     */
    record DriverJob(int backoffLimit, long activeDeadlineSeconds, boolean podFailurePolicy, boolean timeToLive,
                     int ttlSecondsAfterFinished) {
    }

    /** The CronJob that starts the driver's Jobs: its schedule and policies, Kubernetes' names; timeZone may be "". */
    record DriverCronJob(String apiVersion, String schedule, String timeZone, String concurrencyPolicy, boolean suspend,
                         boolean startingDeadline, long startingDeadlineSeconds, int successfulJobsHistoryLimit,
                         int failedJobsHistoryLimit) {
    }

    /** The two NetworkPolicies: which pods each selects, and what may reach them. */
    record NetworkPolicies(Map<String, Object> driverSelector, Map<String, Object> executorSelector,
                           List<Map<String, Object>> driverIngress, List<Map<String, Object>> executorIngress) {
    }

    /** The job file's name as the comment naming it keeps it; most are kept whole, without a regex's pass. */
    private static String sourceName(String source) {
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-')) {
                return NOT_IN_A_SOURCE.matcher(source).replaceAll("_");
            }
        }
        return source;
    }

    static View of(App app, KubeVersion kube, String source) {
        SparkJob job = app.job();
        var ui = job.ui();
        SortedMap<String, String> uiLabels = new TreeMap<>(ui.serviceLabels());
        uiLabels.putAll(app.labels());
        App.PodGroup group = app.podGroup();
        return new View(
                sourceName(source),
                app.name(),
                job.namespace(),
                app.names(),
                app.labels(),
                app.selector(),
                SYNC_BEFORE_THE_POD,
                Pods.driver(app),
                Pods.executor(app),
                app.sparkDefaults(),
                job.sparkEnv(),
                List.of(new ServicePort(Pods.RPC_PORT, job.driver().port(), 0),
                        new ServicePort(Pods.BLOCK_MANAGER_PORT, job.driver().blockManagerPort(), 0)),
                new UiService(ui.serviceType(), uiLabels, ui.serviceAnnotations(),
                        List.of(new ServicePort(Pods.UI_PORT, ui.port(), ui.nodePort() == null ? 0 : ui.nodePort()))),
                IngressApi.of(kube).adapt(UiIngress.of(app)),
                UiIngress.stripPrefix(app),
                DriverRole.RULES,
                group == null ? null : new PodGroup(group.queue(),
                        group.priorityClassName() == null ? "" : group.priorityClassName(), group.minResources()),
                new NetworkPolicies(NetworkPolicyRules.pods(app, "driver"), NetworkPolicyRules.pods(app, "executor"),
                        NetworkPolicyRules.driverIngress(app), NetworkPolicyRules.executorIngress(app)),
                Runs.job(app.job(), kube),
                Runs.cronJob(app.job(), kube),
                Manifests.of(app));
    }
}
