package dev.sparkgen.model;

import java.util.List;

/** A required node affinity: the pods run on nodes whose label {@code key} is one of {@code values}. */
public record NodeAffinity(String key, List<String> values) {

    public NodeAffinity {
        values = List.copyOf(values);
    }
}
