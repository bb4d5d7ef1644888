package dev.lamina.draw;

/**
 * Cuts flattened contours into dashes, as SVG's stroke-dasharray and stroke-dashoffset: the
 * pattern (alternating on and off lengths, on first, even in number) starts {@code offset} into
 * itself at the start of every subpath and runs along its length. Each dash becomes an open
 * contour (capped by the stroker); points inside a dash keep their smooth marks. On a closed
 * subpath whose pattern is on at both its start and its end, the last dash and the first are one
 * dash joined at the start point, and a dash longer than the whole closed subpath leaves it closed,
 * as in Skia and browsers. An "on" length of zero makes a zero-length dash: a dot with round or
 * square caps.
 */
final class Dasher {
    private final double[] pattern;
    private final int startIndex;
    private final double startRemaining;
    private final Contours in;
    private final Contours out;
    // walking state
    private int index;
    private double remaining;
    private boolean on;
    private boolean toggled;

    private Dasher(Contours in, Contours out, double[] pattern, double offset) {
        this.in = in;
        this.out = out;
        this.pattern = pattern;
        double total = 0;
        for (double p : pattern) {
            total += p;
        }
        double phase = offset % total;
        if (phase < 0) {
            phase += total;
        }
        int i = 0;
        double r = pattern[0];
        while (phase > 0) {   // at most one pass over the pattern, since phase < total
            if (phase >= r) {
                phase -= r;
                i = (i + 1) % pattern.length;
                r = pattern[i];
            } else {
                r -= phase;
                phase = 0;
            }
        }
        this.startIndex = i;
        this.startRemaining = r;
    }

    static Contours dash(Contours in, double[] pattern, double offset, String what) {
        Contours out = new Contours(what);
        Dasher d = new Dasher(in, out, pattern, offset);
        for (int c = 0; c < in.count(); c++) {
            d.contour(c);
        }
        return out;
    }

    private void contour(int c) {
        int a = in.start(c), n = in.end(c) - a;
        if (!in.drawn(c) || n < 2) {
            return;   // nothing to walk along: SVG dashes no zero-length subpath
        }
        boolean closed = in.closed(c);
        int segments = closed ? n : n - 1;
        index = startIndex;
        remaining = startRemaining;
        on = index % 2 == 0;
        toggled = false;
        boolean startsOn = on;
        int firstDash = out.count();
        if (on) {
            out.begin(in.x(a), in.y(a));
        }
        double px = in.x(a), py = in.y(a);
        for (int s = 0; s < segments; s++) {
            int q = a + (s + 1) % n;
            double qx = in.x(q), qy = in.y(q);
            walk(px, py, qx, qy);
            if (on) {
                out.add(qx, qy, in.smooth(q));
            }
            px = qx;
            py = qy;
        }
        if (closed && on && startsOn) {
            if (!toggled) {
                out.close();                 // one dash around the whole subpath: still closed
            } else {
                out.appendContour(firstDash);   // the last dash runs on into the first
                out.discard(firstDash);
            }
        }
    }

    /** Moves along the segment p-q, starting and ending dashes where the pattern says. */
    private void walk(double px, double py, double qx, double qy) {
        double len = Math.hypot(qx - px, qy - py), done = 0;
        // strictly inside: a change that falls on the segment's end happens at the next segment's
        // start (the same point), and at a closed subpath's end not at all, so a dash that ends
        // exactly there still runs on into the first one
        while (remaining < len - done) {
            done += remaining;
            double t = done / len, x = px + (qx - px) * t, y = py + (qy - py) * t;
            if (on) {
                out.add(x, y, false);   // the dash ends here
            } else {
                out.begin(x, y);        // a dash starts here
                out.markDrawn();        // even if it ends at once: a zero-length dash is a dot
            }
            on = !on;
            toggled = true;
            index = (index + 1) % pattern.length;
            remaining = pattern[index];
        }
        remaining -= len - done;
    }
}
