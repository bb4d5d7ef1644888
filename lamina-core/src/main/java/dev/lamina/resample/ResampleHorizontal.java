package dev.lamina.resample;

import dev.lamina.core.DemandHint;

/**
 * The horizontal pass: each output pixel is the weighted sum of a window of input pixels of the
 * same row, with the weights of {@link ResampleWeights}. Rows are asked from the input whole (all
 * the columns the requested output columns' windows touch), one row at a time after one request
 * per strip.
 */
final class ResampleHorizontal implements RowSource {
    private final RowSource input;
    private final ResampleWeights weights;
    private final int outWidth;
    private final int bands;

    ResampleHorizontal(RowSource input, ResampleWeights weights, int outWidth, int bands) {
        this.input = input;
        this.weights = weights;
        this.outWidth = outWidth;
        this.bands = bands;
    }

    @Override
    public int width() {
        return outWidth;
    }

    @Override
    public int height() {
        return input.height();
    }

    @Override
    public DemandHint demand() {
        return input.demand();
    }

    @Override
    public Reader open() {
        return new Reader() {
            private final Reader in = input.open();
            private double[] src = new double[0];
            private int x0;
            private int x1;
            private int inX0;

            @Override
            public void request(int x0, int y0, int x1, int y1) {
                this.x0 = x0;
                this.x1 = x1;
                inX0 = weights.inputStart(x0, x1);
                int inX1 = weights.inputEnd(x0, x1);
                int need = (inX1 - inX0) * bands;
                if (src.length < need) {
                    src = new double[need];
                }
                in.request(inX0, y0, inX1, y1);
            }

            @Override
            public void row(int y, double[] dst) {
                in.row(y, src);
                int[] first = weights.first, count = weights.count, offset = weights.offset;
                double[] w = weights.weights;
                int d = 0;
                for (int o = x0; o < x1; o++) {
                    int s = (first[o] - inX0) * bands, wo = offset[o], n = count[o];
                    for (int b = 0; b < bands; b++) {
                        // Four partial sums: one running sum waits for each add to finish (about
                        // 4 cycles a tap), four independent ones keep the adder busy. The order
                        // differs from the reference's by rounding noise far below the tie tolerance.
                        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                        int t = 0, i = s + b, step = 4 * bands;
                        for (; t + 3 < n; t += 4, i += step) {
                            s0 += w[wo + t] * src[i];
                            s1 += w[wo + t + 1] * src[i + bands];
                            s2 += w[wo + t + 2] * src[i + 2 * bands];
                            s3 += w[wo + t + 3] * src[i + 3 * bands];
                        }
                        for (; t < n; t++, i += bands) {
                            s0 += w[wo + t] * src[i];
                        }
                        dst[d++] = (s0 + s1) + (s2 + s3);
                    }
                }
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }
}
