package dev.sparkgen.rules;

import dev.sparkgen.model.App;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.problem.Quote;
import dev.sparkgen.source.MapNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark property key holds letters, digits and {@code . _ -}, plus what the names it embeds allow: {@code /}
 * (label, annotation and node-selector keys) and {@code *} (the metrics system's {@code spark.metrics.conf.*}).
 * Any other character (a stray quote, a blank, a colon) makes a key no property of Spark's can have: a warning.
 */
final class PropertyKeySyntax {

    private static final Pattern OUTSIDE = Pattern.compile("[^A-Za-z0-9._\\-/*]");

    private PropertyKeySyntax() {
    }

    static void check(App app, MapNode document, Problems problems) {
        for (String key : app.job().sparkConf().keySet()) {
            check(document, problems, "sparkConf", key);
        }
        for (String key : app.job().hadoopConf().keySet()) {
            check(document, problems, "hadoopConf", key);
        }
    }

    private static void check(MapNode document, Problems problems, String field, String key) {
        if (plain(key)) {
            return;
        }
        Matcher bad = OUTSIDE.matcher(key);
        if (bad.find()) {
            String cleaned = OUTSIDE.matcher(key).replaceAll("");
            problems.warning(Rules.origin(document, field, key), field + " key '" + Quote.abbreviate(key)
                    + "' holds the character '" + Quote.abbreviate(bad.group()) + "', which no Spark property key "
                    + "has: Spark reads it as a key of its own, and applies nothing", "did you mean '"
                    + Quote.abbreviate(cleaned) + "'? Keys hold letters, digits and . _ - (and / or * where a "
                    + "label key or a metrics name goes)");
        }
    }

    /** Whether every character of the key is one {@link #OUTSIDE} leaves out: the usual key, without a regex. */
    static boolean plain(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-' || c == '/' || c == '*')) {
                return false;
            }
        }
        return true;
    }
}
