package dev.sparkgen.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes version a render targets ({@code --kube-version}): picks the API versions that cluster serves, and
 * the Job and CronJob fields it honours. A field counts from the release that takes it by default (beta or GA):
 * before, it sits behind an alpha feature gate that is off, and the API server drops it.
 */
public record KubeVersion(int major, int minor) {

    /** The default: a current cluster. */
    public static final KubeVersion DEFAULT = new KubeVersion(1, 32);
    /** The oldest cluster spark-gen writes for: networking.k8s.io/v1beta1 Ingress is served from 1.14. */
    public static final KubeVersion OLDEST = new KubeVersion(1, 14);

    /**
     * A Job's podFailurePolicy, and the DisruptionTarget pod condition its rule matches: beta and on in 1.26 (alpha
     * and off in 1.25), GA in 1.31.
     */
    public static final KubeVersion POD_FAILURE_POLICY = new KubeVersion(1, 26);
    /** A CronJob's timeZone: beta and on in 1.25 (alpha and off in 1.24), GA in 1.27. */
    public static final KubeVersion CRONJOB_TIME_ZONE = new KubeVersion(1, 25);
    /** A Job's ttlSecondsAfterFinished: beta and on in 1.21 (alpha and off from 1.12), GA in 1.23. */
    public static final KubeVersion JOB_TIME_TO_LIVE = new KubeVersion(1, 21);
    /** CronJob in batch/v1; before it, batch/v1beta1 (served until 1.24), whose fields spark-gen writes alike. */
    public static final KubeVersion BATCH_V1_CRONJOB = new KubeVersion(1, 21);
    /** Every namespace labelled {@code kubernetes.io/metadata.name: <its name>}: beta and on in 1.21, GA in 1.22. */
    public static final KubeVersion NAMESPACE_NAME_LABEL = new KubeVersion(1, 21);

    private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)(\\.\\d+)?");

    /** Parses {@code 1.32}, {@code v1.32} or {@code 1.32.2}; null when it is none of these. */
    public static KubeVersion parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        return new KubeVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean atLeast(int major, int minor) {
        return this.major > major || this.major == major && this.minor >= minor;
    }

    /** Whether this cluster serves what came with {@code release}, one of the constants above. */
    public boolean serves(KubeVersion release) {
        return atLeast(release.major, release.minor);
    }

    /** The CronJob's apiVersion on this cluster. */
    public String cronJobApiVersion() {
        return serves(BATCH_V1_CRONJOB) ? "batch/v1" : "batch/v1beta1";
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
