package dev.sparkgen.model;

import java.util.SortedMap;
import java.util.TreeMap;

/** Computes an {@link App} from a job: every name, label, size and property, once. */
public final class Derive {

    /** Labels spark-gen puts on objects; users may not set them. */
    public static final String APP_LABEL = "app-name";
    public static final String ROLE_LABEL = "spark-role";

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
        String uiPath = uiPath(job, app);
        String driverHost = names.driverService() + "." + job.namespace() + ".svc";
        double factor = job.type().overheadFactor();
        return new App(job, app, names, labels,
                podLabels(labels, job.driver().role(), "driver"),
                podLabels(labels, job.executor().role(), "executor"),
                selector,
                App.Sizing.of(job.driver().role().memory(), job.driver().role().memoryOverhead(), factor),
                App.Sizing.of(job.executor().role().memory(), job.executor().role().memoryOverhead(), factor),
                uiPath, driverHost,
                SparkProperties.of(job, app, names, driverHost, uiPath));
    }

    /** The UI's path prefix behind the Ingress, or null when it is served at a host's root or has no Ingress. */
    private static String uiPath(SparkJob job, String app) {
        var ingress = job.ui().ingress();
        if (!ingress.enabled() || ingress.host() != null && ingress.path() == null) {
            return null;
        }
        return ingress.path() != null ? ingress.path() : "/" + app;
    }

    private static SortedMap<String, String> podLabels(SortedMap<String, String> common, Role role, String which) {
        SortedMap<String, String> labels = new TreeMap<>(role.labels());
        labels.putAll(common);
        labels.put("app.kubernetes.io/component", which);
        labels.put(ROLE_LABEL, which);
        return labels;
    }
}
