package dev.sparkgen.render;

import dev.sparkgen.model.App;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.model.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Every manifest an app can have, in the order the kustomization lists them: its file (and template), when an app
 * has it, and the objects it holds (apiVersion and kind of each document, which the self-check holds it to; the
 * kind alone where {@link KubeVersion} picks the apiVersion).
 * A new kind of object is one line here, a template, and what it needs in {@link View}.
 */
final class Manifests {

    /**
     * One manifest file. The driver's manifest holds the driver pod's spec (the {@code driver-pod-spec} template)
     * at {@code podSpec}, the path of keys to it; the self-check reads the driver's container there.
     */
    record Manifest(String file, Predicate<App> when, List<String> podSpec, List<String> objects) {

        Manifest(String file, Predicate<App> when, String... objects) {
            this(file, when, List.of(), List.of(objects));
        }

        /** The driver: one per app, whichever kind of object runs it. */
        static Manifest driver(String file, Predicate<App> when, List<String> podSpec, String object) {
            return new Manifest(file, when, podSpec, List.of(object));
        }
    }

    static final List<Manifest> ALL = List.of(
            Manifest.driver("driver-pod.yaml", app -> kind(app) == Run.Kind.Pod, List.of("spec"), "v1 Pod"),
            Manifest.driver("driver-job.yaml", app -> kind(app) == Run.Kind.Job,
                    List.of("spec", "template", "spec"), "batch/v1 Job"),
            Manifest.driver("driver-cronjob.yaml", app -> kind(app) == Run.Kind.CronJob,
                    List.of("spec", "jobTemplate", "spec", "template", "spec"), "CronJob"),
            new Manifest("configmap.yaml", app -> true, "v1 ConfigMap"),
            new Manifest("driver-svc.yaml", app -> true, "v1 Service"),
            new Manifest("ui-svc.yaml", app -> true, "v1 Service"),
            new Manifest("ui-ingress.yaml", app -> app.route().enabled(), "Ingress"),
            new Manifest("rbac.yaml", app -> app.job().rbac(), "v1 ServiceAccount",
                    "rbac.authorization.k8s.io/v1 Role", "rbac.authorization.k8s.io/v1 RoleBinding"),
            new Manifest("podgroup.yaml", app -> app.podGroup() != null, "scheduling.volcano.sh/v1beta1 PodGroup"),
            new Manifest("networkpolicy.yaml", app -> app.job().networkPolicy().create(),
                    "networking.k8s.io/v1 NetworkPolicy", "networking.k8s.io/v1 NetworkPolicy"),
            new Manifest("traefik-middleware.yaml", UiIngress::traefikStripsPrefix, "traefik.io/v1alpha1 Middleware"));

    /** The first seven are the contract's: the driver (one of three kinds), its configuration, two Services, the Ingress. */
    private static final int CONTRACT = 7;

    private Manifests() {
    }

    private static Run.Kind kind(App app) {
        return app.job().run().kind();
    }

    /** The files of an app's manifests: the contract's five (four without an Ingress), then further objects. */
    static List<String> of(App app) {
        List<String> files = new ArrayList<>();
        for (Manifest manifest : ALL) {
            if (manifest.when().test(app)) {
                files.add(manifest.file());
            }
        }
        return files;
    }

    /** The manifest of an app's driver. */
    static Manifest driver(App app) {
        for (Manifest manifest : ALL) {
            if (!manifest.podSpec().isEmpty() && manifest.when().test(app)) {
                return manifest;
            }
        }
        throw new NoSuchElementException("no driver manifest");
    }

    static Manifest named(String file) {
        for (Manifest manifest : ALL) {
            if (manifest.file().equals(file)) {
                return manifest;
            }
        }
        throw new NoSuchElementException(file);
    }

    /**
     * Whether a file is one of the contract's manifests. By file name, not {@code ALL.indexOf}: a record's
     * {@code equals} is linked on its first call (method handles spun at run time, which no start-up archive
     * holds), about 10 ms of a cold render.
     */
    static boolean inContract(String file) {
        for (int i = 0; i < CONTRACT; i++) {
            if (ALL.get(i).file().equals(file)) {
                return true;
            }
        }
        return false;
    }
}
