package dev.sparkgen.model;

import java.util.List;
import java.util.SortedMap;

/**
 * What the driver and the executors both have: sizing, image, placement, pod metadata and passed-through settings;
 * {@code gpu} is null without GPUs.
 */
public record Role(int cores, String coreRequest, String coreLimit, Memory memory, Memory memoryOverhead, String image,
                   String javaOptions, NodeAffinity nodeAffinity, SortedMap<String, String> labels,
                   SortedMap<String, String> annotations, List<Mount> secrets, List<Mount> configMaps,
                   PodSettings pod, ContainerSettings container, Gpu gpu) {

    public Role {
        secrets = List.copyOf(secrets);
        configMaps = List.copyOf(configMaps);
    }
}
