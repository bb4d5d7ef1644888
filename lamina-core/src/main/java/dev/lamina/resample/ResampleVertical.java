package dev.lamina.resample;

import dev.lamina.core.DemandHint;

import java.util.Arrays;

/**
 * The vertical pass: each output row is the weighted sum of a window of input rows. A request for
 * a strip of output rows asks the input once for all the rows the strip's windows need (the strip
 * plus a margin of the stretched support above and below), then reads them two at a time and adds
 * each pair into every output row whose window holds it. So the pass keeps two input rows and the
 * output strip's sums in doubles, never the input strip (when the input is the image's own rows,
 * which can be read again, it sums blocks of 16 output rows at a time, so its sums stay small
 * whatever the strip height); each output sums its taps in input order, a pair at a time (an
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
            private double[] row = new double[0];
            private double[] next = new double[0];
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
                if (row.length < len) {
                    row = new double[len];
                    next = new double[len];
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
                double[] r0 = row, r1 = next;
                // Input rows two at a time: each sum is loaded and stored once per pair, which halves
                // the memory traffic of the loop.
                for (int iy = inY0; iy < inY1; iy += 2) {
                    boolean pair = iy + 1 < inY1;
                    in.row(iy, r0);
                    if (pair) {
                        in.row(iy + 1, r1);
                    }
                    for (int o = y0; o < y1; o++) {
                        int t = iy - first[o], n = count[o];
                        boolean has0 = t >= 0 && t < n, has1 = pair && t + 1 >= 0 && t + 1 < n;
                        double[] sum = sums[o - y0];
                        if (has0 && has1) {
                            addTwo(sum, w[offset[o] + t], r0, w[offset[o] + t + 1], r1, len);
                        } else if (has0) {
                            addOne(sum, w[offset[o] + t], r0, len);
                        } else if (has1) {
                            addOne(sum, w[offset[o] + t + 1], r1, len);
                        }
                    }
                }
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    // The same index on every array: C2 vectorises these loops only when it can see that a store
    // cannot feed a later load, which offsets into arrays that might be one and the same would hide
    // (measured: about 3x slower). Hence a sums array per output row. ResizeSweep adds with these too.

    static void addOne(double[] sum, double w, double[] r, int len) {
        for (int k = 0; k < len; k++) {
            sum[k] += w * r[k];
        }
    }

    static void addTwo(double[] sum, double w0, double[] r0, double w1, double[] r1, int len) {
        for (int k = 0; k < len; k++) {
            sum[k] += w0 * r0[k] + w1 * r1[k];
        }
    }
}
