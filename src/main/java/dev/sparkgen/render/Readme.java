package dev.sparkgen.render;

import dev.sparkgen.model.App;
import dev.sparkgen.model.KubeVersion;
import java.util.List;

/**
 * What the README of a rendered app tells a reviewer: the derived names against their limits and the settings that
 * matter ({@link Facts}, which {@code explain} shows too), and which objects there are, for its diagram.
 */
record Readme(List<Facts.Name> names, List<Facts.Setting> settings, boolean ingress, boolean rbac,
              boolean podGroup, boolean networkPolicy, String runKind, String driverPod, String executorPrefix) {

    static Readme of(App app, List<String> files, KubeVersion kube) {
        return new Readme(Facts.names(app), Facts.settings(app, kube), app.route().enabled(), files.contains("rbac.yaml"),
                files.contains("podgroup.yaml"), files.contains("networkpolicy.yaml"),
                app.job().run().kind().name(), Facts.driverPod(app),
                Facts.executorPrefix(app, Facts.driverPod(app), "id"));
    }
}
