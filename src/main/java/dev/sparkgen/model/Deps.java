package dev.sparkgen.model;

import java.util.List;

/** The application's dependencies, as spark-submit takes them. */
public record Deps(List<String> jars, List<String> files, List<String> pyFiles, List<String> packages,
                   List<String> repositories, List<String> excludePackages, List<String> archives) {

    public Deps {
        jars = List.copyOf(jars);
        files = List.copyOf(files);
        pyFiles = List.copyOf(pyFiles);
        packages = List.copyOf(packages);
        repositories = List.copyOf(repositories);
        excludePackages = List.copyOf(excludePackages);
        archives = List.copyOf(archives);
    }
}
