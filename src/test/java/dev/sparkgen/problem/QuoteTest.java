package dev.sparkgen.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** {@link Quote#controls}: every character that breaks a line or hides is escaped, wherever it stands. */
class QuoteTest {

    @Test
    void controls_escapesEachCharacterThatBreaksALineOrHides_atTheStartInTheMiddleAndAtTheEnd() {
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            String shown = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t"
                    : c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029
                    ? String.format("\\u%04X", (int) c) : String.valueOf(c);
            assertEquals(shown + "ab", Quote.controls(c + "ab"), "character " + (int) c);
            assertEquals("a" + shown + "b", Quote.controls("a" + c + "b"), "character " + (int) c);
            assertEquals("ab" + shown, Quote.controls("ab" + c), "character " + (int) c);
        }
        assertEquals("a\\uFEFFb", Quote.controls("a\uFEFFb"));
        assertEquals("é\\n\\u0085", Quote.controls("é\n\u0085"));
    }

    @Test
    void controls_keepsASurrogatePair_andEscapesALoneHalf() {
        assertEquals("a\uD83D\uDE00b", Quote.controls("a\uD83D\uDE00b"));
        assertEquals("a\\uD83Db", Quote.controls("a\uD83Db"));
        assertEquals("a\\uDE00", Quote.controls("a\uDE00"));
    }

    @Test
    void controls_ofPrintableAscii_isTheStringItself() {
        String plain = "spark.kubernetes.driver.label.team: a-b_c/d ~!@#$%^&*()";
        assertSame(plain, Quote.controls(plain));
    }
}
