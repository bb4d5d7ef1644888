package dev.lamina.metrics;

/**
 * SSIM over a stream of rows: the Gaussian-weighted local statistics of Wang et al. (2004) for
 * every 11 x 11 window that lies inside the image, accumulated per colour band as two sums, of
 * SSIM = l x cs and of the contrast-structure term cs alone (what MS-SSIM needs at the finer
 * scales).
 *
 * <p>Rows are filtered horizontally as they arrive and kept in a ring of 11 filtered rows; each
 * new row completes the window whose bottom it is, and the vertical filter of that window gives
 * one row of the SSIM map. Memory is 11 rows x 5 statistics x bands, never the image.
 *
 * <p>Borders: only windows entirely inside the image count, that is SSIM-map pixels at least 5
 * pixels from every edge. That is exactly what scikit-image's {@code structural_similarity}
 * averages with {@code gaussian_weights=True}: it filters with {@code mode='reflect'} and then
 * crops {@code (win_size - 1) / 2 = 5} pixels from each border before taking the mean, and the
 * pixels it keeps never see a reflected sample. Images narrower or lower than 11 pixels have no
 * window, and their SSIM is undefined (NaN), as in scikit-image, which refuses them.
 */
final class SsimWindow {
    static final int RADIUS = 5;
    static final int SIZE = 2 * RADIUS + 1;
    static final double SIGMA = 1.5;
    static final double K1 = 0.01;
    static final double K2 = 0.03;
    /** The normalised 11-tap Gaussian, sigma 1.5: scipy's gaussian_filter with truncate 3.5. */
    static final double[] KERNEL = kernel();
    private static final int STATS = 5;   // x, y, x^2, y^2, xy

    private final int width;
    private final int bands;
    private final int pixelStride;
    private final int outWidth;
    private final double c1;
    private final double c2;
    private final double[][] ring;     // [row % 11][(stat * bands + band) * outWidth + column]
    private final double[] xa;
    private final double[] xb;
    private long rowsFed;
    final double[] ssimSum;
    final double[] csSum;
    long windowsPerBand;

    /**
     * @param width       pixels per row
     * @param bands       colour bands to measure: the first {@code bands} samples of each pixel
     * @param pixelStride samples per pixel in the rows given to {@link #push}
     * @param dataRange   L, the full scale of the values
     */
    SsimWindow(int width, int bands, int pixelStride, double dataRange) {
        this.width = width;
        this.bands = bands;
        this.pixelStride = pixelStride;
        this.outWidth = Math.max(0, width - 2 * RADIUS);
        this.c1 = (K1 * dataRange) * (K1 * dataRange);
        this.c2 = (K2 * dataRange) * (K2 * dataRange);
        this.ring = new double[SIZE][STATS * bands * outWidth];
        this.xa = new double[width];
        this.xb = new double[width];
        this.ssimSum = new double[bands];
        this.csSum = new double[bands];
    }

    /** Forgets all rows and sums: the window is ready for another strip. */
    void reset() {
        rowsFed = 0;
        java.util.Arrays.fill(ssimSum, 0);
        java.util.Arrays.fill(csSum, 0);
        windowsPerBand = 0;
    }

    /**
     * Takes the next row of both images. When it completes a window and {@code count} is set, the
     * window's row of the SSIM map is added to the sums; strips set it only for windows whose
     * bottom row they own, so every window is counted once however the image is cut.
     */
    void push(double[] rowA, double[] rowB, boolean count) {
        if (outWidth == 0) {
            rowsFed++;
            return;
        }
        double[] slot = ring[(int) (rowsFed % SIZE)];
        for (int band = 0; band < bands; band++) {
            for (int x = 0, i = band; x < width; x++, i += pixelStride) {
                xa[x] = rowA[i];
                xb[x] = rowB[i];
            }
            filterRow(slot, band);
        }
        rowsFed++;
        if (count && rowsFed >= SIZE) {
            accumulateWindowRow();
        }
    }

    /** Horizontal pass: the five weighted sums for every column whose window fits in the row. */
    private void filterRow(double[] slot, int band) {
        int n = outWidth;
        int bx = (0 * bands + band) * n, by = (1 * bands + band) * n, bxx = (2 * bands + band) * n;
        int byy = (3 * bands + band) * n, bxy = (4 * bands + band) * n;
        double[] k = KERNEL;
        for (int j = 0; j < n; j++) {
            double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
            for (int t = 0; t < SIZE; t++) {
                double w = k[t], a = xa[j + t], b = xb[j + t];
                double wa = w * a, wb = w * b;
                sx += wa;
                sy += wb;
                sxx += wa * a;
                syy += wb * b;
                sxy += wa * b;
            }
            slot[bx + j] = sx;
            slot[by + j] = sy;
            slot[bxx + j] = sxx;
            slot[byy + j] = syy;
            slot[bxy + j] = sxy;
        }
    }

    /** Vertical pass over the 11 newest rows, then the SSIM formula for each column. */
    private void accumulateWindowRow() {
        int n = outWidth;
        double[][] rows = new double[SIZE][];
        long first = rowsFed - SIZE;
        for (int t = 0; t < SIZE; t++) {
            rows[t] = ring[(int) ((first + t) % SIZE)];
        }
        double[] k = KERNEL;
        for (int band = 0; band < bands; band++) {
            int bx = band * n, by = (bands + band) * n, bxx = (2 * bands + band) * n;
            int byy = (3 * bands + band) * n, bxy = (4 * bands + band) * n;
            double ssim = 0, cs = 0;
            for (int j = 0; j < n; j++) {
                double ux = 0, uy = 0, uxx = 0, uyy = 0, uxy = 0;
                for (int t = 0; t < SIZE; t++) {
                    double w = k[t];
                    double[] r = rows[t];
                    ux += w * r[bx + j];
                    uy += w * r[by + j];
                    uxx += w * r[bxx + j];
                    uyy += w * r[byy + j];
                    uxy += w * r[bxy + j];
                }
                // Population (co)variances: E[xy] - E[x]E[y] with the normalised weights.
                double vx = uxx - ux * ux, vy = uyy - uy * uy, vxy = uxy - ux * uy;
                double l = (2 * ux * uy + c1) / (ux * ux + uy * uy + c1);
                double c = (2 * vxy + c2) / (vx + vy + c2);
                ssim += l * c;
                cs += c;
            }
            ssimSum[band] += ssim;
            csSum[band] += cs;
        }
        windowsPerBand += n;
    }

    private static double[] kernel() {
        double[] k = new double[SIZE];
        double sum = 0;
        for (int i = 0; i < SIZE; i++) {
            int x = i - RADIUS;
            k[i] = Math.exp(-0.5 * x * x / (SIGMA * SIGMA));
            sum += k[i];
        }
        for (int i = 0; i < SIZE; i++) {
            k[i] /= sum;
        }
        return k;
    }
}
