package dev.lamina.metrics;

import dev.lamina.core.Image;

import java.util.EnumSet;

/**
 * SSIM as in Wang, Bovik, Sheikh and Simoncelli, "Image quality assessment: from error visibility
 * to structural similarity", IEEE TIP 13(4), 2004: an 11-tap normalised Gaussian window with
 * sigma 1.5, K1 = 0.01, K2 = 0.03, L the data range, population (co)variances, computed per colour
 * band and averaged. The same number as scikit-image's {@code structural_similarity(...,
 * gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=L)}; border handling is
 * described on {@link SsimWindow}.
 */
public final class Ssim {
    private Ssim() {
    }

    /** SSIM of two images (colour premultiplied by alpha); NaN below 11 x 11 pixels. */
    public static double of(Image a, Image b) {
        return Compare.of(a, b, false, EnumSet.of(Metric.SSIM)).ssim();
    }
}
