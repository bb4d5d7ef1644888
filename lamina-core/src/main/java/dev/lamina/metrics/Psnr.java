package dev.lamina.metrics;

/**
 * Peak signal-to-noise ratio: 10 log10(L^2 / MSE), in decibels, where L is the data range (255
 * for 8-bit, 65535 for 16-bit, 1 for float) and MSE the mean of the squared sample differences.
 * Identical images have MSE 0 and an infinite PSNR. A uniform difference of 1 on 8-bit data gives
 * 20 log10(255) = 48.13 dB.
 */
public final class Psnr {
    private Psnr() {
    }

    /** PSNR for a mean squared error on data of range {@code dataRange}. */
    public static double fromMse(double mse, double dataRange) {
        if (mse == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 10 * Math.log10(dataRange * dataRange / mse);
    }

    /** PSNR of {@code a} against {@code b}, overall (premultiplied; see {@link Compare}). */
    public static double of(dev.lamina.core.Image a, dev.lamina.core.Image b) {
        return Compare.of(a, b, false, java.util.EnumSet.of(Metric.PIXEL_ERRORS)).psnr();
    }
}
