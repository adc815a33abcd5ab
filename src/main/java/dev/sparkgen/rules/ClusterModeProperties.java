package dev.sparkgen.rules;

import dev.sparkgen.model.App;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.MapNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spark properties that take effect only when spark-submit builds the driver pod itself, in cluster mode
 * (Spark's "Running on Kubernetes" documents each). spark-gen's spark-submit runs in client mode inside the pod
 * spark-gen writes, so Spark ignores them: each is an error that says what to write instead. The driver's volume
 * properties say which volume and mount they stand for.
 */
public final class ClusterModeProperties {

    private static final String KUBERNETES = "spark.kubernetes.";
    /**
     * Keys (or, ending with a dot, families of keys) client mode ignores, and what to write instead; each starts
     * with {@link #KUBERNETES}.
     */
    private static final Map<String, String> IGNORED = new LinkedHashMap<>();

    static {
        String service = "spark-gen writes the driver's headless service, <app>-driver-svc: patch it with Kustomize";
        String pod = "spark-gen writes the driver pod itself: set the job's driver.* fields";
        String submission = "spark-submit runs in the driver pod, in client mode: there is no submission to tune";
        IGNORED.put("spark.kubernetes.driver.secretKeyRef.", "write driver.env: [{name: ENV, valueFrom: "
                + "{secretKeyRef: {name: SECRET, key: KEY}}}] for spark.kubernetes.driver.secretKeyRef.ENV=SECRET:KEY");
        IGNORED.put("spark.kubernetes.driver.node.selector.", "set driver.nodeSelector");
        IGNORED.put("spark.kubernetes.driver.scheduler.name", "set schedulerName (both pods')");
        IGNORED.put("spark.kubernetes.driver.master", "in client mode the driver reaches the API server at "
                + "spark.master: set that instead");
        IGNORED.put("spark.kubernetes.driver.service.", service);
        IGNORED.put("spark.kubernetes.driver.podTemplateContainerName", pod);
        IGNORED.put("spark.kubernetes.driver.pod.featureSteps", pod);
        IGNORED.put("spark.kubernetes.driver.pod.excludedFeatureSteps", pod);
        for (String file : new String[] {"caCertFile", "clientKeyFile", "clientCertFile", "oauthToken",
                "oauthTokenFile"}) {
            IGNORED.put("spark.kubernetes.authenticate.driver." + file, "in client mode, set "
                    + "spark.kubernetes.authenticate." + file + " (a path in the driver pod: mount it with "
                    + "driver.secrets)");
            IGNORED.put("spark.kubernetes.authenticate.driver.mounted." + file, "in client mode, set "
                    + "spark.kubernetes.authenticate." + file);
        }
        IGNORED.put("spark.kubernetes.authenticate.submission.", "spark-submit runs in the driver pod and "
                + "authenticates with its service account (serviceAccountName)");
        IGNORED.put("spark.kubernetes.submission.", submission);
        IGNORED.put("spark.kubernetes.report.interval", submission);
        IGNORED.put("spark.kubernetes.file.upload.path", "client mode uploads nothing: give deps as remote URIs "
                + "(s3a://, https://) or local:// paths in the image");
        for (String key : IGNORED.keySet()) {
            if (!key.startsWith(KUBERNETES)) {
                throw new IllegalStateException("instead() looks only at keys under " + KUBERNETES + ": " + key);
            }
        }
    }

    private ClusterModeProperties() {
    }

    /** What to write instead of a property client mode ignores, or null when client mode reads it. */
    public static String instead(String key) {
        if (key.startsWith("spark.driver.resource.") && key.endsWith(".vendor")) {
            return "set driver.gpu: spark-gen puts the resource on the driver pod";
        }
        if (!key.startsWith(KUBERNETES)) {
            return null; // every key of IGNORED starts so
        }
        for (Map.Entry<String, String> entry : IGNORED.entrySet()) {
            String known = entry.getKey();
            if (known.endsWith(".") ? key.startsWith(known) && key.length() > known.length() : key.equals(known)) {
                return entry.getValue();
            }
        }
        return null;
    }

    static void check(App app, MapNode document, Problems problems) {
        Map<String, String> sparkConf = app.job().sparkConf();
        for (String key : sparkConf.keySet()) {
            String instead = instead(key);
            if (instead != null) {
                problems.error(Rules.origin(document, "sparkConf", key), "sparkConf key '" + key + "' takes effect "
                        + "only in cluster mode, when Spark builds the driver pod: client mode ignores it", instead);
            }
        }
        for (VolumeProperties.Volume volume : VolumeProperties.of(sparkConf, "driver")) {
            String first = volume.keys().get(0);
            problems.error(Rules.origin(document, "sparkConf", first), "sparkConf declares the driver volume '"
                    + volume.name() + "' (" + VolumeProperties.DRIVER + volume.type() + "." + volume.name() + ".*), which "
                    + "Spark mounts only in cluster mode", volume.problem() != null ? volume.problem()
                    : "write " + volume.asFields());
        }
    }
}
