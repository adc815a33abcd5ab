package dev.sparkgen.model;

import java.util.List;
import java.util.SortedMap;

/**
 * A job after its profiles, its file and {@code --set} are merged and validated: every field set, defaults
 * applied. Nothing here is derived; {@link App} holds what is.
 *
 * <p>Its fields come in groups of a few, each a record of its own with a distinct type, so that the job cannot be
 * filled by position with one field in another's place; the job's accessors ({@code job.image()}) reach through
 * them, so a reader does not need to know the groups.
 */
public record SparkJob(Identity identity, Container container, Application application,
                       Configuration configuration, Scheduling scheduling, Pods pods, Extras extras) {

    /** Which job this is: its names, its Spark version, the profiles it asked for. */
    public record Identity(String name, String namespace, String nameSuffix, SparkVersion sparkVersion,
                           List<String> profiles) {

        public Identity {
            profiles = List.copyOf(profiles);
        }
    }

    /** The image both pods run and where Spark is inside it. */
    public record Container(String image, String imagePullPolicy, List<String> imagePullSecrets, String sparkHome) {

        public Container {
            imagePullSecrets = List.copyOf(imagePullSecrets);
        }
    }

    /** What spark-submit runs: the application, its arguments and dependencies. */
    public record Application(AppType type, String mainApplicationFile, String mainClass, List<String> arguments,
                              Deps deps) {

        public Application {
            arguments = List.copyOf(arguments);
        }
    }

    /** The configuration handed to Spark and Hadoop: properties, environment, and ConfigMaps of the user's. */
    public record Configuration(SortedMap<String, String> sparkConf, SortedMap<String, String> hadoopConf,
                                SortedMap<String, String> sparkEnv, String sparkConfigMap, String hadoopConfigMap) {
    }

    /** Who schedules the pods and as whom they run. */
    public record Scheduling(String priorityClassName, String schedulerName, String serviceAccountName,
                             Features.BatchScheduler batchScheduler) {
    }

    /** The pods: the driver, the executors, how the driver runs and restarts, and the volumes they share. */
    public record Pods(Driver driver, Executor executor, String restartPolicy, Run run, List<Object> volumes) {

        public Pods {
            volumes = List.copyOf(volumes);
        }
    }

    /** What the job adds around the pods: the UI and the job-wide features. */
    public record Extras(Ui ui, Features.DynamicAllocation dynamicAllocation, Features.Monitoring monitoring,
                         boolean rbac, Features.NetworkPolicy networkPolicy) {
    }

    public String name() {
        return identity.name();
    }

    public String namespace() {
        return identity.namespace();
    }

    public String nameSuffix() {
        return identity.nameSuffix();
    }

    public SparkVersion sparkVersion() {
        return identity.sparkVersion();
    }

    public List<String> profiles() {
        return identity.profiles();
    }

    public String image() {
        return container.image();
    }

    public String imagePullPolicy() {
        return container.imagePullPolicy();
    }

    public List<String> imagePullSecrets() {
        return container.imagePullSecrets();
    }

    public String sparkHome() {
        return container.sparkHome();
    }

    public AppType type() {
        return application.type();
    }

    public String mainApplicationFile() {
        return application.mainApplicationFile();
    }

    public String mainClass() {
        return application.mainClass();
    }

    public List<String> arguments() {
        return application.arguments();
    }

    public Deps deps() {
        return application.deps();
    }

    public SortedMap<String, String> sparkConf() {
        return configuration.sparkConf();
    }

    public SortedMap<String, String> hadoopConf() {
        return configuration.hadoopConf();
    }

    public SortedMap<String, String> sparkEnv() {
        return configuration.sparkEnv();
    }

    public String sparkConfigMap() {
        return configuration.sparkConfigMap();
    }

    public String hadoopConfigMap() {
        return configuration.hadoopConfigMap();
    }

    public String priorityClassName() {
        return scheduling.priorityClassName();
    }

    public String schedulerName() {
        return scheduling.schedulerName();
    }

    public String serviceAccountName() {
        return scheduling.serviceAccountName();
    }

    public Features.BatchScheduler batchScheduler() {
        return scheduling.batchScheduler();
    }

    public Driver driver() {
        return pods.driver();
    }

    public Executor executor() {
        return pods.executor();
    }

    public String restartPolicy() {
        return pods.restartPolicy();
    }

    public Run run() {
        return pods.run();
    }

    public List<Object> volumes() {
        return pods.volumes();
    }

    public Ui ui() {
        return extras.ui();
    }

    public Features.DynamicAllocation dynamicAllocation() {
        return extras.dynamicAllocation();
    }

    public Features.Monitoring monitoring() {
        return extras.monitoring();
    }

    public boolean rbac() {
        return extras.rbac();
    }

    public Features.NetworkPolicy networkPolicy() {
        return extras.networkPolicy();
    }
}
