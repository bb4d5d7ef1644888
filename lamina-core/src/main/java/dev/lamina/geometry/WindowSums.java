package dev.lamina.geometry;

/**
 * The affine's inner loop: for each pixel of a run, the weighted sum of its 2-D window of
 * premultiplied input samples, {@code sum_j wy[j] sum_i wx[i] p(i, j)}, with the windows and
 * weights of {@link AxisWeights}. One loop per band count, picked once per run, so each tap's
 * weight is loaded once for all the bands of its pixel and the partial sums stay in registers (as
 * the resampler's horizontal pass does).
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
                double rr = 0, gg = 0, bb = 0;
                for (int k = 0, s = xo; k < nx; k++, s += 3) {
                    double w = wx[wxo + k];
                    rr += w * src[s];
                    gg += w * src[s + 1];
                    bb += w * src[s + 2];
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
                double rr = 0, gg = 0, bb = 0, aa = 0;
                for (int k = 0, s = xo; k < nx; k++, s += 4) {
                    double w = wx[wxo + k];
                    rr += w * src[s];
                    gg += w * src[s + 1];
                    bb += w * src[s + 2];
                    aa += w * src[s + 3];
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
