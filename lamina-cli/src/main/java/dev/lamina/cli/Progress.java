package dev.lamina.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress of a batch on standard error: a bar redrawn in place ({@code \r}) at most ten times
 * a second while files finish, messages printed above it, and a one-line summary at the end (files,
 * failures, files per second). The bar is for people watching a terminal: {@link #interactive()}
 * says whether standard error is one. Thread-safe: workers report as they finish.
 */
final class Progress {
    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final int total;
    private final boolean bar;
    private final LongSupplier clock;
    private final long start;
    private int done;
    private int failed;
    private long lastDraw;
    private int drawnWidth;

    Progress(PrintWriter err, int total, boolean bar, LongSupplier clock) {
        this.err = err;
        this.total = total;
        this.bar = bar;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastDraw = start - REDRAW_NANOS;   // the first file draws at once
    }

    /**
     * Whether standard error is an interactive terminal: the JVM has a console that is a terminal
     * (JDK 22+: false when a standard stream is redirected), TERM is not "dumb", and where the
     * system says which file descriptor 2 is (Linux /proc), it is a terminal device: so
     * {@code 2>log} gets no bar even when standard output is a terminal.
     */
    static boolean interactive() {
        var console = System.console();
        if (console == null || !console.isTerminal() || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path fd2 = Path.of("/proc/self/fd/2");
        if (!Files.exists(fd2)) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(fd2).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.startsWith("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }

    /** One file finished, successfully or not. */
    synchronized void finished(boolean ok) {
        done++;
        if (!ok) {
            failed++;
        }
        long now = clock.getAsLong();
        if (bar && (done == total || now - lastDraw >= REDRAW_NANOS)) {
            lastDraw = now;
            draw(now);
        }
    }

    /** A line for the user (an error about one file), above the bar. */
    synchronized void message(String line) {
        clearBar();
        err.println(line);
        if (bar && done > 0) {
            draw(clock.getAsLong());
        } else {
            err.flush();
        }
    }

    synchronized int failures() {
        return failed;
    }

    /** Removes the bar and, when asked, prints the summary line. */
    synchronized void end(boolean summary) {
        clearBar();
        if (summary) {
            double seconds = (clock.getAsLong() - start) / 1e9;
            err.println(String.format(Locale.ROOT, "lamina: %d file%s in %.1f s (%.1f files/s), %d failed", done,
                    done == 1 ? "" : "s", seconds, seconds > 0 ? done / seconds : 0.0, failed));
        }
        err.flush();
    }

    private void draw(long now) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) done * BAR_WIDTH / total);
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder line = new StringBuilder("\r[");
        line.append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ");
        line.append(done).append('/').append(total);
        if (failed > 0) {
            line.append(", ").append(failed).append(" failed");
        }
        line.append(String.format(Locale.ROOT, ", %.1f files/s", rate));
        if (rate > 0 && done < total) {
            line.append(String.format(Locale.ROOT, ", %.0f s left", (total - done) / rate));
        }
        int width = line.length() - 1;
        if (width < drawnWidth) {
            line.append(" ".repeat(drawnWidth - width));   // wipe the end of a longer line before
        }
        drawnWidth = width;
        err.print(line);
        err.flush();
    }

    private void clearBar() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
    }
}
