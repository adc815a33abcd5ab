package dev.sparkgen.importer;

import static dev.sparkgen.importer.Conversion.items;
import static dev.sparkgen.importer.Conversion.node;
import static dev.sparkgen.importer.Conversion.textOf;

import dev.sparkgen.rules.VolumeProperties;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Volumes declared by Spark properties ({@code spark.kubernetes.{driver,executor}.volumes.*}) into the job's
 * {@code volumes} and the role's {@code volumeMounts}. Spark mounts the driver's only in cluster mode, so in
 * spark-gen's pod they would be lost; a driver's OnDemand claim becomes an ephemeral volume (a claim made with the
 * pod and deleted with it). An executor's OnDemand claim stays in sparkConf: Spark creates those for each executor
 * in client mode too, and may reuse them across executors, which a volume of the template cannot.
 */
final class VolumeConverter {

    private final Conversion c;

    VolumeConverter(Conversion c) {
        this.c = c;
    }

    /** Converts the volume properties of {@code sparkConf}; returns the keys it handled. */
    List<String> convert(Map<String, Node> sparkConf, Draft kept) {
        Map<String, String> texts = new LinkedHashMap<>();
        sparkConf.forEach((key, value) -> {
            if (textOf(value) != null) {
                texts.put(key, textOf(value));
            }
        });
        List<String> handled = new ArrayList<>();
        for (String role : List.of("driver", "executor")) {
            for (VolumeProperties.Volume volume : VolumeProperties.of(texts, role)) {
                handled.addAll(volume.keys());
                Node at = sparkConf.get(volume.keys().get(0));
                String where = "sparkConf " + (role.equals("driver") ? VolumeProperties.DRIVER
                        : VolumeProperties.EXECUTOR) + volume.type() + "." + volume.name() + ".*";
                if (volume.problem() != null) {
                    c.warn(at, where + " is not carried over: " + volume.problem(), "mount it with volumes and "
                            + role + ".volumeMounts");
                } else if (role.equals("executor") && volume.perPodClaim()) {
                    volume.keys().forEach(key -> kept.put(key, sparkConf.get(key)));
                } else {
                    carry(role, volume, at, where);
                }
            }
        }
        return handled;
    }

    private void carry(String role, VolumeProperties.Volume volume, Node at, String where) {
        Node existing = items(c.job.node("volumes")).stream()
                .filter(v -> volume.name().equals(TemplateConverter.nameOf(v))).findFirst().orElse(null);
        if (existing == null) {
            Conversion.append(c.job, "volumes", node(volume.volume(), at.origin()));
        } else if (!Conversion.sameData(existing, volume.volume())) {
            c.warn(at, where + " is not carried over as a volume: 'volumes' has another '" + volume.name()
                    + "' (from spec.volumes or the other role's properties), which both pods share",
                    "give the volumes different names in the SparkApplication");
        }
        Draft draft = c.job.object(role, at.origin());
        boolean mounted = items(draft.node("volumeMounts")).stream()
                .anyMatch(m -> volume.name().equals(TemplateConverter.nameOf(m)));
        if (!mounted) {
            Conversion.append(draft, "volumeMounts", node(volume.mount(), at.origin()));
        }
        c.note("volumes", "with the volumes of spark.kubernetes.*.volumes.* in sparkConf");
        c.note(role + ".volumeMounts", "with " + where.substring("sparkConf ".length()) + " from sparkConf");
        if (role.equals("driver") && volume.name().startsWith("spark-local-dir-")) {
            c.warn(at, where + " is carried over as the volume '" + volume.name() + "' and driver.volumeMounts, "
                    + "but not as the driver's local directory: the driver keeps its local directories (shuffle "
                    + "and spill files) on spark-gen's scratch volume", "the volume is mounted where it was; "
                    + "executors still use their spark-local-dir-* volumes as local directories");
        }
    }
}
