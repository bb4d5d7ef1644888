package dev.lamina.resample;

import dev.lamina.core.DemandHint;
import dev.lamina.simd.RowKernels;
import dev.lamina.simd.Vectors;

/**
 * The horizontal pass: each output pixel is the weighted sum of a window of input pixels of the
 * same row, with the weights of {@link ResampleWeights}. Rows are asked from the input whole (all
 * the columns the requested output columns' windows touch), one row at a time after one request
 * per strip.
 */
final class ResampleHorizontal implements RowSource {
    /** The vector forms of the three- and four-band loops, or null (then the scalar ones below run). */
    private static final RowKernels VECTOR = Vectors.rowKernels();

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
                // one double more than the row: the vector form of the three-band loop reads a
                // fourth lane past a window's last pixel
                int need = (inX1 - inX0) * bands + 1;
                if (src.length < need) {
                    src = new double[need];
                }
                in.request(inX0, y0, inX1, y1);
            }

            @Override
            public void row(int y, double[] dst) {
                in.row(y, src);
                filterRow(src, dst, weights, bands, x0, x1, inX0);
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    /**
     * Filters one row: output columns {@code x0 .. x1-1} into {@code dst[0 ..)} from {@code src},
     * whose first pixel is input column {@code inX0}. The strip path and {@link ResizeSweep} both
     * call this, so the two compute the same doubles.
     */
    static void filterRow(double[] src, double[] dst, ResampleWeights weights, int bands, int x0, int x1, int inX0) {
        filterRow(src, dst, weights, bands, x0, x1, inX0, VECTOR);
    }

    /**
     * The same with the vector kernels given ({@code null}: the scalar loops alone), so that the
     * tests run both forms in one JVM. The vector forms compute what the scalar loops do, double
     * for double; where the three-band one stops short (see {@link RowKernels#rgb}) the scalar
     * loop does the rest.
     */
    static void filterRow(double[] src, double[] dst, ResampleWeights weights, int bands, int x0, int x1, int inX0,
                          RowKernels vector) {
        int[] first = weights.first, count = weights.count, offset = weights.offset;
        double[] w = weights.weights;
        // One loop per band count, picked once per row: each tap's weight is loaded once
        // for all the bands of its pixel, and the source is read in order.
        switch (bands) {
            case 1 -> grey(src, dst, w, first, count, offset, x0, x1, inX0);
            case 2 -> greyAlpha(src, dst, w, first, count, offset, x0, x1, inX0);
            case 3 -> {
                int from = vector == null ? x0 : vector.rgb(src, dst, w, first, count, offset, x0, x1, inX0);
                rgb(src, dst, w, first, count, offset, x0, from, x1, inX0);
            }
            default -> {
                int from = vector == null ? x0 : vector.rgba(src, dst, w, first, count, offset, x0, x1, inX0);
                rgba(src, dst, w, first, count, offset, x0, from, x1, inX0);
            }
        }
    }

    // The loops below sum each window in two or four interleaved partial sums: a single running sum
    // waits for each add to finish (3-4 cycles a tap), independent ones keep the adders busy. The
    // order differs from the reference's by rounding noise far below the tie tolerance
    // (core/Rounding), and the exactness tests in lamina-reference hold every U8 and U16 sample to
    // the reference.

    /** One band: four partial sums over consecutive taps. */
    private static void grey(double[] src, double[] dst, double[] w, int[] first, int[] count, int[] offset,
                             int x0, int x1, int inX0) {
        for (int o = x0, d = 0; o < x1; o++, d++) {
            int s = first[o] - inX0, wo = offset[o], end = wo + count[o], t = wo;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (; t + 3 < end; t += 4, s += 4) {
                s0 += w[t] * src[s];
                s1 += w[t + 1] * src[s + 1];
                s2 += w[t + 2] * src[s + 2];
                s3 += w[t + 3] * src[s + 3];
            }
            for (; t < end; t++, s++) {
                s0 += w[t] * src[s];
            }
            dst[d] = (s0 + s1) + (s2 + s3);
        }
    }

    /** Two bands: two taps at a time, a partial sum per tap and band. */
    private static void greyAlpha(double[] src, double[] dst, double[] w, int[] first, int[] count, int[] offset,
                                  int x0, int x1, int inX0) {
        for (int o = x0, d = 0; o < x1; o++, d += 2) {
            int s = (first[o] - inX0) * 2, wo = offset[o], end = wo + count[o], t = wo;
            double a0 = 0, b0 = 0, a1 = 0, b1 = 0;
            for (; t + 1 < end; t += 2, s += 4) {
                double w0 = w[t], w1 = w[t + 1];
                a0 += w0 * src[s];
                b0 += w0 * src[s + 1];
                a1 += w1 * src[s + 2];
                b1 += w1 * src[s + 3];
            }
            if (t < end) {
                double w0 = w[t];
                a0 += w0 * src[s];
                b0 += w0 * src[s + 1];
            }
            dst[d] = a0 + a1;
            dst[d + 1] = b0 + b1;
        }
    }

    /** Three bands: two taps at a time, a partial sum per tap and band; outputs {@code from .. x1-1}. */
    private static void rgb(double[] src, double[] dst, double[] w, int[] first, int[] count, int[] offset,
                            int x0, int from, int x1, int inX0) {
        for (int o = from, d = (from - x0) * 3; o < x1; o++, d += 3) {
            int s = (first[o] - inX0) * 3, wo = offset[o], end = wo + count[o], t = wo;
            double r0 = 0, g0 = 0, b0 = 0, r1 = 0, g1 = 0, b1 = 0;
            for (; t + 1 < end; t += 2, s += 6) {
                double w0 = w[t], w1 = w[t + 1];
                r0 += w0 * src[s];
                g0 += w0 * src[s + 1];
                b0 += w0 * src[s + 2];
                r1 += w1 * src[s + 3];
                g1 += w1 * src[s + 4];
                b1 += w1 * src[s + 5];
            }
            if (t < end) {
                double w0 = w[t];
                r0 += w0 * src[s];
                g0 += w0 * src[s + 1];
                b0 += w0 * src[s + 2];
            }
            dst[d] = r0 + r1;
            dst[d + 1] = g0 + g1;
            dst[d + 2] = b0 + b1;
        }
    }

    /** Four bands: two taps at a time, a partial sum per tap and band; outputs {@code from .. x1-1}. */
    private static void rgba(double[] src, double[] dst, double[] w, int[] first, int[] count, int[] offset,
                             int x0, int from, int x1, int inX0) {
        for (int o = from, d = (from - x0) * 4; o < x1; o++, d += 4) {
            int s = (first[o] - inX0) * 4, wo = offset[o], end = wo + count[o], t = wo;
            double r0 = 0, g0 = 0, b0 = 0, a0 = 0, r1 = 0, g1 = 0, b1 = 0, a1 = 0;
            for (; t + 1 < end; t += 2, s += 8) {
                double w0 = w[t], w1 = w[t + 1];
                r0 += w0 * src[s];
                g0 += w0 * src[s + 1];
                b0 += w0 * src[s + 2];
                a0 += w0 * src[s + 3];
                r1 += w1 * src[s + 4];
                g1 += w1 * src[s + 5];
                b1 += w1 * src[s + 6];
                a1 += w1 * src[s + 7];
            }
            if (t < end) {
                double w0 = w[t];
                r0 += w0 * src[s];
                g0 += w0 * src[s + 1];
                b0 += w0 * src[s + 2];
                a0 += w0 * src[s + 3];
            }
            dst[d] = r0 + r1;
            dst[d + 1] = g0 + g1;
            dst[d + 2] = b0 + b1;
            dst[d + 3] = a0 + a1;
        }
    }
}
