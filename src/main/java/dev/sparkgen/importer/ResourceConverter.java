package dev.sparkgen.importer;

import static dev.sparkgen.importer.Conversion.string;
import static dev.sparkgen.importer.Conversion.textOf;

import dev.sparkgen.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's resource properties of a role that has a {@code gpu}: {@code spark.<role>.resource.<resource>.*} of
 * the GPU's resource name. The gpu field sets amount and vendor itself (the field wins); a discovery script
 * moves into {@code gpu.discoveryScript}. Other resources stay in sparkConf.
 */
final class ResourceConverter {

    private static final Pattern VENDOR = Pattern.compile("spark\\.driver\\.resource\\.([^.]+)\\.vendor");

    private final Conversion c;

    ResourceConverter(Conversion c) {
        this.c = c;
    }

    /** Converts the properties of each role's GPU; returns the keys it handled. */
    List<String> convert(Map<String, Node> sparkConf) {
        List<String> handled = new ArrayList<>();
        driverResource(sparkConf, handled);
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
                if (!key.startsWith(prefix) || textOf(value) == null || handled.contains(key)) {
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

    /**
     * A driver resource with a vendor: Spark puts it on the driver pod only in cluster mode, so in spark-gen's pod
     * the driver would find none. It becomes driver.gpu (whose properties the loop above then takes).
     */
    private void driverResource(Map<String, Node> sparkConf, List<String> handled) {
        Draft driver = c.job.object("driver", c.job.origin());
        if (driver.has("gpu")) {
            return;
        }
        sparkConf.forEach((key, value) -> {
            Matcher vendor = VENDOR.matcher(key);
            Node amount = vendor.matches() ? sparkConf.get("spark.driver.resource." + vendor.group(1) + ".amount")
                    : null;
            if (driver.has("gpu") || amount == null || textOf(amount) == null || textOf(value) == null
                    || !textOf(amount).trim().matches("[1-9][0-9]{0,8}")) {
                return;
            }
            Draft gpu = driver.object("gpu", value.origin());
            gpu.put("name", string(value.origin(), textOf(value).trim() + "/" + vendor.group(1)));
            gpu.put("quantity", new dev.sparkgen.source.Scalar(amount.origin(), textOf(amount).trim(),
                    Long.parseLong(textOf(amount).trim())));
            c.note("driver.gpu", "from " + key + " and .amount in sparkConf, which Spark applies to the driver pod "
                    + "in cluster mode only");
            handled.add(key);
            handled.add("spark.driver.resource." + vendor.group(1) + ".amount");
        });
    }
}
