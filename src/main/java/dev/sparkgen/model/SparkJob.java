package dev.sparkgen.model;

import java.util.List;
import java.util.SortedMap;

/**
 * A job after its profiles, its file and {@code --set} are merged and validated: every field set, defaults
 * applied. Nothing here is derived; {@link App} holds what is.
 */
public record SparkJob(
        String name,
        String namespace,
        SparkVersion sparkVersion,
        List<String> profiles,
        String priorityClassName,
        String nameSuffix,
        String schedulerName,
        String serviceAccountName,
        String image,
        String imagePullPolicy,
        List<String> imagePullSecrets,
        String sparkHome,
        AppType type,
        String mainApplicationFile,
        String mainClass,
        List<String> arguments,
        Deps deps,
        SortedMap<String, String> sparkConf,
        SortedMap<String, String> hadoopConf,
        SortedMap<String, String> sparkEnv,
        Driver driver,
        Executor executor,
        String restartPolicy,
        Run run,
        Ui ui,
        List<Object> volumes,
        String sparkConfigMap,
        String hadoopConfigMap,
        Options.DynamicAllocation dynamicAllocation,
        Options.Monitoring monitoring,
        boolean rbac,
        Options.BatchScheduler batchScheduler,
        Options.NetworkPolicy networkPolicy) {

    public SparkJob {
        profiles = List.copyOf(profiles);
        imagePullSecrets = List.copyOf(imagePullSecrets);
        arguments = List.copyOf(arguments);
        volumes = List.copyOf(volumes);
    }
}
