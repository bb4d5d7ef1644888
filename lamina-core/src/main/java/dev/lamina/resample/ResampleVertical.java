package dev.lamina.resample;

import dev.lamina.core.DemandHint;

import java.util.Arrays;

/**
 * The vertical pass: each output row is the weighted sum of a window of input rows. A request for
 * a strip of output rows asks the input once for all the rows the strip's windows need (the strip
 * plus a margin of the stretched support above and below), then reads them one at a time and adds
 * each into every output row whose window holds it. So the pass keeps one input row and the
 * output strip's sums in doubles, never the input strip, and each output still sums its taps in
 * input order, as the reference does.
 *
 * <p>Demand: when shrinking by more than 2 the input rows per output strip grow with the scale,
 * so the pass asks for thin strips (the memory of a request is about {@code scale x strip} input
 * rows, of the input's width); otherwise fat strips, which spend less on the margin.
 */
final class ResampleVertical implements RowSource {
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
            /** The strip's sums, an array per output row (see the loop below for why not one array). */
            private double[][] sums = new double[0][];
            private double[] row = new double[0];
            private int y0;
            private int rowLength;

            @Override
            public void request(int x0, int y0, int x1, int y1) {
                this.y0 = y0;
                int len = (x1 - x0) * bands;
                rowLength = len;
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
                if (row.length < len) {
                    row = new double[len];
                }
                int inY0 = weights.inputStart(y0, y1), inY1 = weights.inputEnd(y0, y1);
                in.request(x0, inY0, x1, inY1);
                int[] first = weights.first, count = weights.count, offset = weights.offset;
                double[] w = weights.weights;
                double[] row = this.row;
                for (int iy = inY0; iy < inY1; iy++) {
                    in.row(iy, row);
                    for (int o = y0; o < y1; o++) {
                        int t = iy - first[o];
                        if (t < 0 || t >= count[o]) {
                            continue;
                        }
                        double wt = w[offset[o] + t];
                        // The same index on both sides: the JIT vectorises this loop only when it
                        // can see that a store cannot feed a later load, which two offsets into
                        // arrays that might be one and the same would hide (measured: about 3x).
                        double[] sum = sums[o - y0];
                        for (int k = 0; k < len; k++) {
                            sum[k] += wt * row[k];
                        }
                    }
                }
            }

            @Override
            public void row(int y, double[] dst) {
                System.arraycopy(sums[y - y0], 0, dst, 0, rowLength);
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }
}
