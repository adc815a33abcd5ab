package dev.sparkgen.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * spark-gen reads its schema files with its own JSON reader ({@link Json#parse}); the validator must see the very
 * tree Jackson's {@code readTree} would give it, node types included (an IntNode is not equal to a LongNode).
 */
class JsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"job.schema.json", "profile.schema.json", "kubernetes.schema.json"})
    void everySchemaFile_readsAsJacksonReadsIt(String file) throws Exception {
        String text = Schemas.text(file);
        assertEquals(JACKSON.readTree(text), Json.parse(file, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "[]", " { \"a\" : [ ] , \"b\" : { } }\n", "[true, false, null]",
        "[0, -0, 7, -7, 2147483647, 2147483648, -2147483648, -2147483649]",
        "[9223372036854775807, 9223372036854775808, -9223372036854775808, -9223372036854775809]",
        "[123456789012345678901234567890, 1.5, -0.25, 1e3, 1E-2, 2.5e+10, 0.0]",
        "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u20AC \\ud83d\\ude00 é\"",
        "{\"a\": 1, \"a\": 2}", "{\"nested\": {\"deeper\": [[{\"x\": \"y\"}]]}}", "\t\r\n[ 1 ]\t\r\n"})
    void aText_readsAsJacksonReadsIt(String text) throws Exception {
        assertEquals(JACKSON.readTree(text), Json.parse("t.json", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\" 1}", "{\"a\": 1,}", "[01]", "[1.]", "[.5]", "[1e]", "[-]",
        "\"open", "\"bad \\x escape\"", "\"\\u12G4\"", "\"tab\tinside\"", "[tru]", "{} {}", "{'a': 1}", "[+1]"})
    void malformedJson_isABugThatNamesTheFileAndWhere(String text) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Json.parse("t.json", text));
        assertEquals(true, e.getMessage().startsWith("t.json: invalid JSON at character "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"client\"]", "[\"a \\\"quoted\\\" \\\\ back\\u0001slash\\n\"]", "[\"é € 😀\"]"})
    void aSchemaText_printsAsJacksonPrintsIt(String text) throws Exception {
        JsonNode ours = Json.parse("t.json", text).get(0);
        JsonNode jackson = JACKSON.readTree(text).get(0);
        assertEquals(jackson.toString(), ours.toString());
        assertEquals(List.of(jackson), List.of(ours));
    }
}
