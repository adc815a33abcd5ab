package dev.sparkgen.render;

/**
 * The shape of an Ingress for a cluster version: spark-gen builds one canonical Ingress, and this adapts it to
 * the API the cluster serves. From 1.19: {@code networking.k8s.io/v1}. 1.18: {@code v1beta1} with
 * {@code ingressClassName} and {@code pathType}. 1.14 to 1.17: {@code v1beta1}, the class as an annotation.
 */
public record IngressApi(String apiVersion, boolean classField, boolean pathType, boolean serviceBackend) {

    public static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";

    public static IngressApi of(KubeVersion version) {
        if (version.atLeast(1, 19)) {
            return new IngressApi("networking.k8s.io/v1", true, true, true);
        }
        return new IngressApi("networking.k8s.io/v1beta1", version.atLeast(1, 18), version.atLeast(1, 18), false);
    }
}
