package dev.lamina.draw;

import java.util.Arrays;

/**
 * The edges of an outline, prepared once for the rasteriser: horizontal edges dropped; each edge
 * stored top to bottom with its direction (+1 if the ring went down it); cut to the image's rows
 * 0..height; parts left of x = 0 moved onto x = 0 and parts right of x = width onto x = width (a
 * vertical edge there gives every pixel of the image the same winding as the original part, since
 * an edge changes the winding only of points to its right, and closed rings stay closed); sorted
 * by the row of their top; and listed per block of rows, so a strip looks only at the edges that cross it.
 *
 * <p>Memory: a few doubles per edge (the outline's size, never the image's), and the block lists:
 * blocks are 16 rows unless the edges are so long that the lists would outgrow four entries per
 * edge, in which case blocks grow.
 */
final class EdgeTable {
    final int width;
    final int height;
    final int count;
    final double[] x0, y0, x1, y1;   // y0 < y1
    final double[] dxdy;             // (x1 - x0) / (y1 - y0)
    final byte[] dir;
    final int blockRows;
    private final int[] blockStart;  // edges of block b: blockEdges[blockStart[b] .. blockStart[b + 1])
    private final int[] blockEdges;

    EdgeTable(Contours rings, int width, int height) {
        this.width = width;
        this.height = height;
        Builder b = new Builder(width, height, rings.points());
        for (int c = 0; c < rings.count(); c++) {
            int a = rings.start(c), n = rings.end(c) - a;
            for (int i = 0; n >= 2 && i < n; i++) {
                int p = a + i, q = a + (i + 1) % n;
                b.edge(rings.x(p), rings.y(p), rings.x(q), rings.y(q));
            }
        }
        int[] order = byTopRow(b);
        count = b.n;
        x0 = new double[count];
        y0 = new double[count];
        x1 = new double[count];
        y1 = new double[count];
        dxdy = new double[count];
        dir = new byte[count];
        for (int k = 0; k < count; k++) {
            int i = order[k];
            x0[k] = b.x0[i];
            y0[k] = b.y0[i];
            x1[k] = b.x1[i];
            y1[k] = b.y1[i];
            dxdy[k] = (x1[k] - x0[k]) / (y1[k] - y0[k]);
            dir[k] = b.dir[i];
        }
        int rows = 16;
        while (entries(rows) > 4L * count + 1024) {
            rows *= 2;
        }
        blockRows = rows;
        int blocks = (height + rows - 1) / rows;
        blockStart = new int[blocks + 1];
        for (int e = 0; e < count; e++) {
            for (int k = firstBlock(e); k <= lastBlock(e); k++) {
                blockStart[k + 1]++;
            }
        }
        for (int k = 0; k < blocks; k++) {
            blockStart[k + 1] += blockStart[k];
        }
        blockEdges = new int[blockStart[blocks]];
        int[] fill = Arrays.copyOf(blockStart, blocks);
        for (int e = 0; e < count; e++) {
            for (int k = firstBlock(e); k <= lastBlock(e); k++) {
                blockEdges[fill[k]++] = e;
            }
        }
    }

    /**
     * The edges' indices sorted by the row of their top (all the active list needs), so that each
     * block's list and a strip's union of them are in that order; stably, so that the order does not
     * depend on how it was sorted. By counting (linear: a paragraph of text has some 50,000 edges,
     * and a comparison sort of them was a sixth of its fill) unless the image is so tall for its
     * edges that the counts would outweigh them: then a sort of primitive keys, row in the high
     * half, index low.
     */
    private static int[] byTopRow(Builder b) {
        int n = b.n;
        int[] order = new int[n];
        if (b.height <= 8L * n + 65536) {
            int[] start = new int[b.height + 1];
            for (int i = 0; i < n; i++) {
                start[(int) b.y0[i] + 1]++;
            }
            for (int r = 0; r < b.height; r++) {
                start[r + 1] += start[r];
            }
            for (int i = 0; i < n; i++) {
                order[start[(int) b.y0[i]]++] = i;
            }
            return order;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) (int) b.y0[i] << 32) | i;
        }
        Arrays.sort(keys);
        for (int k = 0; k < n; k++) {
            order[k] = (int) keys[k];
        }
        return order;
    }

    private long entries(int rows) {
        long n = 0;
        for (int e = 0; e < count; e++) {
            n += (long) Math.ceil(y1[e] / rows) - (long) (y0[e] / rows);
        }
        return n;
    }

    private int firstBlock(int e) {
        return (int) (y0[e] / blockRows);
    }

    private int lastBlock(int e) {
        return (int) Math.ceil(y1[e] / blockRows) - 1;
    }

    /**
     * The edges that cross rows {@code top .. bottom-1}, sorted by the row of their top, into {@code out};
     * returns how many. An edge listed in several of the strip's blocks is taken from the first.
     */
    int edgesCrossing(int top, int bottom, int[] out) {
        int first = top / blockRows, last = (bottom - 1) / blockRows, n = 0;
        for (int k = first; k <= last; k++) {
            for (int i = blockStart[k]; i < blockStart[k + 1]; i++) {
                int e = blockEdges[i];
                if ((k == first || firstBlock(e) == k) && y0[e] < bottom && y1[e] > top) {
                    out[n++] = e;
                }
            }
        }
        return n;
    }

    /** Edges are collected here before they are sorted. */
    private static final class Builder {
        final int width, height;
        double[] x0, y0, x1, y1;
        byte[] dir;
        int n;

        Builder(int width, int height, int points) {
            this.width = width;
            this.height = height;
            int cap = Math.max(16, points + points / 4);
            x0 = new double[cap];
            y0 = new double[cap];
            x1 = new double[cap];
            y1 = new double[cap];
            dir = new byte[cap];
        }

        void edge(double ax, double ay, double bx, double by) {
            if (ay == by) {
                return;   // a horizontal edge changes no winding
            }
            byte d = 1;
            if (ay > by) {
                double t = ax;
                ax = bx;
                bx = t;
                t = ay;
                ay = by;
                by = t;
                d = -1;
            }
            if (by <= 0 || ay >= height) {
                return;
            }
            double slope = (bx - ax) / (by - ay);
            if (ay < 0) {
                ax += (0 - ay) * slope;
                ay = 0;
            }
            if (by > height) {
                bx = ax + (height - ay) * slope;
                by = height;
            }
            // cut at x = 0 and x = width, moving the outer parts onto those lines
            double[] xs = {ax, bx};
            double[] cuts = new double[2];
            int nc = 0;
            for (double edgeX : new double[]{0, width}) {
                if ((ax - edgeX) * (bx - edgeX) < 0) {
                    cuts[nc++] = ay + (edgeX - ax) / slope;
                }
            }
            if (nc == 2 && cuts[0] > cuts[1]) {
                double t = cuts[0];
                cuts[0] = cuts[1];
                cuts[1] = t;
            }
            double py = ay, px = ax;
            for (int i = 0; i <= nc; i++) {
                double qy = i < nc ? cuts[i] : by;
                double qx = i < nc ? ax + (qy - ay) * slope : bx;
                if (qy > py) {
                    double midX = (px + qx) / 2;
                    double cx0 = Math.clamp(px, 0, width), cx1 = Math.clamp(qx, 0, width);
                    if (midX <= 0 || midX >= width) {
                        cx0 = cx1 = midX <= 0 ? 0 : width;
                    }
                    add(cx0, py, cx1, qy, d);
                }
                py = qy;
                px = qx;
            }
        }

        private void add(double ax, double ay, double bx, double by, byte d) {
            if (n == x0.length) {
                int cap = 2 * n;
                x0 = Arrays.copyOf(x0, cap);
                y0 = Arrays.copyOf(y0, cap);
                x1 = Arrays.copyOf(x1, cap);
                y1 = Arrays.copyOf(y1, cap);
                dir = Arrays.copyOf(dir, cap);
            }
            x0[n] = ax;
            y0[n] = ay;
            x1[n] = bx;
            y1[n] = by;
            dir[n] = d;
            n++;
        }
    }
}
