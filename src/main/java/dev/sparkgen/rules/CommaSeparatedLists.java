package dev.sparkgen.rules;

import dev.sparkgen.model.SparkProperties;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.problem.Quote;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.util.ArrayList;
import java.util.List;

/**
 * The lists spark-gen joins with commas into one property, each entry exactly one entry of the list Spark reads
 * back. Spark splits these properties at every comma, trims each piece and drops the empty ones, with no escape:
 * an entry holding a comma, starting or ending with a blank, or empty would change the list. Each is an error at
 * the entry.
 */
final class CommaSeparatedLists {

    /** The properties Spark reads as comma-separated lists, of those a field of the job writes. */
    static final List<String> PROPERTIES = List.of("spark.jars", "spark.files", "spark.submit.pyFiles",
            "spark.jars.packages", "spark.jars.repositories", "spark.jars.excludes", "spark.archives",
            "spark.kubernetes.container.image.pullSecrets");

    /** The keys of each property's field ({@code deps.jars}: deps, jars), in the order of {@link #PROPERTIES}. */
    private static final List<String[]> PATHS = new ArrayList<>();

    static {
        for (String property : PROPERTIES) {
            PATHS.add(SparkProperties.FIELDS.get(property).split("\\."));
        }
    }

    private CommaSeparatedLists() {
    }

    static void check(MapNode document, Problems problems) {
        for (int i = 0; i < PROPERTIES.size(); i++) {
            String property = PROPERTIES.get(i);
            String field = SparkProperties.FIELDS.get(property);
            if (!(document.find(PATHS.get(i)) instanceof ListNode list)) {
                continue; // absent, or not a list: the schema says so
            }
            for (Node item : list.items()) {
                if (item instanceof Scalar scalar && !scalar.isNull()) {
                    check(field, property, scalar, problems);
                }
            }
        }
    }

    private static void check(String field, String property, Scalar entry, Problems problems) {
        String text = entry.text();
        String shown = "the " + field + " entry '" + Quote.abbreviate(text) + "'";
        if (text.indexOf(',') >= 0) {
            problems.error(entry.origin(), shown + " holds a comma, and Spark splits " + property + " at every comma",
                    "Spark has no escape for it: rename the file, or give each part as an entry of its own");
        } else if (text.isEmpty()) {
            problems.error(entry.origin(), "an empty " + field + " entry, which Spark drops from " + property,
                    "remove it");
        } else if (text.charAt(0) <= ' ' || text.charAt(text.length() - 1) <= ' ') {
            problems.error(entry.origin(), shown + " starts or ends with a blank, which Spark trims from each entry of "
                    + property, "remove the blank");
        }
    }
}
