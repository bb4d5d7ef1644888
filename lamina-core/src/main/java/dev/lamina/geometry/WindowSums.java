package dev.lamina.geometry;

/**
 * The affine's inner loop: for each pixel of a run, the weighted sum of its 2-D window of
 * premultiplied input samples, {@code sum_j wy[j] sum_i wx[i] p(i, j)}, with the windows and
 * weights of {@link AxisWeights}. One loop per band count, picked once per run, so each tap's
 * weight is loaded once for all the bands of its pixel and the partial sums stay in registers (as
 * the resampler's horizontal pass does). Colour windows of two and four taps (linear and the cubics
 * inside the image: most pixels of a rotation) are summed as short trees, without the loop: a
 * running sum waits for each add, the tree does not (a cubic RGB rotation by 30 degrees of 1920x1080:
 * 193 -> 126 ms of CPU).
 */
final class WindowSums {

    private WindowSums() {
    }

    /**
     * @param rows      premultiplied input rows, {@code rows[j]} being input row {@code y0 + j} from column {@code x0}
     * @param firstX    per pixel, the first input column of its window; {@code countX} its length;
     *                  {@code wx[p tapsX ..]} its weights (and the same for rows)
     * @param out       {@code n x bands} sums
     */
    static void sample(int bands, double[][] rows, int x0, int y0, int n,
                       int[] firstX, int[] countX, double[] wx, int tapsX,
                       int[] firstY, int[] countY, double[] wy, int tapsY, double[] out) {
        switch (bands) {
            case 1 -> grey(rows, x0, y0, n, firstX, countX, wx, tapsX, firstY, countY, wy, tapsY, out);
            case 2 -> greyAlpha(rows, x0, y0, n, firstX, countX, wx, tapsX, firstY, countY, wy, tapsY, out);
            case 3 -> rgb(rows, x0, y0, n, firstX, countX, wx, tapsX, firstY, countY, wy, tapsY, out);
            default -> rgba(rows, x0, y0, n, firstX, countX, wx, tapsX, firstY, countY, wy, tapsY, out);
        }
    }

    private static void grey(double[][] rows, int x0, int y0, int n, int[] firstX, int[] countX, double[] wx,
                             int tapsX, int[] firstY, int[] countY, double[] wy, int tapsY, double[] out) {
        for (int p = 0; p < n; p++) {
            int xo = firstX[p] - x0, nx = countX[p], wxo = p * tapsX;
            int yo = firstY[p] - y0, ny = countY[p], wyo = p * tapsY;
            double v = 0;
            for (int j = 0; j < ny; j++) {
                double[] src = rows[yo + j];
                double s0 = 0, s1 = 0;
                int k = 0;
                for (; k + 1 < nx; k += 2) {
                    s0 += wx[wxo + k] * src[xo + k];
                    s1 += wx[wxo + k + 1] * src[xo + k + 1];
                }
                if (k < nx) {
                    s0 += wx[wxo + k] * src[xo + k];
                }
                v += wy[wyo + j] * (s0 + s1);
            }
            out[p] = v;
        }
    }

    private static void greyAlpha(double[][] rows, int x0, int y0, int n, int[] firstX, int[] countX, double[] wx,
                                  int tapsX, int[] firstY, int[] countY, double[] wy, int tapsY, double[] out) {
        for (int p = 0, d = 0; p < n; p++, d += 2) {
            int xo = (firstX[p] - x0) * 2, nx = countX[p], wxo = p * tapsX;
            int yo = firstY[p] - y0, ny = countY[p], wyo = p * tapsY;
            double g = 0, a = 0;
            for (int j = 0; j < ny; j++) {
                double[] src = rows[yo + j];
                double gg = 0, aa = 0;
                for (int k = 0, s = xo; k < nx; k++, s += 2) {
                    double w = wx[wxo + k];
                    gg += w * src[s];
                    aa += w * src[s + 1];
                }
                double w = wy[wyo + j];
                g += w * gg;
                a += w * aa;
            }
            out[d] = g;
            out[d + 1] = a;
        }
    }

    private static void rgb(double[][] rows, int x0, int y0, int n, int[] firstX, int[] countX, double[] wx,
                            int tapsX, int[] firstY, int[] countY, double[] wy, int tapsY, double[] out) {
        for (int p = 0, d = 0; p < n; p++, d += 3) {
            int xo = (firstX[p] - x0) * 3, nx = countX[p], wxo = p * tapsX;
            int yo = firstY[p] - y0, ny = countY[p], wyo = p * tapsY;
            double r = 0, g = 0, b = 0;
            for (int j = 0; j < ny; j++) {
                double[] src = rows[yo + j];
                double rr, gg, bb;
                if (nx == 4) {
                    double w0 = wx[wxo], w1 = wx[wxo + 1], w2 = wx[wxo + 2], w3 = wx[wxo + 3];
                    int s = xo;
                    rr = (w0 * src[s] + w1 * src[s + 3]) + (w2 * src[s + 6] + w3 * src[s + 9]);
                    gg = (w0 * src[s + 1] + w1 * src[s + 4]) + (w2 * src[s + 7] + w3 * src[s + 10]);
                    bb = (w0 * src[s + 2] + w1 * src[s + 5]) + (w2 * src[s + 8] + w3 * src[s + 11]);
                } else if (nx == 2) {
                    double w0 = wx[wxo], w1 = wx[wxo + 1];
                    int s = xo;
                    rr = w0 * src[s] + w1 * src[s + 3];
                    gg = w0 * src[s + 1] + w1 * src[s + 4];
                    bb = w0 * src[s + 2] + w1 * src[s + 5];
                } else {
                    // two taps at a time, a partial sum per tap and band
                    double r0 = 0, g0 = 0, b0 = 0, r1 = 0, g1 = 0, b1 = 0;
                    int k = 0, s = xo;
                    for (; k + 1 < nx; k += 2, s += 6) {
                        double w0 = wx[wxo + k], w1 = wx[wxo + k + 1];
                        r0 += w0 * src[s];
                        g0 += w0 * src[s + 1];
                        b0 += w0 * src[s + 2];
                        r1 += w1 * src[s + 3];
                        g1 += w1 * src[s + 4];
                        b1 += w1 * src[s + 5];
                    }
                    if (k < nx) {
                        double w0 = wx[wxo + k];
                        r0 += w0 * src[s];
                        g0 += w0 * src[s + 1];
                        b0 += w0 * src[s + 2];
                    }
                    rr = r0 + r1;
                    gg = g0 + g1;
                    bb = b0 + b1;
                }
                double w = wy[wyo + j];
                r += w * rr;
                g += w * gg;
                b += w * bb;
            }
            out[d] = r;
            out[d + 1] = g;
            out[d + 2] = b;
        }
    }

    private static void rgba(double[][] rows, int x0, int y0, int n, int[] firstX, int[] countX, double[] wx,
                             int tapsX, int[] firstY, int[] countY, double[] wy, int tapsY, double[] out) {
        for (int p = 0, d = 0; p < n; p++, d += 4) {
            int xo = (firstX[p] - x0) * 4, nx = countX[p], wxo = p * tapsX;
            int yo = firstY[p] - y0, ny = countY[p], wyo = p * tapsY;
            double r = 0, g = 0, b = 0, a = 0;
            for (int j = 0; j < ny; j++) {
                double[] src = rows[yo + j];
                double rr, gg, bb, aa;
                if (nx == 4) {
                    double w0 = wx[wxo], w1 = wx[wxo + 1], w2 = wx[wxo + 2], w3 = wx[wxo + 3];
                    int s = xo;
                    rr = (w0 * src[s] + w1 * src[s + 4]) + (w2 * src[s + 8] + w3 * src[s + 12]);
                    gg = (w0 * src[s + 1] + w1 * src[s + 5]) + (w2 * src[s + 9] + w3 * src[s + 13]);
                    bb = (w0 * src[s + 2] + w1 * src[s + 6]) + (w2 * src[s + 10] + w3 * src[s + 14]);
                    aa = (w0 * src[s + 3] + w1 * src[s + 7]) + (w2 * src[s + 11] + w3 * src[s + 15]);
                } else if (nx == 2) {
                    double w0 = wx[wxo], w1 = wx[wxo + 1];
                    int s = xo;
                    rr = w0 * src[s] + w1 * src[s + 4];
                    gg = w0 * src[s + 1] + w1 * src[s + 5];
                    bb = w0 * src[s + 2] + w1 * src[s + 6];
                    aa = w0 * src[s + 3] + w1 * src[s + 7];
                } else {
                    // two taps at a time, a partial sum per tap and band
                    double r0 = 0, g0 = 0, b0 = 0, a0 = 0, r1 = 0, g1 = 0, b1 = 0, a1 = 0;
                    int k = 0, s = xo;
                    for (; k + 1 < nx; k += 2, s += 8) {
                        double w0 = wx[wxo + k], w1 = wx[wxo + k + 1];
                        r0 += w0 * src[s];
                        g0 += w0 * src[s + 1];
                        b0 += w0 * src[s + 2];
                        a0 += w0 * src[s + 3];
                        r1 += w1 * src[s + 4];
                        g1 += w1 * src[s + 5];
                        b1 += w1 * src[s + 6];
                        a1 += w1 * src[s + 7];
                    }
                    if (k < nx) {
                        double w0 = wx[wxo + k];
                        r0 += w0 * src[s];
                        g0 += w0 * src[s + 1];
                        b0 += w0 * src[s + 2];
                        a0 += w0 * src[s + 3];
                    }
                    rr = r0 + r1;
                    gg = g0 + g1;
                    bb = b0 + b1;
                    aa = a0 + a1;
                }
                double w = wy[wyo + j];
                r += w * rr;
                g += w * gg;
                b += w * bb;
                a += w * aa;
            }
            out[d] = r;
            out[d + 1] = g;
            out[d + 2] = b;
            out[d + 3] = a;
        }
    }
}
