package dev.sparkgen.importer;

import static dev.sparkgen.importer.Conversion.string;
import static dev.sparkgen.importer.Conversion.textOf;

import dev.sparkgen.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spark's resource properties of a role that has a {@code gpu}: {@code spark.<role>.resource.<resource>.*} of
 * the GPU's resource name. The gpu field sets amount and vendor itself (the field wins); a discovery script
 * moves into {@code gpu.discoveryScript}. Other resources stay in sparkConf.
 */
final class ResourceConverter {

    private final Conversion c;

    ResourceConverter(Conversion c) {
        this.c = c;
    }

    /** Converts the properties of each role's GPU; returns the keys it handled. */
    List<String> convert(Map<String, Node> sparkConf) {
        List<String> handled = new ArrayList<>();
        for (String role : List.of("driver", "executor")) {
            Draft draft = c.job.object(role, c.job.origin());
            if (!draft.has("gpu")) {
                continue;
            }
            Draft gpu = draft.object("gpu", c.job.origin());
            String name = textOf(gpu.node("name"));
            if (name == null) {
                continue;
            }
            String prefix = "spark." + role + ".resource." + name.substring(name.lastIndexOf('/') + 1) + ".";
            sparkConf.forEach((key, value) -> {
                if (!key.startsWith(prefix) || textOf(value) == null) {
                    return;
                }
                handled.add(key);
                String setting = key.substring(prefix.length());
                if (setting.equals("discoveryScript")) {
                    gpu.put("discoveryScript", string(value.origin(), textOf(value).trim()));
                    c.note(role + ".gpu", "discoveryScript from sparkConf " + key);
                } else {
                    c.warn(value, "sparkConf " + key + " is not carried over: spec." + role + ".gpu sets it, and "
                            + "wins", "spark-gen writes amount and vendor from " + role + ".gpu");
                }
            });
        }
        return handled;
    }
}
