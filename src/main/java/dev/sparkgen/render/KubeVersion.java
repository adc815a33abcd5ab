package dev.sparkgen.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Kubernetes version a render targets ({@code --kube-version}): picks the API versions that cluster serves. */
public record KubeVersion(int major, int minor) {

    /** The default: a current cluster. */
    public static final KubeVersion DEFAULT = new KubeVersion(1, 32);
    /** The oldest cluster spark-gen writes for: networking.k8s.io/v1beta1 Ingress is served from 1.14. */
    public static final KubeVersion OLDEST = new KubeVersion(1, 14);

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

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
