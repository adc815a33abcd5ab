package dev.sparkgen.rules;

import dev.sparkgen.model.App;
import dev.sparkgen.model.Gpu;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.MapNode;
import java.util.List;

/**
 * Spark refuses to start a driver or executor that has a resource without a discovery script to find it; it ships
 * one only for NVIDIA GPUs. Another vendor's GPUs need {@code gpu.discoveryScript}.
 */
final class GpusAreFound {

    private GpusAreFound() {
    }

    static void check(App app, MapNode document, Problems problems) {
        for (String role : List.of("driver", "executor")) {
            Gpu gpu = (role.equals("driver") ? app.job().driver().role() : app.job().executor().role()).gpu();
            if (gpu != null && gpu.script(app.job().sparkHome()) == null) {
                problems.error(Rules.origin(document, role, "gpu", "name"), role + ".gpu " + gpu.name() + " needs a "
                        + "discoveryScript: Spark finds a role's GPUs with one, and ships one only for "
                        + Gpu.NVIDIA, "set " + role + ".gpu.discoveryScript to a script in the image that prints "
                        + "the GPUs as Spark's ResourceInformation JSON");
            }
        }
    }
}
