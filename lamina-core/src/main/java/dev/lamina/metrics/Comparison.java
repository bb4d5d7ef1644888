package dev.lamina.metrics;

/**
 * Everything {@link Compare} measured between two images. Metrics that were not asked for, or
 * are undefined for the image size (SSIM below 11 x 11, MS-SSIM below 176 x 176), are NaN.
 *
 * @param width              image width
 * @param height             image height
 * @param bandNames          names of the compared bands (R, G, B, A / Y, A), alpha last
 * @param dataRange          L: 255, 65535 or 1
 * @param premultiplied      whether colour was compared premultiplied by alpha
 * @param psnr               PSNR over all bands, dB; +Infinity for identical images
 * @param psnrPerBand        PSNR of each band, in {@code bandNames} order
 * @param ssim               SSIM, the mean over colour bands
 * @param ssimPerBand        SSIM of each colour band
 * @param msSsim             MS-SSIM, the mean over colour bands
 * @param deltaEMean         mean CIEDE2000 over visible pixels (0 when none is visible)
 * @param deltaEP95          nearest-rank 95th percentile of CIEDE2000, to within 1/1024 above
 * @param deltaEMax          largest CIEDE2000
 * @param visiblePixels      pixels counted by the CIEDE2000 statistics
 * @param maxAbsError        the largest absolute sample difference, in units of the data range
 * @param maxAbsErrorPerBand the same per band
 * @param differingSamples   samples whose compared values differ
 * @param samples            samples compared (pixels x bands)
 */
public record Comparison(int width, int height, String[] bandNames, double dataRange, boolean premultiplied,
                         double psnr, double[] psnrPerBand, double ssim, double[] ssimPerBand, double msSsim,
                         double deltaEMean, double deltaEP95, double deltaEMax, long visiblePixels,
                         double maxAbsError, double[] maxAbsErrorPerBand, long differingSamples, long samples) {

    /** The share of samples that differ, 0 to 1. */
    public double differingShare() {
        return samples == 0 ? 0 : (double) differingSamples / samples;
    }

    /** Whether no compared sample differs. */
    public boolean identical() {
        return differingSamples == 0;
    }
}
