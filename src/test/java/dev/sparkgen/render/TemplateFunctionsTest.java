package dev.sparkgen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The functions only templates call: Markdown and Mermaid text, and YAML moved right. */
class TemplateFunctionsTest {

    @Test
    void md_escapesMarkdownAndHtml_andControlCharacters_andLeavesTheRest() {
        assertEquals("plain text: 1-2 (a/b) {c} #d", TemplateFunctions.md("plain text: 1-2 (a/b) {c} #d"));
        assertEquals("\\\\\\`\\*\\_\\[\\]\\<\\>\\|\\~\\&", TemplateFunctions.md("\\`*_[]<>|~&"));
        assertEquals("a\\\\nb\\\\t\\\\u007F", TemplateFunctions.md("a\nb\t\u007f"));
        assertEquals("x\\\\u0085 é 😀", TemplateFunctions.md("x\u0085 é 😀"));
        assertEquals("ab\\_c é \\[d\\]\\\\n", TemplateFunctions.md("ab_c é [d]\n"));
        assertEquals("", TemplateFunctions.md(""));
    }

    @Test
    void label_keepsLettersDigitsAndSomePunctuation_andAnythingElseIsOneUnderscore() {
        assertEquals("az AZ 09 .,/-", TemplateFunctions.label("az AZ 09 .,/-"));
        assertEquals("a_b_c_d_", TemplateFunctions.label("a_b\"c]d\n"));
        assertEquals("_x_", TemplateFunctions.label("😀xé"));
    }

    @Test
    void nest_movesEachLineRight_andDropsEmptyLines() {
        assertEquals("\n  a: 1\n    b: 2\n  c", nest("a: 1\n  b: 2\n\nc\n", 2));
        assertEquals("", nest("\n\n", 4));
        assertEquals("\nx", nest("x", 0));
    }

    private static String nest(String text, int indent) {
        StringBuilder out = new StringBuilder();
        TemplateFunctions.nest(out, text, indent);
        return out.toString();
    }
}
