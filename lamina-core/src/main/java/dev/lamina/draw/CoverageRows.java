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
 *
 * <p><b>Independent x ranges.</b> Cutting a whole row at every edge end and collecting each band's
 * edges from the whole row costs about (live edges)^2 per row, and a row of text has hundreds of
 * short edges live. But edges whose x ranges in the row do not overlap never bound a common region:
 * the row is first cut into groups at gaps that no edge crosses and where the winding is the same
 * at every height of the row (see {@link #group}), and each group is cut into bands and analysed
 * on its own, from the winding at its left, its bands keeping their edges from one to the next.
 * A row then costs about sorting its edges plus the sizes of its groups' bands (a group is about
 * one stroke of a glyph). A group that winds 0 and one sign from a winding of 0 at its left has all
 * its edges accumulated whole, signed by that sign.
 */
final class CoverageRows {
    /** Rows of at most this many edges are analysed as one group. */
    private static final int FEW = 12;
    private final EdgeTable edges;
    private final boolean evenOdd;
    private final boolean convex;
    private int[] candidates = new int[16];
    private int[] active = new int[16];
    private double[] acc = new double[2];
    private int[] touched = new int[64];   // cells added to in the current row, unsorted, repeated
    private int touchedCount;
    // one row's analysis, per active edge (by position in the active list): its part in the row
    private double[] top = new double[16], bottom = new double[16], right = new double[16];
    private int[] order = new int[16];                  // positions by the left end of their x range
    private double[] orderKey = new double[16];
    private int[] groupEnd = new int[16], groupBase = new int[16], groupSign = new int[16];
    private boolean[] groupPlain = new boolean[16];
    private double[] events = new double[32];
    private int[] band = new int[16];
    private int[] byTop = new int[16];                  // a group's edges by the top of their part
    private double[] byTopKey = new double[16];
    private double[] key = new double[16], at0 = new double[16], at1 = new double[16];
    private double[] crossings = new double[16];
    private double[] activeKey = new double[16];
    private int[] mergeIdx = new int[16];
    private double[] mergeKey = new double[16];
    private boolean emitting;   // group: accumulate pieces, or only check the windings
    private int base;           // the winding left of the group being analysed
    private boolean plainGroup;
    private int signOfGroup;
    private boolean balanced;   // the group changes the winding by the same at every height
    private int rowTop;
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
                boolean plain = convex || (live == 2 && !crossInRow(active[0], active[1], y)) || analyse(y, live);
                if (plain) {
                    for (int i = 0; i < live; i++) {
                        int e = active[i];
                        piece(e, Math.max(edges.y0[e], y), Math.min(edges.y1[e], y + 1), edges.dir[e]);
                    }
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
     * dependent additions over every pixel). A row touched more often than it has pixels (a line
     * of text) is summed densely instead: sorting the touches would cost more than the chain, and an
     * untouched cell adds 0, so the values are the same. Clears the touched cells for the next row.
     */
    private void sweep(double[] coverage, int width) {
        if (touchedCount > width) {
            double c = 0;
            for (int i = 0; i < width; i++) {
                c += acc[i];
                acc[i] = 0;
                coverage[i] = Math.min(1.0, Math.abs(c));
            }
            acc[width] = 0;
            acc[width + 1] = 0;
            touchedCount = 0;
            return;
        }
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
     * The analysis of one row with {@code live} active edges that is not plain on its face (see the
     * class comment). Returns true when the whole row winds 0 or one sign, in which case nothing is
     * accumulated and the caller accumulates the edges whole (most rows of most paths: far fewer,
     * longer pieces); otherwise accumulates the row itself, group by group.
     */
    private boolean analyse(int y, int live) {
        reserve(live);
        sortActiveByX(y, live);
        for (int i = 0; i < live; i++) {
            int e = active[i];
            top[i] = Math.max(edges.y0[e], y);
            bottom[i] = Math.min(edges.y1[e], y + 1);
            double xt = edges.x0[e] + (top[i] - edges.y0[e]) * edges.dxdy[e];
            double xb = edges.x0[e] + (bottom[i] - edges.y0[e]) * edges.dxdy[e];
            order[i] = i;
            orderKey[i] = Math.min(xt, xb);
            right[i] = Math.max(xt, xb);
        }
        sortByKey(order, orderKey, live);   // almost in order already: the active list is by x
        // first only the windings, group by group, each from the winding at its left
        emitting = false;
        rowTop = y;
        boolean plainRow = true;
        int rowSign = 0, winding = 0, ng = 0;
        for (int from = 0, j = 0; j < live; ) {
            // the next cluster: edges whose x ranges overlap, up to a gap of positive width; a row
            // of few edges is one group (cutting it would cost more calls than it saves)
            double reach = right[order[j]];
            int c = j + 1;
            while (c < live && (live <= FEW || orderKey[c] <= reach)) {
                reach = Math.max(reach, right[order[c]]);
                c++;
            }
            j = c;
            base = winding;
            int change = group(from, c);
            if (!balanced && c < live) {
                continue;   // a horizontal edge crosses the gap: the next cluster joins the group
            }
            groupEnd[ng] = c;
            groupBase[ng] = winding;
            groupPlain[ng] = plainGroup;
            groupSign[ng++] = signOfGroup;
            if (!plainGroup || (signOfGroup != 0 && rowSign != 0 && signOfGroup != rowSign)) {
                plainRow = false;
            } else if (signOfGroup != 0) {
                rowSign = signOfGroup;
            }
            winding += change;
            from = c;
        }
        if (plainRow) {
            return true;
        }
        emitting = true;
        for (int g = 0, from = 0; g < ng; from = groupEnd[g++]) {
            if (groupBase[g] == 0 && groupPlain[g]) {
                // winds 0 or one sign s from 0: every edge flips, entering where its direction is s
                int s = groupSign[g];
                for (int j = from; s != 0 && j < groupEnd[g]; j++) {
                    int p = order[j], e = active[p];
                    piece(e, top[p], bottom[p], edges.dir[e] * s);
                }
            } else {
                base = groupBase[g];
                group(from, groupEnd[g]);
            }
        }
        return false;
    }

    /** Grows the per-edge arrays of the analysis to {@code live} edges. */
    private void reserve(int live) {
        if (top.length < live) {
            int cap = 2 * live;
            top = new double[cap];
            bottom = new double[cap];
            right = new double[cap];
            order = new int[cap];
            orderKey = new double[cap];
            groupEnd = new int[cap];
            groupBase = new int[cap];
            groupSign = new int[cap];
            groupPlain = new boolean[cap];
            band = new int[cap];
            byTop = new int[cap];
            byTopKey = new double[cap];
            key = new double[cap];
            at0 = new double[cap];
            at1 = new double[cap];
        }
        if (events.length < 2 * live) {
            int cap = 4 * live;
            events = new double[cap];
        }
    }

    /**
     * The band analysis of one group, {@code order[from .. to)}, from the winding {@link #base} at
     * its left: cut at every end of its edges. The edges spanning a band are kept from one band to
     * the next (those ended dropped, those starting added, in their order by top), so a chain of
     * short edges costs its length, not its square; {@link #band} stays almost sorted by x.
     * When {@link #emitting}, accumulates the edges where the fill rule flips; otherwise notes in
     * {@link #plainGroup} whether the windings stay 0 and one sign, {@link #signOfGroup}.
     * Returns how much the group changes the winding, and notes in {@link #balanced} whether that
     * is the same at every height of the row: then the winding right of the group is constant over
     * the row (no horizontal edge leaves the group there) and the next group can start from it.
     */
    private int group(int from, int to) {
        int g = to - from, ne = 0;
        for (int j = from; j < to; j++) {
            int p = order[j];
            events[ne++] = top[p];
            events[ne++] = bottom[p];
            byTop[j - from] = p;
            byTopKey[j - from] = top[p];
        }
        Arrays.sort(events, 0, ne);
        sortByKey(byTop, byTopKey, g);
        plainGroup = true;
        signOfGroup = 0;
        balanced = true;
        // above its first edge or below its last, the group changes the winding by 0
        boolean seen = events[0] > rowTop || events[ne - 1] < rowTop + 1;
        int change = 0, next = 0, m = 0;
        for (int k = 0; k + 1 < ne; k++) {
            double e0 = events[k], e1 = events[k + 1];
            if (!(e1 > e0)) {
                continue;
            }
            // no edge ends strictly between two events: spanning [e0, e1] is ending after e0
            int kept = 0, here = 0;
            for (int j = 0; j < m; j++) {
                if (bottom[band[j]] > e0) {
                    band[kept++] = band[j];
                }
            }
            m = kept;
            while (next < g && top[byTop[next]] <= e0) {
                band[m++] = byTop[next++];
            }
            for (int j = 0; j < m; j++) {
                here += edges.dir[active[band[j]]];
            }
            if (!seen) {
                seen = true;
                change = here;
            } else if (here != change) {
                balanced = false;
            }
            if (m > 0 && (emitting || plainGroup)) {
                bandPieces(e0, e1, m);
            }
        }
        return change;
    }

    /**
     * Orders the active edges by x at the middle of the row (of their part in it), stably: the
     * order in which a plain row's edges are accumulated. Since x moves little from one row to the
     * next, the sort finds the list almost in order, and the groups' edges come almost in order too.
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
        sortByKey(active, activeKey, live);
    }

    /**
     * Sorts {@code idx[0 .. n)} by {@code key[0 .. n)}, moving each key with its index, stably (the
     * order an insertion sort gives): a merge sort that skips the merge of halves already in order,
     * so a list almost in order costs about n, and one with many newcomers n log n.
     */
    private void sortByKey(int[] idx, double[] key, int n) {
        if (mergeIdx.length < n) {
            mergeIdx = new int[idx.length];
            mergeKey = new double[idx.length];
        }
        mergeSort(idx, key, 0, n);
    }

    private void mergeSort(int[] idx, double[] key, int lo, int hi) {
        if (hi - lo <= 16) {
            for (int j = lo + 1; j < hi; j++) {
                int v = idx[j];
                double k = key[j];
                int i = j - 1;
                while (i >= lo && key[i] > k) {
                    idx[i + 1] = idx[i];
                    key[i + 1] = key[i];
                    i--;
                }
                idx[i + 1] = v;
                key[i + 1] = k;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(idx, key, lo, mid);
        mergeSort(idx, key, mid, hi);
        if (key[mid - 1] <= key[mid]) {
            return;
        }
        int len = mid - lo;
        System.arraycopy(idx, lo, mergeIdx, 0, len);
        System.arraycopy(key, lo, mergeKey, 0, len);
        int i = 0, j = mid, o = lo;
        while (i < len && j < hi) {
            if (mergeKey[i] <= key[j]) {
                idx[o] = mergeIdx[i];
                key[o++] = mergeKey[i++];
            } else {
                idx[o] = idx[j];
                key[o++] = key[j++];
            }
        }
        while (i < len) {
            idx[o] = mergeIdx[i];
            key[o++] = mergeKey[i++];
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
        for (int j = 1; j < m; j++) {   // insertion sort: bands hold few edges, almost in order
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
     * Accumulates, between heights p and q, the sorted band's edges where the fill rule flips, from
     * the winding {@link #base} at the group's left; or, when not emitting, notes whether the band's
     * windings stay 0 and the group's one sign.
     */
    private void emit(double p, double q, int m) {
        int winding = base;
        for (int j = 0; j < m; j++) {
            int e = active[band[j]];
            boolean was = inside(winding);
            winding += edges.dir[e];
            if (!emitting) {
                if (winding != 0) {
                    if (signOfGroup == 0 && (winding == 1 || winding == -1)) {
                        signOfGroup = winding;
                    } else if (winding != signOfGroup) {
                        plainGroup = false;
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
