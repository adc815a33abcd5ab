package dev.sparkgen.render;

import dev.sparkgen.model.KubeVersion;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Ingress API a cluster serves, and the adapter from spark-gen's one canonical v1 {@link UiIngress} to it.
 * From 1.19: {@code networking.k8s.io/v1}, as built. 1.18: {@code v1beta1} with {@code ingressClassName} and
 * {@code pathType}. 1.14 to 1.17: {@code v1beta1}, the class as an annotation, no pathType. Before 1.19 the
 * backend is {@code serviceName}/{@code servicePort}.
 */
record IngressApi(String apiVersion, boolean classField, boolean pathType, boolean serviceBackend) {

    static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";

    static IngressApi of(KubeVersion version) {
        if (version.atLeast(1, 19)) {
            return new IngressApi(UiIngress.API_VERSION, true, true, true);
        }
        return new IngressApi("networking.k8s.io/v1beta1", version.atLeast(1, 18), version.atLeast(1, 18), false);
    }

    /** The canonical Ingress as this API writes it. */
    UiIngress adapt(UiIngress v1) {
        if (serviceBackend && classField && pathType) {
            return v1;
        }
        SortedMap<String, String> annotations = new TreeMap<>(v1.annotations());
        if (!classField) {
            annotations.put(CLASS_ANNOTATION, v1.className());
        }
        Map<String, Object> backend = serviceBackend ? v1.backend()
                : Map.of("serviceName", v1.service(), "servicePort", UiIngress.UI_PORT);
        return new UiIngress(apiVersion, annotations, classField ? v1.className() : "", v1.host(), v1.path(),
                pathType ? v1.pathType() : "", v1.service(), backend, v1.tls());
    }
}
