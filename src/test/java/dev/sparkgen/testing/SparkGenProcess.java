package dev.sparkgen.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * spark-gen's command line in a process of its own, for what a test cannot do in-process: kill it, hold a lock
 * against it, give it a locale, a full device or a closed pipe as standard output.
 */
public final class SparkGenProcess {

    private SparkGenProcess() {
    }

    /** The java running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code spark-gen ARGS} as {@code java [JVM options] -cp CLASSPATH Main ARGS}, JVM options first. */
    public static ProcessBuilder command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.sparkgen.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** {@code spark-gen ARGS}, with a JVM that starts quickly. */
    public static ProcessBuilder command(String... args) {
        return command(List.of("-XX:TieredStopAtLevel=1", "-XX:-UsePerfData"), args);
    }
}
