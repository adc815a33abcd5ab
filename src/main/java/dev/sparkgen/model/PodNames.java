package dev.sparkgen.model;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names spark-gen gives inside the pods it writes: the volumes, and the env vars of the driver container.
 * Listed once: the render uses them, and the rules refuse a job's own volume or env var of the same name.
 */
public final class PodNames {

    public static final String CONF_VOLUME = "spark-conf";
    public static final String SCRATCH_VOLUME = "spark-scratch";
    public static final String HADOOP_VOLUME = "hadoop-conf";
    public static final String METRICS_VOLUME = "spark-metrics";
    /** The prefixes of the volumes of a role's Secrets and ConfigMaps: {@code secret-0}, {@code configmap-1}. */
    public static final String SECRET_VOLUMES = "secret";
    public static final String CONFIG_MAP_VOLUMES = "configmap";

    public static final String HOME_VAR = "SPARK_HOME";
    public static final String CONF_DIR_VAR = "SPARK_CONF_DIR";
    public static final String LOCAL_DIRS_VAR = "SPARK_LOCAL_DIRS";
    /** The driver's env vars from the downward API, which its command line refers to as $(VAR). */
    public static final String BIND_ADDRESS_VAR = "SPARK_DRIVER_BIND_ADDRESS";
    public static final String NAMESPACE_VAR = "SPARK_NAMESPACE";
    /** A Job's or CronJob's driver pod: the name the Job controller generated for it. */
    public static final String POD_NAME_VAR = "SPARK_DRIVER_POD_NAME";
    /** Every env var spark-gen sets in the driver container, in the order it writes them. */
    public static final List<String> DRIVER_ENV = List.of(HOME_VAR, CONF_DIR_VAR, LOCAL_DIRS_VAR,
            BIND_ADDRESS_VAR, NAMESPACE_VAR, POD_NAME_VAR);

    private static final Pattern RESERVED_VOLUME = Pattern.compile(String.join("|", CONF_VOLUME, SCRATCH_VOLUME,
            METRICS_VOLUME, HADOOP_VOLUME, SECRET_VOLUMES + "-[0-9]+", CONFIG_MAP_VOLUMES + "-[0-9]+"));

    private PodNames() {
    }

    /** The name of the volume of a role's {@code index}th Secret or ConfigMap. */
    public static String volumeName(String prefix, int index) {
        return prefix + "-" + index;
    }

    /** True when spark-gen may give a volume this name. */
    public static boolean reservedVolume(String name) {
        return RESERVED_VOLUME.matcher(name).matches();
    }

    /** The driver's env vars as a set, for lookups. */
    public static Set<String> driverEnv() {
        return Set.copyOf(DRIVER_ENV);
    }
}
