package dev.sparkgen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sparkgen.model.App;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.testing.Jobs;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One canonical v1 Ingress, its policy per controller, and the adapter to the APIs of older clusters. */
class UiIngressTest {

    private static final App PATH_ROUTED = Jobs.app("");

    @Test
    void nginxUnderAPath_rewritesWithARegexAndImplementationSpecific() {
        UiIngress v1 = UiIngress.of(PATH_ROUTED);

        assertEquals("networking.k8s.io/v1", v1.apiVersion());
        assertEquals("/pi(/|$)(.*)", v1.path());
        assertEquals("ImplementationSpecific", v1.pathType());
        assertEquals("/$2", v1.annotations().get("nginx.ingress.kubernetes.io/rewrite-target"));
        assertEquals("nginx", v1.className());
        assertEquals(Map.of("service", Map.of("name", "pi-ui-svc", "port", Map.of("name", "spark-ui"))), v1.backend());
    }

    @Test
    void traefikUnderAPath_stripsThePrefixWithItsMiddlewareAndAPlainPrefix() {
        App app = Jobs.app("ui: {ingress: {className: traefik}}\n");
        UiIngress v1 = UiIngress.of(app);

        assertEquals("/pi", v1.path());
        assertEquals("Prefix", v1.pathType());
        assertEquals("default-pi-strip-prefix@kubernetescrd",
                v1.annotations().get("traefik.ingress.kubernetes.io/router.middlewares"));
        assertEquals(new UiIngress.StripPrefix("pi-strip-prefix", "/pi"), UiIngress.stripPrefix(app));
        assertEquals(true, UiIngress.traefikStripsPrefix(app));
    }

    @Test
    void atAHostsRoot_isAPrefixPathWithoutRewrite() {
        UiIngress v1 = UiIngress.of(Jobs.app("ui: {ingress: {host: pi.example.com}}\n"));

        assertEquals("/", v1.path());
        assertEquals("Prefix", v1.pathType());
        assertEquals("pi.example.com", v1.host());
        assertEquals(Map.of(), v1.annotations());
    }

    @Test
    void adapter_from119_keepsTheCanonicalObject() {
        UiIngress v1 = UiIngress.of(PATH_ROUTED);

        assertSame(v1, IngressApi.of(new KubeVersion(1, 19)).adapt(v1));
    }

    @Test
    void adapter_118_isV1beta1WithClassFieldPathTypeAndTheOldBackend() {
        UiIngress v1 = UiIngress.of(PATH_ROUTED);
        UiIngress old = IngressApi.of(new KubeVersion(1, 18)).adapt(v1);

        assertEquals("networking.k8s.io/v1beta1", old.apiVersion());
        assertEquals("nginx", old.className());
        assertEquals("ImplementationSpecific", old.pathType());
        assertEquals(Map.of("serviceName", "pi-ui-svc", "servicePort", "spark-ui"), old.backend());
        assertEquals(v1.annotations(), old.annotations());
        assertEquals(v1.path(), old.path());
    }

    @Test
    void adapter_117_movesTheClassToItsAnnotationAndDropsPathType() {
        UiIngress old = IngressApi.of(new KubeVersion(1, 17)).adapt(UiIngress.of(PATH_ROUTED));

        assertEquals("", old.className());
        assertEquals("", old.pathType());
        assertEquals("nginx", old.annotations().get("kubernetes.io/ingress.class"));
        assertEquals("/$2", old.annotations().get("nginx.ingress.kubernetes.io/rewrite-target"));
    }
}
