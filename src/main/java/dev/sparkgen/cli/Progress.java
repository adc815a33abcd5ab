package dev.sparkgen.cli;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * One line on standard error that counts the jobs of a long render, rewritten in place at most ten times a
 * second, and erased at the end; silent when nobody watches (not a terminal, or --quiet).
 */
final class Progress implements IntConsumer {

    private final PrintWriter err;
    private final int total;
    private final boolean shown;
    private long last;
    private boolean printed;

    Progress(PrintWriter err, int total, boolean shown) {
        this.err = err;
        this.total = total;
        this.shown = shown;
    }

    @Override
    public synchronized void accept(int done) {
        long now = System.nanoTime();
        if (!shown || now - last < 100_000_000L && done < total) {
            return;
        }
        last = now;
        printed = true;
        err.print("\rspark-gen: rendering " + done + " of " + total + " jobs ");
        err.flush();
    }

    synchronized void end() {
        if (printed) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
