package dev.sparkgen.model;

/** A Secret or ConfigMap mounted by name at a path; {@code type} is a Secret's type (null for a
 * ConfigMap). */
public record Mount(String name, String path, String type) {
}
