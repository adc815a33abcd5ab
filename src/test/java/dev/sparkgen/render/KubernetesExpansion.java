package dev.sparkgen.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A model of Kubernetes' {@code $(VAR)} expansion in a container's command, args and env values, written from
 * {@code third_party/forked/golang/expansion/expand.go}: {@code $$} is one '$'; {@code $(NAME)} is the value of
 * NAME if defined, else kept as written; an unclosed {@code $(} and a '$' before anything else are kept.
 * Older kubelets read the character after a '$' as one byte, not one UTF-8 character ({@code byteWise}), which
 * garbles a '$' written before a non-ASCII character; newer ones decode it.
 */
final class KubernetesExpansion {

    private KubernetesExpansion() {
    }

    /** Expands with {@code vars} (null for an undefined name) as a current kubelet does. */
    static String expand(String input, Function<String, String> vars) {
        return expand(input, vars, false);
    }

    static String expand(String input, Function<String, String> vars, boolean byteWise) {
        byte[] in = input.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int checkpoint = 0;
        for (int cursor = 0; cursor < in.length; cursor++) {
            if (in[cursor] != '$' || cursor + 1 >= in.length) {
                continue;
            }
            out.write(in, checkpoint, cursor - checkpoint);
            int next = cursor + 1;
            int advance;
            if (in[next] == '$') {
                out.write('$');
                advance = 1;
            } else if (in[next] == '(') {
                int close = -1;
                for (int i = next + 1; i < in.length; i++) {
                    if (in[i] == ')') {
                        close = i;
                        break;
                    }
                }
                if (close < 0) {
                    write(out, "$(");
                    advance = 1;
                } else {
                    String name = new String(in, next + 1, close - next - 1, StandardCharsets.UTF_8);
                    String value = vars.apply(name);
                    write(out, value != null ? value : "$(" + name + ")");
                    advance = close - cursor;
                }
            } else if (byteWise) {
                // Go's string(byte): the byte as the code point U+00XX
                out.write('$');
                write(out, String.valueOf((char) (in[next] & 0xFF)));
                advance = 1;
            } else {
                int size = utf8Length(in[next]);
                out.write('$');
                out.write(in, next, size);
                advance = size;
            }
            cursor += advance;
            checkpoint = cursor + 1;
        }
        out.write(in, checkpoint, in.length - checkpoint);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int utf8Length(byte lead) {
        int b = lead & 0xFF;
        return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
