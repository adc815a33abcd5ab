package dev.sparkgen.model;

import java.util.SortedMap;

/** What the driver and the executors both have: sizing, placement and pod metadata. */
public record Role(int cores, String coreLimit, Memory memory, Memory memoryOverhead, NodeAffinity nodeAffinity,
                   SortedMap<String, String> labels, SortedMap<String, String> annotations,
                   SortedMap<String, String> env) {
}
