package dev.sparkgen.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads back the {@code spark-env.sh} spark-gen writes, as bash would: comment lines, and
 * {@code export NAME=WORD} lines whose word is made of what {@link Encode#shell} writes (bare safe characters,
 * single-quoted runs, {@code \'}, and {@code $'...'} escapes). Anything else is not spark-gen's, and fails.
 */
final class ShellWords {

    private ShellWords() {
    }

    static Map<String, String> exports(String script) {
        Map<String, String> exports = new TreeMap<>();
        for (String line : script.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!line.startsWith("export ") || line.indexOf('=') < 0) {
                throw new IllegalStateException("self-check: spark-env.sh holds a line that is not an export: " + line);
            }
            int eq = line.indexOf('=');
            exports.put(line.substring(7, eq), word(line.substring(eq + 1)));
        }
        return exports;
    }

    private static String word(String word) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (c == '\'') {
                int close = word.indexOf('\'', i + 1);
                bytes(out, word.substring(i + 1, close));
                i = close + 1;
            } else if (c == '\\' && i + 1 < word.length() && word.charAt(i + 1) == '\'') {
                out.write('\'');
                i += 2;
            } else if (c == '$' && i + 1 < word.length() && word.charAt(i + 1) == '\'') {
                int close = word.indexOf('\'', i + 2);
                String escapes = word.substring(i + 2, close);
                for (int j = 0; j < escapes.length(); j += 2) {
                    char e = escapes.charAt(j + 1);
                    if (e == 'x') {
                        out.write(Integer.parseInt(escapes.substring(j + 2, j + 4), 16));
                        j += 2;
                    } else {
                        out.write(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : fail(word));
                    }
                }
                i = close + 1;
            } else if (Character.isLetterOrDigit(c) && c < 0x80 || "_./:@%+=,-".indexOf(c) >= 0) {
                out.write(c);
                i++;
            } else {
                fail(word);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void bytes(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static char fail(String word) {
        throw new IllegalStateException("self-check: spark-env.sh holds a word spark-gen does not write: " + word);
    }
}
