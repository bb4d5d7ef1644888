package dev.lamina.cli;

import java.io.PrintWriter;

/** Stage timings for --verbose, printed to standard error. */
final class Timings {
    private final PrintWriter err;
    private final boolean on;
    private final long start = System.nanoTime();
    private long last = start;

    Timings(PrintWriter err, boolean on) {
        this.err = err;
        this.on = on;
    }

    void stage(String name) {
        long now = System.nanoTime();
        if (on) {
            err.printf("%-28s %8.1f ms%n", name, (now - last) / 1e6);
            err.flush();
        }
        last = now;
    }

    void total() {
        if (on) {
            err.printf("%-28s %8.1f ms%n", "total", (System.nanoTime() - start) / 1e6);
            err.flush();
        }
    }
}
