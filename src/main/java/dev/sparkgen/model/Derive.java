package dev.sparkgen.model;

import java.util.SortedMap;
import java.util.TreeMap;

/** Computes an {@link App} from a job: every name, label, size, route and property, once. */
public final class Derive {

    /** Labels spark-gen puts on objects; users may not set them. */
    public static final String APP_LABEL = "app-name";
    public static final String ROLE_LABEL = "spark-role";
    /** Volcano's annotation naming a pod's PodGroup. */
    public static final String GROUP_ANNOTATION = "scheduling.k8s.io/group-name";
    /** Volcano's annotation naming the queue of the PodGroup its controller makes for a pod that names none. */
    public static final String QUEUE_ANNOTATION = "scheduling.volcano.sh/queue-name";
    /** YuniKorn's queue label and application id annotation, as Spark documents them. */
    public static final String YUNIKORN_QUEUE = "queue";
    public static final String YUNIKORN_APP_ID = "yunikorn.apache.org/app-id";

    private Derive() {
    }

    /** {@code <name>[-<priorityClassName>]<nameSuffix>}: the base of every object name. */
    public static String appName(SparkJob job) {
        return job.name() + (job.priorityClassName() != null ? "-" + job.priorityClassName() : "") + job.nameSuffix();
    }

    public static App app(SparkJob job) {
        String app = appName(job);
        App.Names names = App.Names.of(app);
        SortedMap<String, String> labels = new TreeMap<>();
        labels.put(APP_LABEL, app);
        labels.put("app.kubernetes.io/instance", app);
        labels.put("app.kubernetes.io/managed-by", "spark-gen");
        labels.put("app.kubernetes.io/name", job.name());
        SortedMap<String, String> selector = new TreeMap<>();
        selector.put(APP_LABEL, app);
        selector.put(ROLE_LABEL, "driver");
        App.Route route = route(job, app);
        double factor = job.type().overheadFactor();
        App.Sizing driverSizing = App.Sizing.of(job.driver().role().memory(), job.driver().role().memoryOverhead(), factor);
        App.Sizing executorSizing = App.Sizing.of(job.executor().role().memory(),
                job.executor().role().memoryOverhead(), factor);
        int instances = initialExecutors(job);
        boolean volcano = "volcano".equals(job.schedulerName());
        // A CronJob's runs would all name one PodGroup, which Volcano leaves Completed after the first: they name
        // none, and Volcano's controller makes one per run's Job (and per driver, for its executors).
        App.PodGroup podGroup = volcano && job.run().kind() != Run.Kind.CronJob
                ? podGroup(job, driverSizing, executorSizing, instances) : null;

        SortedMap<String, String> driverLabels = podLabels(labels, job.driver().role(), "driver");
        SortedMap<String, String> executorLabels = podLabels(labels, job.executor().role(), "executor");
        SortedMap<String, String> driverAnnotations = new TreeMap<>(job.driver().role().annotations());
        SortedMap<String, String> executorAnnotations = new TreeMap<>(job.executor().role().annotations());
        if (podGroup != null) {
            driverAnnotations.put(GROUP_ANNOTATION, names.podGroup());
            executorAnnotations.put(GROUP_ANNOTATION, names.podGroup());
        } else if (volcano) {
            String queue = job.batchScheduler().queue() != null ? job.batchScheduler().queue() : "default";
            driverAnnotations.put(QUEUE_ANNOTATION, queue);
            executorAnnotations.put(QUEUE_ANNOTATION, queue);
        }
        if ("yunikorn".equals(job.schedulerName())) {
            String queue = job.batchScheduler().queue() != null ? job.batchScheduler().queue() : "root.default";
            for (SortedMap<String, String> podLabels : java.util.List.of(driverLabels, executorLabels)) {
                podLabels.put(YUNIKORN_QUEUE, queue);
            }
            driverAnnotations.put(YUNIKORN_APP_ID, app);
            executorAnnotations.put(YUNIKORN_APP_ID, app);
        }
        Features.Monitoring monitoring = job.monitoring();
        if (monitoring.jmxExporter()) {
            scrape(driverAnnotations, monitoring.port(), "/metrics");
            if (monitoring.exposeExecutorMetrics()) {
                scrape(executorAnnotations, monitoring.port(), "/metrics");
            }
        } else if (monitoring.exposeDriverMetrics()) {
            scrape(driverAnnotations, job.ui().port(), "/metrics/prometheus/");
        }
        SparkProperties.Generated properties = SparkProperties.of(job, app, names, route);
        return new App(job, app, names, labels, driverLabels, executorLabels, driverAnnotations, executorAnnotations,
                selector, driverSizing, executorSizing, instances, route,
                job.rbac() ? names.serviceAccount() : job.serviceAccountName(), podGroup,
                properties.values(), properties.owners());
    }

    /**
     * Where the UI is served. The Spark Operator's {@code urlFormat} ({{$appName}}.example.com, or with a path
     * after the host) gives host and path; without a host the UI is served under /{@code <app>} on any host.
     */
    static App.Route route(SparkJob job, String app) {
        Ui.Ingress ingress = job.ui().ingress();
        String host = ingress.host();
        String path = ingress.path();
        if (ingress.urlFormat() != null) {
            String url = ingress.urlFormat().replace("{{$appName}}", app).replace("{{$appNamespace}}", job.namespace());
            int slash = url.indexOf('/');
            host = slash < 0 ? url : url.substring(0, slash);
            String rest = slash < 0 ? "" : url.substring(slash).replaceAll("/+$", "");
            path = rest.isEmpty() ? null : rest;
        }
        if (host == null && path == null) {
            path = "/" + app;
        }
        return new App.Route(ingress.enabled(), host, path, ingress.className());
    }

    /**
     * How many executors Spark asks for first: spark.executor.instances, or under dynamic allocation the largest
     * of minExecutors, initialExecutors and instances (Spark's getInitialTargetExecutorNumber).
     */
    static int initialExecutors(SparkJob job) {
        Executor executor = job.executor();
        Features.DynamicAllocation dynamic = job.dynamicAllocation();
        if (!dynamic.enabled()) {
            return executor.instances();
        }
        Integer instances = executor.instancesGiven() ? executor.instances() : null;
        int initial = 0;
        for (Integer n : new Integer[] {dynamic.minExecutors(), dynamic.initialExecutors(), instances}) {
            initial = Math.max(initial, n == null ? 0 : n);
        }
        return initial;
    }

    /** The PodGroup, holding room for the driver and the first executors unless resources are given. */
    private static App.PodGroup podGroup(SparkJob job, App.Sizing driver, App.Sizing executor, int instances) {
        Features.BatchScheduler options = job.batchScheduler();
        SortedMap<String, String> resources = new TreeMap<>(options.resources());
        if (resources.isEmpty()) {
            long cpu = allMillicores(job, instances);
            long memory = allMiB(driver, executor, instances);
            resources.put("cpu", cpu % 1000 == 0 ? String.valueOf(cpu / 1000) : cpu + "m");
            resources.put("memory", memory + "Mi");
        }
        return new App.PodGroup(options.queue() != null ? options.queue() : "default",
                options.priorityClassName() != null ? options.priorityClassName() : job.priorityClassName(), resources);
    }

    /**
     * The CPU the driver's pod and {@code instances} executor pods request, in millicores, or -1 when that is more
     * than a long holds (each request fits, {@code rules.Quantities} sees to it; their sum may not).
     */
    public static long allMillicores(SparkJob job, int instances) {
        return total(millicores(cpuRequest(job.driver().role())), instances,
                millicores(cpuRequest(job.executor().role())));
    }

    /** The memory the driver's pod and {@code instances} executor pods request, in MiB, or -1 as above. */
    public static long allMiB(App.Sizing driver, App.Sizing executor, int instances) {
        return total(driver.podMiB(), instances, executor.podMiB());
    }

    private static long total(long first, int count, long each) {
        try {
            return Math.addExact(first, Math.multiplyExact(count, each));
        } catch (ArithmeticException tooLarge) {
            return -1;
        }
    }

    /** The CPU a role's pod requests: coreRequest, else its cores. */
    public static String cpuRequest(Role role) {
        return role.coreRequest() != null ? role.coreRequest() : String.valueOf(role.cores());
    }

    /**
     * A CPU quantity of the schema's form (2, 1.5, 500m) in millicores, or -1 when that is more than a long holds,
     * as Kubernetes holds it; {@code rules.Quantities} refuses such a quantity before a job is bound.
     */
    public static long millicores(String quantity) {
        if (quantity.endsWith("m")) {
            return Memory.number(quantity.substring(0, quantity.length() - 1));
        }
        int dot = quantity.indexOf('.');
        long cores = Memory.number(dot < 0 ? quantity : quantity.substring(0, dot));
        // the schema allows 1 to 3 decimals: 1.5 is 1500m
        long thousandths = dot < 0 ? 0 : Long.parseLong((quantity.substring(dot + 1) + "00").substring(0, 3));
        return cores < 0 || cores > (Long.MAX_VALUE - thousandths) / 1000 ? -1 : cores * 1000 + thousandths;
    }

    private static void scrape(SortedMap<String, String> annotations, int port, String path) {
        annotations.put("prometheus.io/scrape", "true");
        annotations.put("prometheus.io/port", String.valueOf(port));
        annotations.put("prometheus.io/path", path);
    }

    private static SortedMap<String, String> podLabels(SortedMap<String, String> common, Role role, String which) {
        SortedMap<String, String> labels = new TreeMap<>(role.labels());
        labels.putAll(common);
        labels.put("app.kubernetes.io/component", which);
        labels.put(ROLE_LABEL, which);
        return labels;
    }
}
