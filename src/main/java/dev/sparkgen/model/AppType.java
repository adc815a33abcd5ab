package dev.sparkgen.model;

import java.util.Locale;

/** The application's language: decides the main class, and the memory overhead factor of its pods. */
public enum AppType {
    PYTHON("Python"), SCALA("Scala"), JAVA("Java"), R("R");

    private final String label;

    AppType(String label) {
        this.label = label;
    }

    public static AppType of(String label) {
        for (AppType type : values()) {
            if (type.label.equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown type " + label);
    }

    /** From the main file's extension, as the Spark Operator infers it: .py Python, .R R, anything else Scala. */
    public static AppType fromFile(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".py")) {
            return PYTHON;
        }
        return lower.endsWith(".r") ? R : SCALA;
    }

    public boolean isJvm() {
        return this == SCALA || this == JAVA;
    }

    /** Spark's default overhead factor for pods running this language (NON_JVM_MEMORY_OVERHEAD_FACTOR is 0.4). */
    public double overheadFactor() {
        return isJvm() ? 0.1 : 0.4;
    }

    public String label() {
        return label;
    }
}
