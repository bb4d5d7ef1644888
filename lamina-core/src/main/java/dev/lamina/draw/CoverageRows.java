package dev.lamina.draw;

import dev.lamina.model.FillRule;

import java.util.Arrays;

/**
 * The rasteriser's per-thread half: exact-area coverage of an {@link EdgeTable}, a strip of rows at
 * a time, for any window of columns.
 *
 * <p><b>Accumulation</b> (font-rs, libart): each piece of an edge inside one pixel row adds, to the
 * cell it crosses, the signed area of that cell to its right ({@code dy (1 - xm)}, {@code xm} the
 * piece's mean x in the cell) and the rest of its height to the next cell; a prefix sum along the
 * row then gives, for every pixel, the exact integral of the signed winding number over the pixel.
 * That integral is the coverage only where the winding takes the values 0 and one sign s.
 *
 * <p><b>Fill rules, exactly.</b> A single convex ring always winds 0 or s, so its edges are
 * accumulated as they are. Otherwise each pixel row is cut into bands at every edge end inside it
 * and at every crossing of two edges (found where the order of the edges at a band's top differs
 * from the order at its bottom); inside a band no edge starts, ends or crosses another, so the
 * edges sorted by x bound regions of constant winding, and the fill rule says which are inside.
 * Only the edges where inside and outside change are accumulated, entering with +1 and leaving
 * with -1: the prefix sum is then the exact area of the filled region in each pixel, whatever the
 * winding numbers (the method of FreeType's "gray" rasteriser and tiny-skia keeps per-cell winding
 * instead, and is exact only where a pixel sees one boundary). A row that only two edges cross,
 * without crossing each other there, has one region of one sign and needs no analysis.
 */
final class CoverageRows {
    private final EdgeTable edges;
    private final boolean evenOdd;
    private final boolean convex;
    private int[] candidates = new int[16];
    private int[] active = new int[16];
    private double[] acc = new double[2];
    private int[] touched = new int[64];   // cells added to in the current row, unsorted, repeated
    private int touchedCount;
    // one row's band analysis
    private double[] top = new double[16], bottom = new double[16];   // each active edge's extent in the row
    private double[] events = new double[32];
    private int[] band = new int[16];
    private double[] key = new double[16], at0 = new double[16], at1 = new double[16];
    private double[] crossings = new double[16];
    private double[] activeKey = new double[16];
    private boolean emitting;   // analyse: accumulate pieces, or only check the windings
    private boolean plainRow;
    private int rowSign;
    // the window being computed
    private int windowX, windowWidth;

    CoverageRows(EdgeTable edges, FillRule rule, boolean convex) {
        this.edges = edges;
        this.evenOdd = rule == FillRule.EVEN_ODD;
        this.convex = convex;
    }

    /** Receives one row of coverage (0..1) for the window's columns. */
    interface RowSink {
        void row(int y, double[] coverage);
    }

    /**
     * Computes rows {@code y0 .. y1-1}, columns {@code x .. x+width-1}, handing each row to
     * {@code sink} in order. The array passed is reused for the next row.
     */
    void rows(int x, int width, int y0, int y1, RowSink sink) {
        windowX = x;
        windowWidth = width;
        if (acc.length < width + 2) {
            acc = new double[width + 2];
        }
        double[] coverage = new double[width];
        if (candidates.length < edges.count) {
            candidates = new int[Math.max(edges.count, 2 * candidates.length)];
        }
        int n = edges.edgesCrossing(y0, y1, candidates);
        int next = 0, live = 0;
        for (int y = y0; y < y1; y++) {
            // the active edge list: add those starting above the row's bottom, drop those ended
            while (next < n && edges.y0[candidates[next]] < y + 1) {
                if (live == active.length) {
                    active = Arrays.copyOf(active, 2 * live);
                }
                active[live++] = candidates[next++];
            }
            int kept = 0;
            for (int i = 0; i < live; i++) {
                if (edges.y1[active[i]] > y) {
                    active[kept++] = active[i];
                }
            }
            live = kept;
            if (live == 0) {
                Arrays.fill(coverage, 0.0);
            } else {
                boolean plain = convex || (live == 2 && !crossInRow(active[0], active[1], y));
                if (!plain) {
                    emitting = false;
                    plain = analyse(y, live);   // first only looks at the windings
                }
                if (plain) {
                    for (int i = 0; i < live; i++) {
                        int e = active[i];
                        piece(e, Math.max(edges.y0[e], y), Math.min(edges.y1[e], y + 1), edges.dir[e]);
                    }
                } else {
                    emitting = true;
                    analyse(y, live);
                }
                sweep(coverage, width);
            }
            sink.row(y, coverage);
        }
    }

    /**
     * Whether two edges cross inside row y. Two edges alone in a row span the same heights (a closed
     * ring crosses every line an even number of times) and bound one region of winding +1 or -1,
     * unless they cross: then the region's winding changes sign at the crossing, and the signed
     * areas of the two parts would cancel in a pixel they share.
     */
    private boolean crossInRow(int a, int b, int y) {
        double p = Math.max(Math.max(edges.y0[a], edges.y0[b]), y);
        double q = Math.min(Math.min(edges.y1[a], edges.y1[b]), y + 1);
        double d0 = (edges.x0[a] + (p - edges.y0[a]) * edges.dxdy[a]) - (edges.x0[b] + (p - edges.y0[b]) * edges.dxdy[b]);
        double d1 = (edges.x0[a] + (q - edges.y0[a]) * edges.dxdy[a]) - (edges.x0[b] + (q - edges.y0[b]) * edges.dxdy[b]);
        return (d0 < 0 && d1 > 0) || (d0 > 0 && d1 < 0);
    }

    /**
     * The prefix sum of the row's cells, as runs: only the cells an edge touched change the sum, so
     * between them the coverage is constant and filled in one go (a dense sum would be a chain of
     * dependent additions over every pixel). Clears the touched cells for the next row.
     */
    private void sweep(double[] coverage, int width) {
        Arrays.sort(touched, 0, touchedCount);
        double c = 0;
        int pos = 0, last = -1;
        for (int k = 0; k < touchedCount; k++) {
            int i = touched[k];
            if (i == last) {
                continue;
            }
            last = i;
            if (i >= width) {
                acc[i] = 0;
                continue;
            }
            if (i > pos) {
                Arrays.fill(coverage, pos, i, Math.min(1.0, Math.abs(c)));
            }
            c += acc[i];
            acc[i] = 0;
            coverage[i] = Math.min(1.0, Math.abs(c));
            pos = i + 1;
        }
        if (pos < width) {
            Arrays.fill(coverage, pos, width, Math.min(1.0, Math.abs(c)));
        }
        touchedCount = 0;
    }

    /** Notes that cells i and i + 1 were added to. */
    private void touch(int i) {
        if (touchedCount + 2 > touched.length) {
            touched = Arrays.copyOf(touched, 2 * touched.length);
        }
        touched[touchedCount++] = i;
        touched[touchedCount++] = i + 1;
    }

    /** Accumulates the part of edge {@code e} between heights {@code ya < yb} with sign {@code s}. */
    private void piece(int e, double ya, double yb, int s) {
        if (!(yb > ya)) {
            return;
        }
        double xa = edges.x0[e] + (ya - edges.y0[e]) * edges.dxdy[e];
        double xb = edges.x0[e] + (yb - edges.y0[e]) * edges.dxdy[e];
        window(xa - windowX, ya, xb - windowX, yb, s);
    }

    /**
     * A segment in window coordinates: parts left of the window act as a vertical edge at its left
     * side (they add their whole height to the first cell), parts right of it are dropped.
     */
    private void window(double xa, double ya, double xb, double yb, double s) {
        double w = windowWidth;
        if (xa <= 0 && xb <= 0) {
            acc[0] += s * (yb - ya);
            touch(0);
            return;
        }
        if (xa >= w && xb >= w) {
            return;
        }
        if ((xa < 0) != (xb < 0)) {
            double yc = ya + (0 - xa) * (yb - ya) / (xb - xa);
            if (xa < 0) {
                window(0, ya, 0, yc, s);
                window(0, yc, xb, yb, s);
            } else {
                window(xa, ya, 0, yc, s);
                window(0, yc, 0, yb, s);
            }
            return;
        }
        if ((xa > w) != (xb > w)) {
            double yc = ya + (w - xa) * (yb - ya) / (xb - xa);
            if (xa > w) {
                window(w, yc, xb, yb, s);
            } else {
                window(xa, ya, w, yc, s);
            }
            return;
        }
        cells(xa, ya, xb, yb, s);
    }

    /** The cell walk: a segment inside the window's columns, {@code 0 <= x <= width}. */
    private void cells(double xa, double ya, double xb, double yb, double s) {
        double[] a = acc;
        if (xa == xb) {
            int i = (int) xa;
            double f = xa - i, h = s * (yb - ya);
            a[i] += h * (1 - f);
            a[i + 1] += h * f;
            touch(i);
            return;
        }
        // walk left to right; heights are differences of the boundary y values, so they add up exactly
        double xl = xa, yl = ya, xr = xb, yr = yb;
        if (xl > xr) {
            xl = xb;
            yl = yb;
            xr = xa;
            yr = ya;
        }
        double dydx = (yr - yl) / (xr - xl);
        int i = (int) xl;
        int last = (int) Math.ceil(xr) - 1;
        if (last < i) {
            last = i;
        }
        double px = xl, py = yl;
        for (; i <= last; i++) {
            double qx, qy;
            if (i == last) {
                qx = xr;
                qy = yr;
            } else {
                qx = i + 1;
                qy = yl + (qx - xl) * dydx;
            }
            double h = s * Math.abs(qy - py);
            double xm = (px + qx) * 0.5 - i;
            a[i] += h * (1 - xm);
            a[i + 1] += h * xm;
            touch(i);
            px = qx;
            py = qy;
        }
    }

    private boolean inside(int winding) {
        return evenOdd ? (winding & 1) != 0 : winding != 0;
    }

    /**
     * The band analysis of one row with {@code live} active edges (see the class comment). When
     * {@link #emitting}, accumulates the edges where the fill rule flips, band by band; otherwise
     * only returns whether the whole row winds 0 or one sign, in which case its edges can be
     * accumulated whole (most rows of most paths: far fewer, longer pieces).
     */
    private boolean analyse(int y, int live) {
        plainRow = true;
        rowSign = 0;
        sortActiveByX(y, live);
        if (top.length < live) {
            int cap = 2 * live;
            top = new double[cap];
            bottom = new double[cap];
            band = new int[cap];
            key = new double[cap];
            at0 = new double[cap];
            at1 = new double[cap];
        }
        if (events.length < 2 * live + 2) {
            events = new double[4 * live + 2];
        }
        int ne = 0;
        for (int i = 0; i < live; i++) {
            int e = active[i];
            top[i] = Math.max(edges.y0[e], y);
            bottom[i] = Math.min(edges.y1[e], y + 1);
            events[ne++] = top[i];
            events[ne++] = bottom[i];
        }
        Arrays.sort(events, 0, ne);
        for (int k = 0; k + 1 < ne; k++) {
            double e0 = events[k], e1 = events[k + 1];
            if (!(e1 > e0)) {
                continue;
            }
            int m = 0;
            for (int i = 0; i < live; i++) {
                if (top[i] <= e0 && bottom[i] >= e1) {
                    band[m++] = i;
                }
            }
            if (m > 0) {
                bandPieces(e0, e1, m);
                if (!emitting && !plainRow) {
                    return false;
                }
            }
        }
        return plainRow;
    }

    /**
     * Orders the active edges by x at the middle of the row (of their part in it). Bands then
     * collect their edges almost in order, and their insertion sorts cost little; and since x moves
     * little from one row to the next, this sort too finds the list almost in order.
     */
    private void sortActiveByX(int y, int live) {
        if (activeKey.length < live) {
            activeKey = new double[active.length];
        }
        for (int i = 0; i < live; i++) {
            int e = active[i];
            double mid = (Math.max(edges.y0[e], y) + Math.min(edges.y1[e], y + 1)) * 0.5;
            activeKey[i] = edges.x0[e] + (mid - edges.y0[e]) * edges.dxdy[e];
        }
        for (int j = 1; j < live; j++) {
            int e = active[j];
            double k = activeKey[j];
            int i = j - 1;
            while (i >= 0 && activeKey[i] > k) {
                active[i + 1] = active[i];
                activeKey[i + 1] = activeKey[i];
                i--;
            }
            active[i + 1] = e;
            activeKey[i + 1] = k;
        }
    }

    /** One band of a row: the {@code m} edges in {@code band} span it; splits it where they cross. */
    private void bandPieces(double e0, double e1, int m) {
        sortBand(e0, e1, m);
        boolean crossing = false;
        for (int j = 1; j < m && !crossing; j++) {
            crossing = at0[j] < at0[j - 1] || at1[j] < at1[j - 1];
        }
        if (!crossing) {
            emit(e0, e1, m);
            return;
        }
        // the heights where two of the band's edges cross, then each part on its own
        int nc = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double d0 = at0[j] - at0[i], d1 = at1[j] - at1[i];
                if ((d0 < 0 && d1 > 0) || (d0 > 0 && d1 < 0)) {
                    if (nc == crossings.length) {
                        crossings = Arrays.copyOf(crossings, 2 * nc);
                    }
                    crossings[nc++] = e0 + (e1 - e0) * (d0 / (d0 - d1));
                }
            }
        }
        Arrays.sort(crossings, 0, nc);
        int[] members = Arrays.copyOf(band, m);   // band[] is reordered by each part's sort
        double from = e0;
        for (int c = 0; c <= nc; c++) {
            double to = c < nc ? Math.min(e1, Math.max(from, crossings[c])) : e1;
            if (to > from) {
                System.arraycopy(members, 0, band, 0, m);
                sortBand(from, to, m);
                emit(from, to, m);
            }
            from = to;
        }
    }

    /** Sorts the band's edges by x at the middle of [p, q], recording their x at p and q. */
    private void sortBand(double p, double q, int m) {
        double mid = (p + q) * 0.5;
        for (int j = 0; j < m; j++) {
            int e = active[band[j]];
            key[j] = edges.x0[e] + (mid - edges.y0[e]) * edges.dxdy[e];
        }
        for (int j = 1; j < m; j++) {   // insertion sort: bands hold few edges
            int b = band[j];
            double k = key[j];
            int i = j - 1;
            while (i >= 0 && key[i] > k) {
                band[i + 1] = band[i];
                key[i + 1] = key[i];
                i--;
            }
            band[i + 1] = b;
            key[i + 1] = k;
        }
        for (int j = 0; j < m; j++) {
            int e = active[band[j]];
            at0[j] = edges.x0[e] + (p - edges.y0[e]) * edges.dxdy[e];
            at1[j] = edges.x0[e] + (q - edges.y0[e]) * edges.dxdy[e];
        }
    }

    /**
     * Accumulates, between heights p and q, the sorted band's edges where the fill rule flips; or,
     * when not emitting, notes whether the band's windings stay 0 and the row's one sign.
     */
    private void emit(double p, double q, int m) {
        int winding = 0;
        for (int j = 0; j < m; j++) {
            int e = active[band[j]];
            boolean was = inside(winding);
            winding += edges.dir[e];
            if (!emitting) {
                if (winding != 0) {
                    if (rowSign == 0 && (winding == 1 || winding == -1)) {
                        rowSign = winding;
                    } else if (winding != rowSign) {
                        plainRow = false;
                        return;
                    }
                }
                continue;
            }
            boolean is = inside(winding);
            if (was != is) {
                piece(e, p, q, is ? 1 : -1);
            }
        }
    }
}
