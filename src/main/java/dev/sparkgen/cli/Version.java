package dev.sparkgen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code spark-gen --version} and {@code spark-gen version} say: spark-gen's version and the commit it was
 * built from (both recorded in the jar by the build; "unknown" when built outside a Git clone), and the Java
 * runtime running it, so that a bug report names all three.
 */
final class Version implements CommandLine.IVersionProvider {

    /** What the build recorded in the jar (version.properties, filtered by Maven). */
    private static Properties built() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/sparkgen/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        Properties built = built();
        return new String[] {
            "spark-gen " + built.getProperty("version", "unknown"),
            "commit " + built.getProperty("commit", "unknown"),
            "java " + System.getProperty("java.runtime.version") + ", " + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.home")};
    }
}
