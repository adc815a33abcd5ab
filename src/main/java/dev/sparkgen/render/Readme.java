package dev.sparkgen.render;

import dev.sparkgen.model.App;
import dev.sparkgen.model.Derive;
import dev.sparkgen.model.Role;
import dev.sparkgen.model.SparkJob;
import dev.sparkgen.rules.Rules;
import java.util.ArrayList;
import java.util.List;

/**
 * What the README of a rendered app tells a reviewer: the derived names against their limits, the settings that
 * matter, and which objects there are, for its diagram. Plain strings, which the template escapes for Markdown.
 */
record Readme(List<Name> names, List<Setting> settings, boolean ingress, boolean rbac, boolean podGroup,
              boolean networkPolicy) {

    /** A derived name against its limit. */
    record Name(String what, String name, String length) {
    }

    /** A setting that matters to a reviewer. */
    record Setting(String what, String value) {
    }

    static Readme of(App app, List<String> files) {
        SparkJob job = app.job();
        App.Names n = app.names();
        List<Name> names = new ArrayList<>();
        name(names, "app name (executor pod prefix)", app.name(), Rules.MAX_APP_NAME);
        name(names, "driver pod", n.driverPod(), 253);
        name(names, "headless driver service", n.driverService(), 63);
        name(names, "UI service", n.uiService(), 63);
        name(names, "ConfigMap", n.configMap(), 253);
        if (app.route().enabled()) {
            name(names, "Ingress", n.ingress(), 253);
        }

        List<Setting> settings = new ArrayList<>();
        setting(settings, "namespace", job.namespace());
        setting(settings, "profiles", job.profiles().isEmpty() ? "none" : String.join(", ", job.profiles()));
        setting(settings, "Spark", job.sparkVersion() + ", " + job.type().label());
        setting(settings, "image", job.image());
        setting(settings, "runs", job.mainApplicationFile() + (job.type().isJvm() && job.mainClass() != null
                ? " (" + job.mainClass() + ")" : "") + (job.arguments().isEmpty() ? ""
                : " with " + job.arguments().size() + " argument(s)"));
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
        return new Readme(names, settings, app.route().enabled(), files.contains("rbac.yaml"),
                files.contains("podgroup.yaml"), files.contains("networkpolicy.yaml"));
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
                + "Mi overhead" + (sizing.overheadGiven() ? "" : " (max(384Mi, " + sizing.factor() + " × heap))");
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
