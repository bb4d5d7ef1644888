package dev.lamina.metrics;

/**
 * The coarser scales of MS-SSIM (Wang, Simoncelli and Bovik 2003), fed in order with the rows of
 * scale 2 that the strips produce, each scale downsampling into the next as its rows arrive.
 *
 * <p>Downsampling is a 2 x 2 box average (the low-pass filter and the decimation by 2 in one),
 * applied to the prepared values of the colour bands; an odd last row or column is dropped, so
 * scale s is floor(size / 2^(s-1)). Every scale streams through its own {@link SsimWindow}, so
 * memory is 11 rows per scale, not the scale's area.
 *
 * <p>The combination is the common one (TensorFlow's ssim_multiscale, pytorch-msssim): mean cs at
 * scales 1 to 4 and mean SSIM at scale 5, each clamped at 0 and raised to its weight, multiplied,
 * and averaged over colour bands.
 */
final class MsSsimScales {
    /** The weights of Wang et al. 2003, finest scale first. */
    static final double[] WEIGHTS = {0.0448, 0.2856, 0.3001, 0.2363, 0.1333};
    static final int SCALES = WEIGHTS.length;

    private final int bands;
    private final SsimWindow[] windows = new SsimWindow[SCALES - 1];   // scales 2 .. 5
    private final int[] widths = new int[SCALES - 1];
    private final double[][] pendingA = new double[SCALES - 1][];
    private final double[][] pendingB = new double[SCALES - 1][];

    /** @param width the width of scale 2 */
    MsSsimScales(int width, int bands, double dataRange) {
        this.bands = bands;
        int w = width;
        for (int s = 0; s < SCALES - 1; s++) {
            widths[s] = w;
            windows[s] = new SsimWindow(w, bands, bands, dataRange);
            w /= 2;
        }
    }

    /** Whether an image of {@code width x height} is large enough: 11 pixels at the coarsest scale. */
    static boolean defined(int width, int height) {
        int shrink = 1 << (SCALES - 1);
        return width / shrink >= SsimWindow.SIZE && height / shrink >= SsimWindow.SIZE;
    }

    /** Takes the next row of scale 2 (colour bands only, {@code bands} samples per pixel). */
    void push(double[] rowA, double[] rowB) {
        push(0, rowA, rowB);
    }

    private void push(int s, double[] rowA, double[] rowB) {
        windows[s].push(rowA, rowB, true);
        if (s == SCALES - 2) {
            return;
        }
        if (pendingA[s] == null) {
            pendingA[s] = rowA;
            pendingB[s] = rowB;
            return;
        }
        double[] downA = downsample(pendingA[s], rowA, widths[s], bands);
        double[] downB = downsample(pendingB[s], rowB, widths[s], bands);
        pendingA[s] = null;
        pendingB[s] = null;
        push(s + 1, downA, downB);
    }

    /** Mean cs of scale {@code s} (2 .. 5) for one band. */
    double meanCs(int s, int band) {
        SsimWindow w = windows[s - 2];
        return w.csSum[band] / w.windowsPerBand;
    }

    /** Mean SSIM of scale {@code s} (2 .. 5) for one band. */
    double meanSsim(int s, int band) {
        SsimWindow w = windows[s - 2];
        return w.ssimSum[band] / w.windowsPerBand;
    }

    /**
     * The 2 x 2 box average of two rows whose pixels are {@code stride} samples apart, keeping the
     * first {@code bands} samples of each: the next scale's row, {@code width / 2} pixels wide.
     */
    static double[] downsample(double[] upper, double[] lower, int width, int stride, int bands) {
        int half = width / 2;
        double[] out = new double[half * bands];
        for (int x = 0; x < half; x++) {
            int i = 2 * x * stride, j = i + stride;
            for (int c = 0; c < bands; c++) {
                out[x * bands + c] = 0.25 * ((upper[i + c] + upper[j + c]) + (lower[i + c] + lower[j + c]));
            }
        }
        return out;
    }

    private static double[] downsample(double[] upper, double[] lower, int width, int bands) {
        return downsample(upper, lower, width, bands, bands);
    }
}
