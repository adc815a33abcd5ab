package dev.sparkgen.render;

import dev.sparkgen.model.App;
import dev.sparkgen.model.Derive;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.model.Role;
import dev.sparkgen.model.Run;
import dev.sparkgen.model.RunSummary;
import dev.sparkgen.model.SparkJob;
import dev.sparkgen.problem.Quote;
import dev.sparkgen.rules.Rules;
import java.util.ArrayList;
import java.util.List;

/**
 * The derived facts a reviewer checks, in words, written once: the per-app README and {@code explain} both show
 * them. The names against their limits (Spark's for the app name, a DNS subdomain for objects, a DNS label for
 * Services), and the settings that matter. Plain strings; each consumer escapes them for where they land.
 */
public final class Facts {

    /** Kubernetes' limit on most object names (a DNS subdomain). */
    public static final int DNS_SUBDOMAIN = 253;
    /** Kubernetes' limit on a Service's name (a DNS label), and on a Job's (its pods' job-name label). */
    public static final int DNS_LABEL = 63;
    /** The API server's limit on a CronJob's name: its Jobs' names add 11 characters. */
    public static final int CRONJOB_NAME = 52;

    /** A derived name against its limit. */
    public record Name(String what, String name, String length) {
    }

    /** A setting that matters to a reviewer. */
    public record Setting(String what, String value) {
    }

    private Facts() {
    }

    /** The names spark-gen derives, each with its length and limit. */
    public static List<Name> names(App app) {
        App.Names n = app.names();
        List<Name> names = new ArrayList<>();
        Run run = app.job().run();
        name(names, run.byController() ? "app name" : "app name (executor pod prefix)", app.name(),
                Rules.MAX_APP_NAME);
        switch (run.kind()) {
            case Pod -> name(names, "driver pod", n.driverPod(), DNS_SUBDOMAIN);
            case Job -> name(names, "driver Job (its pods' job-name label)", n.driverPod(), DNS_LABEL);
            case CronJob -> name(names, "driver CronJob", app.name(), CRONJOB_NAME);
        }
        name(names, "headless driver service", n.driverService(), DNS_LABEL);
        name(names, "UI service", n.uiService(), DNS_LABEL);
        name(names, "ConfigMap", n.configMap(), DNS_SUBDOMAIN);
        if (app.route().enabled()) {
            name(names, "Ingress", n.ingress(), DNS_SUBDOMAIN);
        }
        return names;
    }

    /**
     * The settings that matter: where, what runs (as it runs on a cluster of version {@code kube}), the pods' sizes,
     * scheduling, identity, the UI.
     */
    public static List<Setting> settings(App app, KubeVersion kube) {
        SparkJob job = app.job();
        List<Setting> settings = new ArrayList<>();
        setting(settings, "namespace", job.namespace());
        setting(settings, "profiles", job.profiles().isEmpty() ? "none" : String.join(", ", job.profiles()));
        setting(settings, "Spark", job.sparkVersion() + ", " + job.type().label());
        setting(settings, "image", job.image());
        setting(settings, "runs", job.mainApplicationFile() + (job.type().isJvm() && job.mainClass() != null
                ? " (" + job.mainClass() + ")" : "") + (job.arguments().isEmpty() ? ""
                : " with " + Quote.count(job.arguments().size(), "argument")));
        if (job.run().byController()) { // a Pod's README stays as it was: the Pod says how it runs
            RunSummary.of(job.run(), app.name(), job.restartPolicy(), kube).forEach((what, value) ->
                    setting(settings, what, value));
        }
        setting(settings, "driver", pod(job.driver().role(), app.driverSizing()));
        setting(settings, "executors", (job.dynamicAllocation().enabled() ? "dynamic, starting with "
                : "") + app.executorInstances() + " × " + pod(job.executor().role(), app.executorSizing()));
        setting(settings, "scheduling", (job.priorityClassName() != null ? "priority class "
                + job.priorityClassName() : "default priority") + ", " + (job.schedulerName() != null
                ? job.schedulerName() : "default scheduler")
                + (app.podGroup() != null ? ", PodGroup in queue " + app.podGroup().queue() : ""));
        setting(settings, "service account", app.serviceAccount() != null ? app.serviceAccount()
                : "default (of the namespace)");
        setting(settings, "Spark UI", ui(app));
        return settings;
    }

    /** The driver pod's name as a reader sees it: a Job's and a CronJob's pods get names their controllers make. */
    public static String driverPod(App app) {
        return switch (app.job().run().kind()) {
            case Pod -> app.names().driverPod();
            case Job -> app.names().driverPod() + "-xxxxx";
            case CronJob -> app.name() + "-minute-xxxxx";
        };
    }

    /**
     * The executors' pod name prefix as a reader sees it: the app's for a Pod driver; for a Job's or a CronJob's,
     * the attempt's pod ({@code restartPolicy: Never}) or, with OnFailure, the prefix Spark makes for each
     * spark-submit. Their names are the prefix and {@code -exec-N}.
     */
    public static String executorPrefix(App app, String attemptPod, String sparkId) {
        if (!app.job().run().byController()) {
            return app.name();
        }
        return app.job().restartPolicy().equals("Never") ? attemptPod : app.name() + "-" + sparkId;
    }

    private static void name(List<Name> names, String what, String name, int limit) {
        names.add(new Name(what, name, name.length() + " of " + limit));
    }

    private static void setting(List<Setting> settings, String what, String value) {
        settings.add(new Setting(what, value));
    }

    /** A pod's size: cores and memory, the memory after Spark's overhead rule. */
    private static String pod(Role role, App.Sizing sizing) {
        return Derive.cpuRequest(role) + " CPU" + (role.coreLimit() != null ? " (limit " + role.coreLimit() + ")" : "")
                + ", " + sizing.podMiB() + "Mi = " + sizing.heapMiB() + "Mi heap + " + sizing.overheadMiB()
                + "Mi overhead" + (sizing.overheadGiven() ? "" : " (max(" + App.Sizing.MIN_OVERHEAD_MIB + "Mi, " + sizing.factor() + " × heap))");
    }

    private static String ui(App app) {
        App.Route route = app.route();
        if (!route.enabled()) {
            return "no Ingress: kubectl port-forward pod/" + app.names().driverPod() + " "
                    + app.job().ui().port();
        }
        String scheme = app.job().ui().ingress().tlsSecretName() != null ? "https://" : "http://";
        return route.host() == null ? "any host of the ingress class, under " + route.path()
                : scheme + route.host() + (route.path() != null ? route.path() : "/");
    }
}
