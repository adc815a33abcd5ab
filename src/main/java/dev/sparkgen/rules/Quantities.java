package dev.sparkgen.rules;

import dev.sparkgen.model.Derive;
import dev.sparkgen.model.Memory;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Scalar;
import java.util.List;

/**
 * The sizes the schema's patterns let through but Spark or Kubernetes cannot hold, refused before a job is bound
 * (binding reads them as longs): a memory size is read by Spark in bytes as a long, a CPU quantity by Kubernetes
 * in millicores as a 64-bit integer. The schema bounds the integers ({@code maximum}); with these, the sums of
 * {@code Derive} and {@code Rules} are over values that fit. The integers Kubernetes or Spark read as 64-bit must
 * be written in digits when large: 1e30 or 1.5e18 is read as floating point, not exact, which the schema's
 * {@code maximum} (it compares such a number as a long, capped) would let through as 9223372036854775807.
 */
public final class Quantities {

    private static final List<String> MEMORY = List.of("memory", "memoryOverhead", "memoryLimit");
    private static final List<String> CPU = List.of("coreRequest", "coreLimit");
    private static final List<List<String>> LONGS = List.of(List.of("driver", "terminationGracePeriodSeconds"),
            List.of("executor", "terminationGracePeriodSeconds"), List.of("run", "activeDeadlineSeconds"),
            List.of("run", "startingDeadlineSeconds"), List.of("dynamicAllocation", "shuffleTrackingTimeout"));
    /** 2^53: a double holds every integer up to it exactly. */
    private static final double EXACT = 9007199254740992.0;

    private Quantities() {
    }

    /**
     * Checks a document as the schema read it, whatever else the schema found, so that every problem is reported
     * at once; a value the schema refused (its type, its pattern) is left to the schema's message.
     */
    public static void check(MapNode document, Problems problems) {
        for (String role : List.of("driver", "executor")) {
            for (String field : MEMORY) {
                if (document.find(role, field) instanceof Scalar size && !problems.hasErrorAt(size.origin())
                        && Memory.bytes(size.text()) < 0) {
                    problems.error(size.origin(), "'" + role + "." + field + "' must be at most "
                                    + Memory.largest(size.text()) + ", not " + size.text(),
                            field.equals("memoryLimit")
                                    ? "Kubernetes holds a memory quantity in bytes, as a 64-bit integer: 8 EiB at most"
                                    : "Spark reads a memory size in bytes, as a long: 8 EiB at most");
                }
            }
            for (String field : CPU) {
                if (document.find(role, field) instanceof Scalar cpu && !problems.hasErrorAt(cpu.origin())
                        && Derive.millicores(cpu.text()) < 0) {
                    problems.error(cpu.origin(), "'" + role + "." + field + "' must be at most "
                                    + (cpu.text().endsWith("m") ? Long.MAX_VALUE + "m" : "9223372036854775.807")
                                    + ", not " + cpu.text(),
                            "Kubernetes holds a CPU quantity in millicores, as a 64-bit integer");
                }
            }
        }
        for (List<String> path : LONGS) {
            if (document.find(path.get(0), path.get(1)) instanceof Scalar n && !problems.hasErrorAt(n.origin())
                    && n.value() instanceof Double d && Math.abs(d) > EXACT) {
                problems.error(n.origin(), "'" + String.join(".", path) + "' must be written in digits, not "
                                + n.text(),
                        "a number with a fraction or an exponent is read as floating point, exact only up to "
                                + (long) EXACT);
            }
        }
    }
}
