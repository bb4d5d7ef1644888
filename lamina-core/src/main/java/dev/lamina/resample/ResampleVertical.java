package dev.lamina.resample;

import dev.lamina.core.DemandHint;

import java.util.Arrays;

/**
 * The vertical pass: each output row is the weighted sum of a window of input rows. A request for
 * a strip of output rows asks the input once for all the rows the strip's windows need (the strip
 * plus a margin of the stretched support above and below), then reads them four at a time and adds
 * them into every output row whose window holds them. So the pass keeps four input rows and the
 * output strip's sums in doubles, never the input strip (when the input is the image's own rows,
 * which can be read again, it sums blocks of 16 output rows at a time, so its sums stay small
 * whatever the strip height); each output sums its taps in input order, up to four at a time (an
 * order that differs from the reference's by rounding noise far below the tie tolerance of
 * {@code core/Rounding}).
 *
 * <p>Demand: when shrinking by more than 2 the input rows per output strip grow with the scale,
 * so the pass asks for thin strips (the memory of a request is about {@code scale x strip} input
 * rows, of the input's width); otherwise fat strips, which spend less on the margin.
 */
final class ResampleVertical implements RowSource {
    /** Output rows summed at a time when the input's rows can be read again (see request). */
    private static final int BLOCK_ROWS = 16;
    /** Input rows added into the sums in one pass (see addRows). */
    static final int ROWS_AT_ONCE = 4;

    private final RowSource input;
    private final ResampleWeights weights;
    private final int outHeight;
    private final int bands;
    private final DemandHint demand;

    ResampleVertical(RowSource input, ResampleWeights weights, int outHeight, int bands) {
        this.input = input;
        this.weights = weights;
        this.outHeight = outHeight;
        this.bands = bands;
        double scale = (double) input.height() / outHeight;
        this.demand = DemandHint.tightest(input.demand(), scale > 2 ? DemandHint.THINSTRIP : DemandHint.FATSTRIP);
    }

    @Override
    public int width() {
        return input.width();
    }

    @Override
    public int height() {
        return outHeight;
    }

    @Override
    public DemandHint demand() {
        return demand;
    }

    @Override
    public Reader open() {
        return new Reader() {
            private final Reader in = input.open();
            /** The block's sums, an array per output row (see addOne for why not one array). */
            private double[][] sums = new double[0][];
            /** The input rows being added, up to ROWS_AT_ONCE. */
            private final double[][] rows = new double[ROWS_AT_ONCE][0];
            private int rowLength;
            private int requestEnd;
            /** The output rows whose sums are computed: [blockStart, blockEnd). */
            private int blockStart;
            private int blockEnd;

            @Override
            public void request(int x0, int y0, int x1, int y1) {
                int len = (x1 - x0) * bands;
                rowLength = len;
                requestEnd = y1;
                if (rows[0].length < len) {
                    for (int j = 0; j < ROWS_AT_ONCE; j++) {
                        rows[j] = new double[len];
                    }
                }
                in.request(x0, weights.inputStart(y0, y1), x1, weights.inputEnd(y0, y1));
                if (in.rereads()) {
                    // Blocks of BLOCK_ROWS output rows, computed as they are asked for: the sums of a
                    // block, not of the whole request, in memory and in the cache (a fat strip of a
                    // wide image would be megabytes of sums), at the cost of reading the rows of
                    // the margins between blocks again.
                    blockStart = blockEnd = y0;
                } else {
                    compute(y0, y1);
                }
            }

            @Override
            public void row(int y, double[] dst) {
                if (y >= blockEnd || y < blockStart) {
                    compute(y, Math.min(requestEnd, y + BLOCK_ROWS));
                }
                System.arraycopy(sums[y - blockStart], 0, dst, 0, rowLength);
            }

            /** Sums output rows [y0, y1) from the input rows their windows hold. */
            private void compute(int y0, int y1) {
                int len = rowLength;
                blockStart = y0;
                blockEnd = y1;
                if (sums.length < y1 - y0) {
                    sums = Arrays.copyOf(sums, y1 - y0);
                }
                for (int r = 0; r < y1 - y0; r++) {
                    if (sums[r] == null || sums[r].length < len) {
                        sums[r] = new double[len];
                    } else {
                        Arrays.fill(sums[r], 0, len, 0.0);
                    }
                }
                int inY0 = weights.inputStart(y0, y1), inY1 = weights.inputEnd(y0, y1);
                int[] first = weights.first, count = weights.count, offset = weights.offset;
                double[] w = weights.weights;
                // Input rows four at a time: each sum is loaded and stored once per four rows
                // (see addRows).
                for (int iy = inY0; iy < inY1; iy += ROWS_AT_ONCE) {
                    int n = Math.min(ROWS_AT_ONCE, inY1 - iy);
                    for (int j = 0; j < n; j++) {
                        in.row(iy + j, rows[j]);
                    }
                    for (int o = y0; o < y1; o++) {
                        addRows(sums[o - y0], w, offset[o], iy - first[o], count[o], rows, n, len);
                    }
                }
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    /**
     * Adds the consecutive input rows {@code rows[0 .. n)} (n at most {@link #ROWS_AT_ONCE}) into
     * the sums of an output whose window's taps {@code t .. t+n-1} they are; the rows outside the
     * window ({@code count} taps whose weights start at {@code w[wo]}) are skipped. One pass over the
     * sums for all of them: the loop is bound by loading and storing the sums (L2 for a wide row),
     * so four rows at a time instead of two took a fifth off the vertical pass (measured).
     * ResizeSweep adds with this too, so the two paths compute the same doubles.
     */
    static void addRows(double[] sum, double[] w, int wo, int t, int count, double[][] rows, int n, int len) {
        int j0 = Math.max(0, -t), j1 = Math.min(n, count - t);
        int at = wo + t + j0;
        switch (j1 - j0) {
            case 4 -> addFour(sum, w[at], rows[j0], w[at + 1], rows[j0 + 1], w[at + 2], rows[j0 + 2], w[at + 3], rows[j0 + 3], len);
            case 3 -> addThree(sum, w[at], rows[j0], w[at + 1], rows[j0 + 1], w[at + 2], rows[j0 + 2], len);
            case 2 -> addTwo(sum, w[at], rows[j0], w[at + 1], rows[j0 + 1], len);
            case 1 -> addOne(sum, w[at], rows[j0], len);
            default -> {
                // the rows are all outside this window
            }
        }
    }

    // The same index on every array: C2 vectorises these loops only when it can see that a store
    // cannot feed a later load, which offsets into arrays that might be one and the same would hide
    // (measured: about 3x slower). Hence a sums array per output row.

    private static void addOne(double[] sum, double w, double[] r, int len) {
        for (int k = 0; k < len; k++) {
            sum[k] += w * r[k];
        }
    }

    private static void addTwo(double[] sum, double w0, double[] r0, double w1, double[] r1, int len) {
        for (int k = 0; k < len; k++) {
            sum[k] += w0 * r0[k] + w1 * r1[k];
        }
    }

    private static void addThree(double[] sum, double w0, double[] r0, double w1, double[] r1, double w2, double[] r2,
                                 int len) {
        for (int k = 0; k < len; k++) {
            sum[k] += (w0 * r0[k] + w1 * r1[k]) + w2 * r2[k];
        }
    }

    private static void addFour(double[] sum, double w0, double[] r0, double w1, double[] r1, double w2, double[] r2,
                                double w3, double[] r3, int len) {
        for (int k = 0; k < len; k++) {
            sum[k] += (w0 * r0[k] + w1 * r1[k]) + (w2 * r2[k] + w3 * r3[k]);
        }
    }
}
